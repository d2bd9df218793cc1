import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { ZoneDnsSettings } from '@cdktf/provider-cloudflare/lib/zone-dns-settings';
import { ITerraformIterator } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { dependencies } from './token-stack-traces';

/**
 * Apex NS records created by OutgoingZoneTransfer and the fleet, which always
 * turn on multi-provider DNS with them; the pre-flight check for apex NS
 * records declared elsewhere leaves these alone.
 */
export const LIBRARY_NS_RECORDS = new WeakSet<IConstruct>();

/** What every apex NS record of a zone (or, with `forEach`, of each zone) shares. */
export interface ApexNsRecordsOptions {
  readonly zoneId: string;
  /** The zone name, without the trailing dot: the API stores names without it, and with it every plan drifts. */
  readonly zoneName: string;
  readonly ttl: number;
  readonly forEach?: ITerraformIterator;
}

/**
 * Step 7: under `scope`/ApexNs, one apex NS record per host (the construct id
 * is the host), created after `settings` turns multi-provider DNS on.
 */
export function addApexNsRecords(scope: Construct, settings: ZoneDnsSettings, hosts: readonly string[], options: ApexNsRecordsOptions): DnsRecord[] {
  const recordsScope = new Construct(scope, 'ApexNs');
  const dependsOnSettings = dependencies([settings]);
  // A plain loop, not map(): cdktf records a stack trace for every token, and each frame costs.
  const records: DnsRecord[] = [];
  for (const host of hosts) {
    const record = new DnsRecord(recordsScope, host, {
      forEach: options.forEach,
      zoneId: options.zoneId,
      name: options.zoneName,
      type: 'NS',
      content: host,
      ttl: options.ttl,
      comment: 'Secondary DNS nameserver (outgoing zone transfer), managed by Terraform',
      dependsOn: dependsOnSettings,
    });
    LIBRARY_NS_RECORDS.add(record);
    records.push(record);
  }
  return records;
}
