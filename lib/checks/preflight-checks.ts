import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ProblemList } from '../private/problems';
import { CheckId, CheckSeverity } from './check-id';
import { Finding, PreflightRule } from './rule';
import { apexCnameRule } from './rules/apex-cname';
import { apexNsRule } from './rules/apex-ns';
import { cloudflareLimitsRule } from './rules/cloudflare-limits';
import { dnssecRule } from './rules/dnssec';
import { entitlementRule } from './rules/entitlement';
import { notTransferredRule } from './rules/not-transferred';
import { proxiedRecordRule } from './rules/proxied-record';
import { buildStackModel } from './stack-model';

/** Every pre-flight rule, in id order. */
export const PREFLIGHT_RULES: readonly PreflightRule[] = [
  proxiedRecordRule, apexCnameRule, dnssecRule, apexNsRule, notTransferredRule, cloudflareLimitsRule, entitlementRule,
];

/** An acknowledged finding, as listed in cdk.tf.json under `//.zone_transfer_acknowledgements`. */
export interface AcknowledgedFinding {
  readonly check: CheckId;
  readonly construct: string;
  readonly acknowledgedAt: string;
  readonly reason: string;
  readonly finding: string;
}

const acknowledgements = new WeakMap<IConstruct, Map<CheckId, string>>();
const stacksWithChecks = new WeakSet<TerraformStack>();
const MIN_REASON_LENGTH = 20;

/**
 * The guide's limitations and Cloudflare's rules, checked over a whole stack
 * when it is synthesized: raw provider resources as well as this library's
 * constructs. Findings are annotations on the construct to blame (errors
 * stop synth); values known only at apply time are skipped.
 */
export class PreflightChecks implements IAspect {
  /** Runs the checks on `stack` at synth; calling it again does nothing. `OutgoingZoneTransfer` and `OutgoingZoneTransferFleet` call it for their stack. */
  public static applyTo(stack: TerraformStack): void {
    if (stacksWithChecks.has(stack)) return;
    stacksWithChecks.add(stack);
    Aspects.of(stack).add(new PreflightChecks(stack));
  }

  /**
   * Accepts the findings of `checkId` on `scope` and everything below it, for
   * a written reason (at least a sentence). Acknowledged findings become
   * info annotations and are listed in the synthesized JSON for reviewers.
   */
  public static acknowledge(scope: IConstruct, checkId: CheckId, reason: string): void {
    const problems = new ProblemList();
    if (!Object.values(CheckId).includes(checkId)) {
      problems.add('checkId', checkId, `must be one of ${Object.values(CheckId).join(', ')}.`, 'pass a CheckId value.');
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH || reason.trim().split(/\s+/).length < 4) {
      problems.add('reason', reason, `an acknowledgement needs a written reason of at least a sentence (${MIN_REASON_LENGTH} characters, four words).`, 'say why the finding is acceptable here, for the reviewers.');
    }
    problems.throwIfAny(scope, 'PreflightChecks.acknowledge');
    const map = acknowledgements.get(scope) ?? new Map<CheckId, string>();
    map.set(checkId, reason.trim());
    acknowledgements.set(scope, map);
  }

  private done = false;

  private constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack || this.done) return;
    this.done = true;
    const model = buildStackModel(this.stack);
    const acknowledged: AcknowledgedFinding[] = [];
    const used = new Set<string>();
    for (const rule of PREFLIGHT_RULES) {
      for (const finding of rule.check(model)) {
        const ack = acknowledgementFor(finding.construct, rule.id);
        if (ack) {
          used.add(`${ack.at}|${rule.id}`);
          acknowledged.push({ check: rule.id, construct: finding.construct.node.path, acknowledgedAt: ack.at, reason: ack.reason, finding: finding.message });
          Annotations.of(finding.construct).addInfo(`[${rule.id}] acknowledged at ${ack.at}: ${ack.reason} (finding: ${finding.message})`);
        } else {
          report(rule, finding);
        }
      }
    }
    if (acknowledged.length > 0) this.stack.addOverride('//.zone_transfer_acknowledgements', acknowledged);
    this.warnAboutStaleAcknowledgements(used);
  }

  /** An acknowledgement that matches nothing would silently accept a future finding: say so. */
  private warnAboutStaleAcknowledgements(used: ReadonlySet<string>): void {
    for (const construct of this.stack.node.findAll()) {
      for (const id of acknowledgements.get(construct)?.keys() ?? []) {
        if (!used.has(`${construct.node.path || '(app)'}|${id}`)) {
          Annotations.of(construct).addWarning(
            `[${id}] is acknowledged here, but no finding of ${id} matched at or below this construct. ` +
              'Remove the acknowledgement, so that it does not silently accept a future finding.',
          );
        }
      }
    }
  }
}

function report(rule: PreflightRule, finding: Finding): void {
  const text = `[${rule.id}] ${finding.message} Why: ${rule.why} Fix: ${rule.fix}`;
  const annotations = Annotations.of(finding.construct);
  const severity = finding.severity ?? rule.severity;
  if (severity === CheckSeverity.ERROR) annotations.addError(text);
  else if (severity === CheckSeverity.WARNING) annotations.addWarning(text);
  else annotations.addInfo(text);
}

function acknowledgementFor(construct: IConstruct, id: CheckId): { at: string; reason: string } | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const reason = acknowledgements.get(scope)?.get(id);
    if (reason !== undefined) return { at: scope.node.path || '(app)', reason };
  }
  return undefined;
}
