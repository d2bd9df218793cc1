/**
 * Cloudflare's published rules and addresses for outgoing zone transfers,
 * kept in one place so that a change on Cloudflare's side is one edit here.
 *
 * Sources: Cloudflare's DNS documentation (zone transfers, "Cloudflare as
 * primary" and "Cloudflare IP addresses"), the Cloudflare API schema and the
 * Terraform provider 5.14.0.
 */

/** Limits Cloudflare enforces on outgoing zone transfers. */
export const CLOUDFLARE_LIMITS = {
  /** At most this many peers can be linked to one primary zone. */
  maxPeersPerZone: 30,
  /** An ACL's IPv4 range may not be wider than this prefix length. */
  minAclPrefixIpv4: 24,
  /** An ACL's IPv6 range may not be wider than this prefix length. */
  minAclPrefixIpv6: 64,
  /** Lowest TTL Cloudflare accepts on a DNS record of an Enterprise zone (other plans: 60). */
  minRecordTtl: 30,
  /** Highest TTL Cloudflare accepts on a DNS record. */
  maxRecordTtl: 86400,
} as const;

/**
 * Addresses a secondary DNS server needs to know about Cloudflare.
 * Cloudflare changes them rarely and announces it; `asOf` is the date of the
 * page these values were read from.
 */
export const CLOUDFLARE_ADDRESSES = {
  /** Date of the Cloudflare documentation these addresses come from. */
  asOf: '2026-04-16',
  /** Documentation page the addresses were read from. */
  source: 'https://developers.cloudflare.com/dns/zone-setups/zone-transfers/access-control-lists/cloudflare-ip-addresses/',
  /** The address a secondary transfers the zone from (its primary), on port 53. */
  transferIp: '172.65.64.6',
  /** Port of the transfer address. */
  transferPort: 53,
  /** Sources of Cloudflare's NOTIFY messages and transfer traffic since 2026-04-15. */
  notifySources: ['104.30.167.163', '104.30.167.173', '2a09:bac0:1000:c47::/64'],
  /**
   * Ranges Cloudflare used before 2026-04-15; they stopped working on 2026-12-01.
   * Kept only to document what changed: never allow them on a secondary.
   */
  deprecatedNotifySources: ['198.41.144.240/28', '198.41.150.240/28', '2a06:98c0:3601::/48', '2a06:98c0:1401::/48'],
} as const;
