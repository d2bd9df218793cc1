/** Stable ids of the pre-flight checks; use them to acknowledge a finding. */
export enum CheckId {
  /** Proxied records in a zone with outgoing transfers. */
  PROXIED_RECORD = 'CFZT001',
  /** A CNAME at the zone apex (transferred flattened). */
  APEX_CNAME = 'CFZT002',
  /** DNSSEC without multi-signer, or multi-signer that needs the secondary's key. */
  DNSSEC = 'CFZT003',
  /** Apex NS records declared outside this library while multi-provider DNS is off. */
  APEX_NS_IGNORED = 'CFZT004',
  /** Records Cloudflare never transfers (CAA, TLS-validation TXT). */
  NOT_TRANSFERRED = 'CFZT005',
  /** Cloudflare's limits across the stack: one TSIG per zone, 30 peers, ACL width, duplicate peers. */
  CLOUDFLARE_LIMITS = 'CFZT006',
  /** The account team must enable outgoing transfers (Enterprise). */
  ENTITLEMENT = 'CFZT007',
}

/** How a finding is reported: an error stops synth. */
export enum CheckSeverity {
  ERROR = 'error',
  WARNING = 'warning',
  INFO = 'info',
}
