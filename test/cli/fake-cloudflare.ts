import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/** A scripted misbehaviour, used for one request instead of the normal answer. */
export interface Fault {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** Raw body; default: Cloudflare's error envelope for `status`. */
  readonly body?: string;
  /** Answer this much later. */
  readonly delayMs?: number;
  /** Send headers and half a body, then cut the connection. */
  readonly truncate?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly at: number;
}

/**
 * A fake of Cloudflare's outgoing-zone-transfer endpoints on 127.0.0.1 (port
 * 0): keeps each zone's state, records every request, and answers with the
 * queued faults first.
 */
export class FakeCloudflare {
  public readonly requests: RecordedRequest[] = [];
  public readonly faults: Fault[] = [];
  public readonly state = new Map<string, 'Enabled' | 'Disabled'>();
  private server?: Server;

  public get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/client/v4`;
  }

  public async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  public async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, at: Date.now() });
    const fault = this.faults.shift();
    const answer = () => (fault ? this.fault(res, fault) : this.route(req, res));
    if (fault?.delayMs) setTimeout(answer, fault.delayMs);
    else answer();
  }

  private fault(res: ServerResponse, fault: Fault): void {
    const status = fault.status ?? 200;
    const body = fault.body ?? JSON.stringify({ success: false, errors: [{ code: 10000 + status, message: `fault ${status}` }], messages: [], result: null });
    if (fault.truncate) {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length * 2) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...fault.headers });
    res.end(body);
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const match = /^\/client\/v4\/zones\/([0-9a-f]{32})\/secondary_dns\/outgoing\/(status|enable|disable|force_notify)$/.exec(req.url ?? '');
    if (!match) return this.reply(res, 404, { success: false, errors: [{ code: 7003, message: 'Could not route to the requested path' }], result: null });
    const [, zone, action] = match;
    const current = this.state.get(zone) ?? 'Disabled';
    if (action === 'status' && req.method === 'GET') return this.reply(res, 200, ok(current));
    if (req.method !== 'POST') return this.reply(res, 405, { success: false, errors: [{ code: 10405, message: 'Method not allowed' }], result: null });
    if (action === 'enable') this.state.set(zone, 'Enabled');
    if (action === 'disable') this.state.set(zone, 'Disabled');
    const result = { enable: 'Enabled', disable: 'Disabled', force_notify: 'OK', status: current }[action];
    return this.reply(res, 200, ok(result));
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function ok(result: unknown) {
  return { success: true, errors: [], messages: [], result };
}
