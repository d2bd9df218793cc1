#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ApiFailure, CloudflareApiClient, CloudflareApiError } from './cloudflare-api';
import { review } from '../review/review';
import { SynthOutputError } from '../review/synth-output';
import { disable, enable, forceNotify, getStatus } from './outgoing-transfers';

/** Exit codes, documented in --help and the README. */
export const EXIT = {
  OK: 0,
  /** Cloudflare refused the request (HTTP 4xx or success: false). */
  REFUSED: 1,
  /** Bad arguments, or no API token in the environment. */
  USAGE: 2,
  /** No usable answer within the deadline (network errors, HTTP 5xx or 429 until time ran out). */
  GAVE_UP: 3,
  /** Cloudflare's answer was malformed, or the status did not confirm the change. */
  UNEXPECTED: 4,
  /** `review --fail-on-risk` found a high-risk change. */
  HIGH_RISK: 5,
} as const;

const DEFAULT_BASE_URL = 'https://api.cloudflare.com/client/v4';

const EXIT_HELP = `
Environment:
  CLOUDFLARE_API_TOKEN      API token (required; never printed)
  CLOUDFLARE_API_BASE_URL   API base URL (default ${DEFAULT_BASE_URL})

Exit codes:
  ${EXIT.OK}  done
  ${EXIT.REFUSED}  Cloudflare refused the request (HTTP 4xx or success: false)
  ${EXIT.USAGE}  bad arguments, CLOUDFLARE_API_TOKEN is not set, or not a synth output
  ${EXIT.GAVE_UP}  no usable answer within --timeout (network errors, HTTP 5xx, rate limits)
  ${EXIT.UNEXPECTED}  malformed answer, or the status did not confirm the change
  ${EXIT.HIGH_RISK}  review --fail-on-risk: a high-risk change is present`;

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const token = io.env.CLOUDFLARE_API_TOKEN ?? '';
  // The token never reaches output, whatever a message might echo.
  const redact = (text: string) => (token.length >= 4 ? text.split(token).join('[redacted]') : text);
  const out = (text: string) => io.out(redact(text));
  const err = (text: string) => io.err(redact(text));

  let exitCode: number = EXIT.OK;
  const program = new Command('cdktf-cloudflare-zone-transfers')
    .description('Outgoing zone transfers of a Cloudflare zone: the enable step no Terraform resource performs.')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_HELP);

  const zoneCommand = (name: string, summary: string, action: (client: CloudflareApiClient, zoneId: string) => Promise<string>) => {
    program
      .command(name)
      .description(summary)
      .requiredOption('--zone-id <id>', 'Cloudflare zone id (32 hexadecimal characters)', parseZoneId)
      .addOption(new Option('--timeout <seconds>', 'overall deadline, retries included').default(120).argParser(parseSeconds))
      .addHelpText('after', EXIT_HELP)
      .action(async (options: { zoneId: string; timeout: number }) => {
        exitCode = await runZoneCommand(options, io.env, token, out, err, action);
      });
  };
  zoneCommand('enable', 'Enable outgoing zone transfers (idempotent; confirms with the status).', enable);
  zoneCommand('disable', 'Disable outgoing zone transfers (idempotent; also clears the IXFR backlog).', disable);
  zoneCommand('status', 'Print whether outgoing zone transfers are enabled.', async (client, zoneId) => {
    const status = await getStatus(client, zoneId);
    return `zone ${zoneId}: outgoing zone transfers ${status.state === 'other' ? status.text : status.state} (Cloudflare says: ${status.text})`;
  });
  zoneCommand('force-notify', 'Send NOTIFY to the linked peers now.', forceNotify);

  program
    .command('review')
    .description('Report the outgoing zone transfers of a synth output in Markdown, or with --base what changed and how risky it is. Needs no credentials.')
    .option('--out <dir>', 'the synth output to review', 'cdktf.out')
    .option('--base <dir>', 'a synth output to compare with (for example of the base branch)')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('--fail-on-risk', 'exit with code 5 when a high-risk change is present (needs --base)')
    .option('--max-length <characters>', `Markdown only: cut the zone or change table to fit (a pull-request comment holds 65536; at least ${MIN_REVIEW_LENGTH})`, parseMaxLength)
    .addHelpText('after', EXIT_HELP)
    .action((options: { out: string; base?: string; format: 'markdown' | 'json'; failOnRisk?: boolean; maxLength?: number }) => {
      if (options.failOnRisk && options.base === undefined) {
        err('error: --fail-on-risk compares with a base: add --base <dir>.\n');
        exitCode = EXIT.USAGE;
        return;
      }
      if (options.maxLength !== undefined && options.format !== 'markdown') {
        err('error: --max-length cuts Markdown; JSON is for tools and is never cut: leave out one of the two.\n');
        exitCode = EXIT.USAGE;
        return;
      }
      try {
        const result = review(options);
        out(result.text);
        exitCode = options.failOnRisk && result.highRisk ? EXIT.HIGH_RISK : EXIT.OK;
      } catch (e) {
        if (!(e instanceof SynthOutputError)) throw e;
        err(`error: ${e.message}\n`);
        exitCode = EXIT.USAGE;
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE; // help and version exit 0; every usage error is 2
    }
    throw e;
  }
  return exitCode;
}

async function runZoneCommand(
  options: { zoneId: string; timeout: number },
  env: NodeJS.ProcessEnv,
  token: string,
  out: (text: string) => void,
  err: (text: string) => void,
  action: (client: CloudflareApiClient, zoneId: string) => Promise<string>,
): Promise<number> {
  if (token.trim() === '') {
    err('error: CLOUDFLARE_API_TOKEN is not set. Create an API token with Zone Settings Write (or Zone Write, or DNS Write) on the zone and export it.\n');
    return EXIT.USAGE;
  }
  const baseUrl = env.CLOUDFLARE_API_BASE_URL?.trim() || DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    err(`error: CLOUDFLARE_API_BASE_URL must be an http(s) URL, got ${JSON.stringify(baseUrl)}.\n`);
    return EXIT.USAGE;
  }
  const client = new CloudflareApiClient({
    token,
    baseUrl,
    deadlineMs: options.timeout * 1000,
    onRetry: (what, waitMs) => err(`retrying in ${(waitMs / 1000).toFixed(1)} s: ${what}\n`),
  });
  try {
    out(`${await action(client, options.zoneId)}\n`);
    return EXIT.OK;
  } catch (e) {
    if (!(e instanceof CloudflareApiError)) throw e;
    err(`error: ${e.message}\n`);
    return e.failure === ApiFailure.REFUSED ? EXIT.REFUSED : e.failure === ApiFailure.GAVE_UP ? EXIT.GAVE_UP : EXIT.UNEXPECTED;
  }
}

function parseZoneId(value: string): string {
  const id = value.trim().toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id)) {
    throw new InvalidArgumentError('a zone id is 32 hexadecimal characters (the zone\'s Overview page, API section).');
  }
  return id;
}

/** The shortest `--max-length`: the review's headings and notes must fit. */
const MIN_REVIEW_LENGTH = 1000;

function parseMaxLength(value: string): number {
  const characters = Number(value);
  if (!Number.isInteger(characters) || characters < MIN_REVIEW_LENGTH) {
    throw new InvalidArgumentError(`must be a whole number of characters, at least ${MIN_REVIEW_LENGTH} (a pull-request comment holds 65536).`);
  }
  return characters;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('must be a positive number of seconds.');
  return seconds;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`internal error: ${e.message}\n`);
      process.exitCode = EXIT.UNEXPECTED;
    },
  );
}
