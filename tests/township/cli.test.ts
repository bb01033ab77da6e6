import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../contract/domain/catalog.ts';
import { ErrorBody, Health, SYNC_PATHS } from '../../contract/api/sync.ts';
import { BACKENDS, useTownship, type TestTownship } from './helpers/township.ts';
import { TestStation } from './helpers/test-station.ts';

const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'township.mjs');
const env = () => {
  const { DATABASE_URL: _db, TOWNSHIP_ADMIN_TOKEN: _token, TOWNSHIP_DATA_DIR: _dir, ...rest } = process.env;
  return rest;
};

/** The real `township` command, against the test's database and data directory. */
function township(t: TestTownship, args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args, '--db', t.dbUrl, '--data-dir', t.dataDir], { cwd: root, encoding: 'utf8', env: env(), timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** Starts `township serve …` and resolves with the process and the address it printed. */
function serve(args: string[]): Promise<{ child: ReturnType<typeof spawn>; address: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [script, 'serve', ...args], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`township serve did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /township listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, address: m[1]!, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`township serve exited (${code}): ${out}`)));
  });
}

describe.each(BACKENDS)('the township command ($backend)', ({ backend }) => {
  const current = useTownship(backend);

  it('makes an enrolment code, lists and revokes stations', async () => {
    const t = current();
    const made = township(t, ['admin', 'code', '--village', '三里村', '--grid', '第一网格']);
    expect(made.status, made.stderr).toBe(0);
    const station = new TestStation('CLI01');
    expect((await station.enrol(t, made.json().code)).statusCode).toBe(200);
    expect(township(t, ['admin', 'stations']).json()).toEqual([expect.objectContaining({ id: 'CLI01', village: '三里村', grid: '第一网格' })]);
    expect(township(t, ['admin', 'revoke', 'CLI01']).json().revokedAt).toEqual(expect.any(String));
    const res = await station.request(t, 'POST', SYNC_PATHS.pull, { cursor: '0' });
    expect(ErrorBody.parse(res.json()).error.code).toBe('sync.revoked');
    const missing = township(t, ['admin', 'code', '--village', '三里村']);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('grid')]);
  });

  it('moves cases, publishes the shipped catalogue and edits the blacklist for stations to pull', async () => {
    const t = current();
    const s = await TestStation.enrolled(t);
    const caseNo = s.newCaseNo();
    await s.push(t, [s.event(caseNo, 1)]);
    expect(township(t, ['admin', 'case', caseNo, 'approve', '--actor', '李乡长']).json()).toMatchObject({ caseNo, state: 'approved' });
    expect(township(t, ['admin', 'case', caseNo, 'resultReady']).status).toBe(0);
    const noTracking = township(t, ['admin', 'case', caseNo, 'post']);
    expect([noTracking.status, noTracking.stderr]).toEqual([2, expect.stringContaining('admin.tracking-no-required')]);
    expect(township(t, ['admin', 'case', caseNo, 'post', '--tracking-no', 'EMS9876543210CN']).json().state).toBe('delivered');
    expect(township(t, ['admin', 'case', caseNo]).json().events).toHaveLength(4);
    const published = township(t, ['admin', 'publish', 'catalog', join(root, 'assets/catalog/catalog.json')]);
    expect(published.status, published.stderr).toBe(0);
    expect(township(t, ['admin', 'blacklist', 'add', '43012419900101001X', '--reason', '骗取补贴']).json()).toEqual({ idNumber: '43012419900101001X', changed: true });
    const bad = township(t, ['admin', 'blacklist', 'add', '123', '--reason', '骗取补贴']);
    expect(bad.status).toBe(2);
    const items = (await s.pull(t)).items;
    expect(items.map((i) => i.kind)).toEqual(['case-state', 'case-state', 'case-state', 'catalog', 'blacklist']);
    const catalog = items[3]!.kind === 'catalog' ? items[3]!.catalog : undefined;
    expect(catalog).toEqual(Catalog.parse(JSON.parse(readFileSync(join(root, 'assets/catalog/catalog.json'), 'utf8'))));
  });

  it('refuses plain HTTP off loopback, and serves HTTPS with --tls-cert/--tls-key', async () => {
    const t = current();
    const refused = spawnSync(process.execPath, [script, 'serve', '--host', '0.0.0.0', '--db', t.dbUrl, '--data-dir', t.dataDir], { cwd: root, encoding: 'utf8', env: env(), timeout: 60_000 });
    expect([refused.status, refused.stderr]).toEqual([2, expect.stringContaining('--tls-cert')]);

    const dir = mkdtempSync(join(tmpdir(), 'township-tls-'));
    try {
      const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
      const ssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
      expect(ssl.status, ssl.stderr).toBe(0);
      const server = await serve(['--port', '0', '--tls-cert', cert, '--tls-key', key, '--db', t.dbUrl, '--data-dir', t.dataDir]);
      try {
        expect(server.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const body = await new Promise<string>((resolve, reject) => {
          request(`${server.address}${SYNC_PATHS.health}`, { ca: readFileSync(cert) }, (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(text));
          }).on('error', reject).end();
        });
        expect(Health.parse(JSON.parse(body)).status).toBe('ok');
      } finally {
        server.child.kill('SIGTERM');
      }
      expect(await server.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves plain HTTP on loopback with an admin token file made on first start', async () => {
    const t = current();
    const server = await serve(['--port', '0', '--db', t.dbUrl, '--data-dir', t.dataDir]);
    try {
      const token = readFileSync(join(t.dataDir, 'admin-token'), 'utf8').trim();
      const stations = await fetch(`${server.address}/v1/admin/stations`, { headers: { authorization: `Bearer ${token}` } });
      expect(stations.status).toBe(200);
      expect((await fetch(`${server.address}/v1/admin/stations`)).status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });
});
