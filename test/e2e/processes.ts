import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { DNS_TOOLS_ENV } from '../dns-servers';

const execFileAsync = promisify(execFile);

/** A server process this test started, and what it printed (for failure messages). */
export interface RunningServer {
  readonly name: string;
  readonly process: ChildProcess;
  output(): string;
}

/** Starts `command` in the foreground as a child of the test; stop it with {@link stopServer}. */
export function startServer(name: string, command: string, args: string[]): RunningServer {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: DNS_TOOLS_ENV });
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('error', (e) => collect(Buffer.from(`failed to start ${command}: ${e.message}\n`)));
  return { name, process: child, output: () => log };
}

/** Stops a server by its PID: SIGTERM, then SIGKILL if it has not exited within 5 s. */
export async function stopServer(server: RunningServer | undefined): Promise<void> {
  const child = server?.process;
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs dig (loopback only) and returns its output; dig's failures are in the output, not thrown. */
export async function dig(args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync('dig', ['+time=2', '+tries=1', ...args], { env: DNS_TOOLS_ENV });
    return stdout + stderr;
  } catch (e) {
    const failure = e as { stdout?: string; stderr?: string; message: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}${failure.message}`;
  }
}

/** Polls `check` every 200 ms until it returns true; returns the time it took, or throws after `timeoutMs`. */
export async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
