export * from './cloudflare';
export * from './tsig-algorithm';
export * from './tsig-key';
export * from './transfer-peer';
export * from './transfer-acl';
export * from './secondary-dns';
export * from './outgoing-zone-transfer';
export * from './construct-props-error';
