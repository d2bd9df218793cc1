import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';

/** DNS response codes by number, for readable assertions. */
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/**
 * Sends one unsigned NOTIFY (RFC 1996) for `zone` from `source` to
 * `server`:`port` over UDP, and returns the response code, or 'TIMEOUT'.
 */
export function sendUnsignedNotify(source: string, server: string, port: number, zone: string): Promise<string> {
  const labels = zone.replace(/\.$/, '').split('.');
  const question = Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
    Buffer.from([0, 0, 6, 0, 1]), // root, QTYPE SOA, QCLASS IN
  ]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(randomInt(0, 0xffff), 0);
  header.writeUInt16BE((4 << 11) | 0x0400, 2); // opcode NOTIFY, AA
  header.writeUInt16BE(1, 4); // QDCOUNT
  const message = Buffer.concat([header, question]);

  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve('TIMEOUT');
    }, 3000);
    socket.on('error', (e) => {
      clearTimeout(timer);
      socket.close();
      reject(e);
    });
    socket.on('message', (reply) => {
      if (reply.readUInt16BE(0) !== header.readUInt16BE(0)) return;
      clearTimeout(timer);
      socket.close();
      const rcode = reply.readUInt16BE(2) & 0x0f;
      resolve(RCODES[rcode] ?? `RCODE${rcode}`);
    });
    socket.bind(0, source, () => socket.send(message, port, server));
  });
}
