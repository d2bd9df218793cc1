import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Token } from 'cdktf';
import {
  CLOUDFLARE_ADDRESSES, InputError, SecondaryConfigInput, SecondaryServer, TsigAlgorithm,
  renderBindConfig, renderKnotConfig, renderNsdConfig, renderPowerDnsConfig, renderSecondaryConfig,
} from '../../lib';
import { describeWithDnsServers } from '../dns-servers';
import { CHECKED_SERVERS, checkConfig } from './checkers';

// A made-up key ("test-only-secret" in base64): never a real one.
const TEST_SECRET = 'dGVzdC1vbmx5LXNlY3JldA==';
const INPUT: SecondaryConfigInput = {
  zones: ['example.net', 'Example.COM.'],
  tsig: { name: 'Cloudflare-Transfer', algorithm: TsigAlgorithm.HMAC_SHA512, secret: TEST_SECRET },
};
const LAB: SecondaryConfigInput = {
  ...INPUT,
  primaries: [{ address: '127.0.0.1', port: 15353 }, { address: '::1' }],
  notifySources: ['127.0.0.1', '127.0.0.0/29', '::1'],
};

const RENDER = {
  [SecondaryServer.BIND]: renderBindConfig,
  [SecondaryServer.KNOT]: renderKnotConfig,
  [SecondaryServer.NSD]: renderNsdConfig,
  [SecondaryServer.POWERDNS]: renderPowerDnsConfig,
};

function golden(server: SecondaryServer): string {
  return readFileSync(join(__dirname, 'golden', `${server}.conf`), 'utf8');
}

describe('secondary configuration renderers', () => {
  test.each(Object.values(SecondaryServer))('%s matches its golden file', (server) => {
    expect(RENDER[server](INPUT)).toBe(golden(server));
  });

  test.each(Object.values(SecondaryServer))('renderSecondaryConfig(%s) is the same text', (server) => {
    expect(renderSecondaryConfig(server, INPUT)).toBe(RENDER[server](INPUT));
  });

  test.each(Object.values(SecondaryServer))("%s: uses Cloudflare's transfer address and every current NOTIFY source, never a deprecated one", (server) => {
    const text = RENDER[server](INPUT);
    expect(text).toContain(CLOUDFLARE_ADDRESSES.transferIp);
    for (const source of CLOUDFLARE_ADDRESSES.notifySources) expect(text).toContain(source);
    for (const old of CLOUDFLARE_ADDRESSES.deprecatedNotifySources) expect(text).not.toContain(old.split('/')[0]);
  });

  test.each(Object.values(SecondaryServer))('%s: the key name, algorithm and secret are exactly the ones given', (server) => {
    const text = RENDER[server]({ ...INPUT, tsig: { ...INPUT.tsig, algorithm: TsigAlgorithm.HMAC_SHA256 } });
    expect(text).toContain('cloudflare-transfer.');
    expect(text).toMatch(/hmac-sha256\b/);
    expect(text).not.toContain('hmac-sha512');
    expect(text).toContain(TEST_SECRET);
  });

  test('the MD5 algorithm gets its short server name', () => {
    expect(renderBindConfig({ ...INPUT, tsig: { ...INPUT.tsig, algorithm: TsigAlgorithm.HMAC_MD5 } })).toContain('algorithm hmac-md5;');
  });

  test('a secret token is written where the secret goes', () => {
    const secret = Token.asString({ Ref: 'secret' });
    expect(renderNsdConfig({ ...INPUT, tsig: { ...INPUT.tsig, secret } })).toContain(`secret: "${secret}"`);
  });

  test('PowerDNS writes IPv6 primaries with brackets', () => {
    expect(renderPowerDnsConfig(LAB)).toContain('pdnsutil create-secondary-zone example.com 127.0.0.1:15353 [::1]:53');
  });

  test('overridden addresses are announced in the header', () => {
    expect(renderKnotConfig(LAB)).toContain("# Primaries or NOTIFY sources are overridden: this is not Cloudflare's production setup.");
  });

  test('reports every problem of the input at once, and never shows the secret', () => {
    let error: unknown;
    try {
      renderBindConfig({
        zones: ['example.com', 'example.com', 'bad zone'],
        tsig: { name: '', algorithm: 'sha1' as TsigAlgorithm, secret: 'not base64!' },
        primaries: [{ address: '172.65.64.6/32', port: 0 }],
        notifySources: ['104.30.167.163/24'],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toMatch(/^renderBindConfig: the input has 8 problems:/);
    for (const field of ['zones[2]', 'zones[0], zones[1]', 'tsig.name', 'tsig.algorithm', 'tsig.secret', 'primaries[0].address', 'primaries[0].port', 'notifySources[0]']) {
      expect(message).toContain(`${field}: received`);
    }
    expect(message).not.toContain('not base64!');
  });

  test.each<[string, unknown, string]>([
    ['no zones', { ...INPUT, zones: [] }, 'zones: received an array of 0'],
    ['no tsig', { zones: ['example.com'] }, 'tsig: received undefined'],
    ['empty primaries', { ...INPUT, primaries: [] }, 'a secondary needs at least one primary'],
    ['a primary token', { ...INPUT, primaries: [{ address: Token.asString({ Ref: 'ip' }) }] }, 'must be known at synth time'],
    ['not an object', 'example.com', 'input: received "example.com"'],
  ])('%s is an error', (_, input, message) => {
    expect(() => renderKnotConfig(input as SecondaryConfigInput)).toThrow(message);
  });

  test('an unknown server is an error', () => {
    expect(() => renderSecondaryConfig('unbound' as SecondaryServer, INPUT)).toThrow('renderSecondaryConfig: the input has 1 problem:\n  1. server: received "unbound"');
  });
});

describeWithDnsServers("the servers' own checkers", () => {
  test.each(CHECKED_SERVERS)("%s: the server's own checker accepts the configuration, with Cloudflare's addresses and with lab overrides", (server) => {
    for (const input of [INPUT, LAB]) {
      const { status, output } = checkConfig(server, RENDER[server](input));
      expect({ status, output }).toEqual({ status: 0, output: expect.any(String) });
    }
  });

  test.each(CHECKED_SERVERS)('%s: the checker rejects a broken configuration (so the check above can fail)', (server) => {
    const broken = RENDER[server](INPUT).replace('hmac-sha512', 'hmac-sha999');
    expect(checkConfig(server, broken).status).not.toBe(0);
  });
});
