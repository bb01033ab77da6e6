import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, RemoteError, type Transport } from '../../contract/api/client.ts';
import type { CallReply } from '../../contract/api/wire.ts';
import { openTestStation, type TestStation } from '../helpers/station.ts';
import { MIN_TOKEN_LENGTH, startWebServer, type WebServer } from '../../electron/transport/http-server.ts';
import { testCatalog, testMatter } from '../helpers/catalog.ts';
import { testClock } from '../helpers/clock.ts';
import { tempDir } from '../helpers/tmp.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can set any Host header and see every response header. */
function raw(server: WebServer, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let station: TestStation;
let server: WebServer;
let auth: Record<string, string>;

beforeEach(async () => {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  station = openTestStation({ dataDir: join(dir, 'data'), mode: 'web', clock: testClock });
  server = await startWebServer(station, { port: 0, rendererDir });
  auth = { cookie: `station_token=${server.token}`, 'x-station-call': '1', 'content-type': 'application/json' };
});

afterEach(async () => {
  await server.close();
  await station.close();
});

const call = (method: string, input: unknown, headers = auth) => raw(server, 'POST', `/api/${method}`, headers, JSON.stringify(input));

describe('web mode over HTTP', () => {
  it('trades the one-time URL token for an HttpOnly SameSite cookie', async () => {
    expect((await raw(server, 'GET', '/')).status).toBe(401);
    expect((await raw(server, 'GET', '/?t=wrong')).status).toBe(401);
    const r = await raw(server, 'GET', new URL(server.url).pathname + new URL(server.url).search);
    expect(r.status).toBe(302);
    expect(String(r.headers['set-cookie'])).toMatch(/station_token=.+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await raw(server, 'GET', '/', { cookie: auth.cookie! });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('kiosk');
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await raw(server, 'GET', path, { cookie: auth.cookie! });
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('answers calls with the token and the call header only, and only for a loopback Host', async () => {
    expect((await call('catalogSearch', { query: 'lnyd' }, { cookie: auth.cookie! })).status).toBe(401);
    expect((await call('catalogSearch', { query: 'lnyd' }, { 'x-station-call': '1' })).status).toBe(401);
    expect((await call('catalogSearch', { query: 'lnyd' }, { ...auth, host: 'evil.example:80' })).status).toBe(421);
    const ok = await call('catalogSearch', { query: 'lnyd' });
    expect(ok.status).toBe(200);
    const reply = JSON.parse(ok.body) as CallReply;
    expect(reply.ok && (reply.value as { name: string }[])[0]!.name).toContain('老年优待证');
    const bearer = await call('appInfo', {}, { authorization: `Bearer ${server.token}`, 'x-station-call': '1' });
    expect(bearer.status).toBe(200);
  });

  it('rejects bad input with a reason: bad JSON, wrong types, unknown fields, unknown methods, oversized bodies', async () => {
    const badJson = await raw(server, 'POST', '/api/catalogSearch', auth, '{"query":');
    expect(badJson.status).toBe(400);
    const wrongType = JSON.parse((await call('catalogSearch', { query: 42 })).body) as CallReply;
    expect(!wrongType.ok && wrongType.error.code).toBe('error.validation');
    expect(!wrongType.ok && wrongType.error.issues?.[0]?.path).toBe('query');
    const extra = JSON.parse((await call('catalogSearch', { query: 'x', admin: true })).body) as CallReply;
    expect(!extra.ok && extra.error.code).toBe('error.validation');
    const unknown = await call('dropTables', {});
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.code).toBe('error.unknown-method');
    const big = await raw(server, 'POST', '/api/catalogSearch', auth, Buffer.alloc(17 << 20, 0x20));
    expect(big.status).toBe(413);
    const empty = JSON.parse((await call('catalogSearch', { query: '  ' })).body) as CallReply;
    expect(!empty.ok && empty.error.code).toBe('catalog.empty-query');
  });

  it('answers a refusal with a 4xx and its code, keeping 500 for a crash', async () => {
    const status = async (method: string, input: unknown, headers = auth) => {
      const r = await call(method, input, headers);
      return [r.status, (JSON.parse(r.body) as CallReply & { ok: false }).error.code];
    };
    // Nobody signed in, an ended session, the operator's own method.
    expect(await status('caseList', { view: 'today' })).toEqual([401, 'auth.sign-in-needed']);
    expect(await status('caseList', { view: 'today' }, { ...auth, 'x-station-session': 'ended-session-token-0123456789' })).toEqual([401, 'staff.session-expired']);
    expect(await status('catalogExport', {})).toEqual([403, 'auth.operator-only']);
    // A PIN guessed until the account locks.
    const admin = await station.staff.create({ displayName: '站长', role: 'admin', pin: '246813' }, 'bootstrap');
    for (let i = 0; i < 4; i++) expect(await status('staffLogin', { staffId: admin, pin: '000000' })).toEqual([400, 'staff.wrong-pin']);
    expect((await status('staffLogin', { staffId: admin, pin: '000000' }))[0]).toBe(429);
    expect(await status('staffLogin', { staffId: admin, pin: '246813' })).toEqual([429, 'staff.locked']);
    // The station cannot do it now: no devices in this process.
    expect(await status('guidePrint', { code: '430000-YB-0009' })).toEqual([409, 'devices.not-started']);
  });

  it('refuses to start with an empty or short token: STATION_TOKEN= would otherwise turn the check off', async () => {
    for (const token of ['', 'x', 'a'.repeat(MIN_TOKEN_LENGTH - 1)]) {
      expect(() => startWebServer(station, { port: 0, rendererDir: '/nonexistent', token }), JSON.stringify(token)).toThrow(
        expect.objectContaining({ code: 'serve.weak-token' }),
      );
    }
    const empty = await call('appInfo', {}, { cookie: 'station_token=', 'x-station-call': '1', 'content-type': 'application/json' });
    expect(empty.status).toBe(401);
  });

  it('serves the contract through the shared client, errors keeping their codes', async () => {
    const transport: Transport = {
      async call(method, input) {
        return JSON.parse((await call(method, input)).body) as CallReply;
      },
      subscribe: () => () => undefined,
    };
    const client = createClient(transport);
    const info = await client.appInfo({});
    expect(info.mode).toBe('web');
    const guide = await client.catalogGuide({ code: (await client.catalogSearch({ query: 'yljz' }))[0]!.code });
    expect(guide.matter.name).toBe('医疗救助申请');
    expect(guide.qrPayload.length).toBeGreaterThan(0);
    await expect(client.catalogGuide({ code: 'NO-SUCH' })).rejects.toMatchObject({ code: 'catalog.unknown-code' });
    await expect(client.catalogSearch({ query: 'x'.repeat(10_000) })).rejects.toBeInstanceOf(RemoteError);
  });

  it('pushes events to a subscribed page', async () => {
    const { port } = new URL(server.origin);
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api-events', headers: { cookie: auth.cookie!, host: `127.0.0.1:${port}` } }, (res) => {
        let data = '';
        res.on('data', (d: Buffer) => {
          data += d.toString();
          if (data.includes('event: catalogUpdated')) {
            req.destroy();
            resolve(data);
          }
        });
        // Once the stream is open, publish a newer catalogue.
        station.catalog.install(testCatalog('2099.1.1', [testMatter('430000-MZ-9001', '老年优待证办理', '老年优待证')]), 'test');
      });
      req.on('error', reject);
      req.end();
    });
    expect(await received).toContain('"version":"2099.1.1"');
  });
});
