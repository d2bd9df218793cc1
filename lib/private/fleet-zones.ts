import { IConstruct } from 'constructs';

/** A zone of an OutgoingZoneTransferFleet, validated, with the fleet's defaults applied. */
export interface FleetZone {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly hiddenSecondary: boolean;
  readonly enableTransfers: boolean;
  readonly nameserverTtl: number;
}

/**
 * The zones behind each fleet's `for_each` outgoing resource, so that the
 * pre-flight checks see every zone of a fleet (its resources only hold
 * `each.value` expressions) and which of them turn on multi-provider DNS.
 */
export const FLEET_ZONES = new WeakMap<IConstruct, { zones: readonly FleetZone[]; published: ReadonlySet<string> }>();
