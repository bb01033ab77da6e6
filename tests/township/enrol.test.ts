import { describe, expect, it } from 'vitest';
import { EnrollResponse, ErrorBody, SYNC_PATHS } from '../../contract/api/sync.ts';
import { BACKENDS, useTownship } from './helpers/township.ts';
import { TestStation } from './helpers/test-station.ts';

describe.each(BACKENDS)('enrolment ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  const newCode = async (body: object = { village: '三里村', grid: '第二网格' }) => {
    const res = await township().admin('POST', '/v1/admin/enrolment-codes', body);
    expect(res.status).toBe(200);
    return res.json as { code: string; expiresAt: string };
  };
  const errorCode = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error.code;

  it('binds a public key to the code’s village and grid, and the station can then sign', async () => {
    const t = township();
    const { code } = await newCode();
    const station = new TestStation('ENRL1');
    const res = await station.enrol(t, code.toLowerCase().replaceAll('-', ' '));
    expect(res.statusCode, res.body).toBe(200);
    const body = EnrollResponse.parse(res.json());
    expect(body).toMatchObject({ stationId: 'ENRL1', village: '三里村', grid: '第二网格' });
    const stations = await t.admin('GET', '/v1/admin/stations');
    expect(stations.json).toEqual([expect.objectContaining({ id: 'ENRL1', village: '三里村', revokedAt: null })]);
    expect((await station.request(t, 'POST', SYNC_PATHS.pull, { cursor: '0' })).statusCode).toBe(200);
  });

  it('refuses a code used twice, and the second key is not bound', async () => {
    const t = township();
    const { code } = await newCode();
    expect((await new TestStation('ONCE1').enrol(t, code)).statusCode).toBe(200);
    const again = await new TestStation('ONCE2').enrol(t, code);
    expect(again.statusCode).toBe(403);
    expect(errorCode(again)).toBe('sync.enroll-code-used');
    const sameStation = await new TestStation('ONCE1').enrol(t, code);
    expect(errorCode(sameStation)).toBe('sync.enroll-code-used');
    expect((await t.admin('GET', '/v1/admin/stations')).json.map((s: { id: string }) => s.id)).toEqual(['ONCE1']);
  });

  it('refuses an unknown code and an expired one', async () => {
    const t = township();
    const unknown = await new TestStation().enrol(t, 'ABCD-EFGH-JKLM');
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([403, 'sync.enroll-code-unknown']);
    const { code } = await newCode();
    t.clock.offsetMs = 8 * 24 * 3600 * 1000;
    const late = await new TestStation().enrol(t, code);
    expect([late.statusCode, errorCode(late)]).toEqual([403, 'sync.enroll-code-expired']);
  });

  it('refuses a station id already enrolled, without spending the code', async () => {
    const t = township();
    await TestStation.enrolled(t, 'TAKEN');
    const { code } = await newCode();
    const clash = await new TestStation('TAKEN').enrol(t, code);
    expect([clash.statusCode, errorCode(clash)]).toEqual([409, 'sync.enroll-station-taken']);
    expect((await new TestStation('OTHER').enrol(t, code)).statusCode).toBe(200);
  });

  it('re-keys a revoked (reinstalled) station with a code made for it', async () => {
    const t = township();
    const old = await TestStation.enrolled(t, 'REKEY');
    expect((await t.admin('POST', '/v1/admin/stations/REKEY/revoke')).status).toBe(200);
    const { code } = await newCode({ village: '三里村', grid: '第二网格', stationId: 'REKEY' });
    expect(errorCode(await new TestStation('NOTIT').enrol(t, code))).toBe('sync.enroll-code-unknown');
    const fresh = new TestStation('REKEY');
    expect((await fresh.enrol(t, code)).statusCode).toBe(200);
    expect((await fresh.request(t, 'POST', SYNC_PATHS.pull, { cursor: '0' })).statusCode).toBe(200);
    const oldKey = await old.request(t, 'POST', SYNC_PATHS.pull, { cursor: '0' });
    expect([oldKey.statusCode, errorCode(oldKey)]).toEqual([401, 'sync.bad-signature']);
  });

  it('refuses a key whose proof does not verify (not held, or mangled), and a malformed request; the code stays usable', async () => {
    const t = township();
    const { code } = await newCode();
    const station = new TestStation('BADK1');
    const otherKey = { ...station.enrolBody(code), publicKey: new TestStation().publicKey };
    const notHeld = await t.app.inject({ method: 'POST', url: SYNC_PATHS.enroll, payload: otherKey });
    expect([notHeld.statusCode, errorCode(notHeld)]).toEqual([400, 'sync.invalid']);
    const garbage = await t.app.inject({ method: 'POST', url: SYNC_PATHS.enroll, payload: { ...station.enrolBody(code), publicKey: 'A'.repeat(43) } });
    expect(garbage.statusCode).toBe(400);
    const extra = await t.app.inject({ method: 'POST', url: SYNC_PATHS.enroll, payload: { ...station.enrolBody(code), village: 'x' } });
    expect([extra.statusCode, errorCode(extra)]).toEqual([400, 'sync.invalid']);
    expect((await station.enrol(t, code)).statusCode).toBe(200);
  });

  it('makes codes only for the admin token', async () => {
    const t = township();
    const res = await t.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', payload: { village: 'a', grid: 'b' }, headers: { authorization: 'Bearer wrong' } });
    expect([res.statusCode, errorCode(res)]).toEqual([401, 'admin.unauthorised']);
  });
});
