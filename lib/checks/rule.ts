import { IConstruct } from 'constructs';
import { CheckId, CheckSeverity } from './check-id';
import { StackModel } from './stack-model';

/** One problem a rule found, on the construct to blame. */
export interface Finding {
  readonly construct: IConstruct;
  readonly message: string;
  /** Overrides the rule's severity for this finding. */
  readonly severity?: CheckSeverity;
}

/** A pre-flight rule: what it checks, why, and how to fix what it finds. */
export interface PreflightRule {
  readonly id: CheckId;
  readonly title: string;
  readonly severity: CheckSeverity;
  readonly why: string;
  readonly fix: string;
  check(model: StackModel): Finding[];
}
