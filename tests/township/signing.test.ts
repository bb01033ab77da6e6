import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ErrorBody, SYNC_HEADERS, SYNC_PATHS } from '../../contract/api/sync.ts';
import { testClock } from '../helpers/clock.ts';
import { BACKENDS, useTownship, type TestTownship } from './helpers/township.ts';
import { sha256, TestStation } from './helpers/test-station.ts';

const MIN = 60_000;
const body = { cursor: '0', limit: 10 };

describe.each(BACKENDS)('signed requests ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  const refused = async (res: { statusCode: number; json(): unknown }) => {
    expect(res.statusCode).toBe(401);
    return ErrorBody.parse(res.json()).error;
  };
  const pull = (t: TestTownship, s: TestStation, o = {}) => s.request(t, 'POST', SYNC_PATHS.pull, body, o);

  it('accepts a correctly signed request', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const res = await pull(t, s);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [], cursor: '0', more: false });
  });

  it('refuses an unsigned request and says which headers are missing', async () => {
    const t = township();
    await TestStation.enrolled(t);
    const err = await refused(await t.app.inject({ method: 'POST', url: SYNC_PATHS.pull, payload: body }));
    expect(err.code).toBe('sync.unsigned');
    expect(err.message).toContain(SYNC_HEADERS.signature);
  });

  it('refuses a signature made with another key', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const err = await refused(await pull(t, s, { key: generateKeyPairSync('ed25519').privateKey }));
    expect(err.code).toBe('sync.bad-signature');
  });

  it('refuses a body whose hash is not the signed one', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const err = await refused(await pull(t, s, { contentSha256: sha256('{"cursor":"5"}') }));
    expect(err.code).toBe('sync.body-hash');
  });

  it('refuses a body changed on the way with its hash header updated', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const sent = Buffer.from(JSON.stringify(body));
    const headers = s.headers('POST', SYNC_PATHS.pull, sent);
    const changed = Buffer.from(JSON.stringify({ cursor: '7', limit: 10 }));
    const res = await t.app.inject({
      method: 'POST',
      url: SYNC_PATHS.pull,
      headers: { ...headers, [SYNC_HEADERS.contentSha256]: sha256(changed), 'content-type': 'application/json' },
      payload: changed,
    });
    expect((await refused(res)).code).toBe('sync.bad-signature');
  });

  it('refuses a changed query string (the path is signed with it)', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const sha = sha256('x');
    const headers = s.headers('PUT', `${SYNC_PATHS.attachment(sha)}?offset=0&size=1`, Buffer.from('x'));
    const res = await t.app.inject({
      method: 'PUT',
      url: `${SYNC_PATHS.attachment(sha)}?offset=0&size=2`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    });
    expect((await refused(res)).code).toBe('sync.bad-signature');
  });

  it('refuses a replayed nonce, but a forgery does not use up a real nonce', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const nonce = 'nonce-0123456789abcdef';
    expect((await refused(await pull(t, s, { nonce, key: generateKeyPairSync('ed25519').privateKey }))).code).toBe('sync.bad-signature');
    expect((await pull(t, s, { nonce })).statusCode).toBe(200);
    expect((await refused(await pull(t, s, { nonce }))).code).toBe('sync.replayed');
    const exact = s.headers('POST', SYNC_PATHS.pull, Buffer.from(JSON.stringify(body)));
    const send = () => t.app.inject({ method: 'POST', url: SYNC_PATHS.pull, headers: { ...exact, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    expect((await send()).statusCode).toBe(200);
    expect((await refused(await send())).code).toBe('sync.replayed');
  });

  it.each([
    ['6 minutes behind', -6 * MIN],
    ['6 minutes ahead', 6 * MIN],
  ])('refuses a timestamp %s, with the server time', async (_label, skew) => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const err = await refused(await pull(t, s, { timestamp: testClock().getTime() + skew }));
    expect(err.code).toBe('sync.clock-skew');
    expect(Math.abs(Date.parse(err.serverTime!) - testClock().getTime())).toBeLessThan(MIN);
  });

  it('accepts a timestamp 4 minutes off either way', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    expect((await pull(t, s, { timestamp: testClock().getTime() - 4 * MIN })).statusCode).toBe(200);
    expect((await pull(t, s, { timestamp: testClock().getTime() + 4 * MIN })).statusCode).toBe(200);
  });

  it('refuses a revoked station and an unknown one', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    expect((await t.admin('POST', `/v1/admin/stations/${s.id}/revoke`)).json.revokedAt).toEqual(expect.any(String));
    expect((await refused(await pull(t, s))).code).toBe('sync.revoked');
    expect((await refused(await pull(t, new TestStation('NOBODY')))).code).toBe('sync.unknown-station');
  });

  it('refuses malformed signing headers', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const err = await refused(await pull(t, s, { headers: { [SYNC_HEADERS.timestamp]: 'yesterday' } }));
    expect(err.code).toBe('sync.unsigned');
  });

  it('signs GET and HEAD too (empty body)', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const url = SYNC_PATHS.attachment(sha256('nothing yet'));
    expect((await s.request(t, 'GET', url)).statusCode).toBe(200);
    expect((await s.request(t, 'HEAD', url)).headers[SYNC_HEADERS.received]).toBe('0');
    expect((await refused(await t.app.inject({ method: 'GET', url }))).code).toBe('sync.unsigned');
  });
});
