import { IConstruct } from 'constructs';

/**
 * Apex NS records created by OutgoingZoneTransfer, which always turns on
 * multi-provider DNS with them; the pre-flight check for apex NS records
 * declared elsewhere leaves these alone.
 */
export const LIBRARY_NS_RECORDS = new WeakSet<IConstruct>();
