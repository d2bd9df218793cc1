import { Change, Risk, diffReviewModels } from './diff';
import { renderDiffMarkdown, renderReviewMarkdown } from './markdown';
import { buildReviewModel } from './model';
import { readSynthOutput } from './synth-output';

export interface ReviewOptions {
  /** The synth output to review. */
  readonly out: string;
  /** A synth output to compare with (the base of a pull request). */
  readonly base?: string;
  readonly format: 'markdown' | 'json';
  /** Markdown only: at most this many characters (see `MarkdownOptions.maxLength`). */
  readonly maxLength?: number;
}

export interface ReviewResult {
  readonly text: string;
  /** The changes when a base was given. */
  readonly changes?: Change[];
  readonly highRisk: boolean;
}

/** The review report, or with a base the report of what changed; computed from synth outputs alone. */
export function review(options: ReviewOptions): ReviewResult {
  const head = buildReviewModel(readSynthOutput(options.out));
  if (options.base === undefined) {
    const text = options.format === 'json' ? `${JSON.stringify(head, null, 2)}\n` : renderReviewMarkdown(head, { maxLength: options.maxLength });
    return { text, highRisk: false };
  }
  const changes = diffReviewModels(buildReviewModel(readSynthOutput(options.base)), head);
  const summary = Object.fromEntries(Object.values(Risk).map((risk) => [risk, changes.filter((c) => c.risk === risk).length]));
  const text = options.format === 'json' ? `${JSON.stringify({ summary, changes }, null, 2)}\n` : renderDiffMarkdown(changes, { maxLength: options.maxLength });
  return { text, changes, highRisk: changes.some((c) => c.risk === Risk.HIGH) };
}
