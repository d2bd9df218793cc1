import { Testing } from 'cdktf';
// Declares the types of cdktf's matchers (toHaveResourceWithProperties, ...).
import 'cdktf/lib/testing/adapters/jest';

// Adds cdktf's matchers to expect().
Testing.setupJest();

// The DNS servers and their checkers live in /usr/sbin, which a non-root PATH may lack.
process.env.PATH = [process.env.PATH, '/usr/sbin', '/sbin'].filter(Boolean).join(':');
