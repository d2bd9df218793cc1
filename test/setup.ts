import { Testing } from 'cdktf';
// Declares the types of cdktf's matchers (toHaveResourceWithProperties, ...).
import 'cdktf/lib/testing/adapters/jest';

// Adds cdktf's matchers to expect().
Testing.setupJest();

