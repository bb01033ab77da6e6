import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorBody, MAX_SYNC_BODY_BYTES, SYNC_HEADERS, SYNC_PATHS } from '../../contract/api/sync.ts';
import { ADMIN_TOKEN } from '../../scripts/lib/township.ts';
import { BACKENDS, useTownship } from './helpers/township.ts';
import { sha256, TestStation } from './helpers/test-station.ts';

interface Res {
  statusCode: number;
  body: string;
  json(): unknown;
}

/** A 4xx with a reason, or a success; never a 5xx. */
function answered(res: Res): void {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) expect(ErrorBody.safeParse(res.json()).success, res.body).toBe(true);
}

const refusal = (res: Res) => [res.statusCode, ErrorBody.parse(res.json()).error.code];

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const eventLike = fc.record(
  {
    id: fc.oneof(fc.uuid({ version: 7 }), fc.string(), fc.integer()),
    caseNo: fc.oneof(fc.constant('ST001-20250301-0001'), fc.string()),
    seq: fc.oneof(fc.integer(), fc.double(), fc.string()),
    type: fc.oneof(fc.constantFrom('received', 'forward', 'approve'), fc.string()),
    at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    state: fc.oneof(fc.constantFrom('received', 'forwarded'), fc.string()),
    actor: fc.oneof(fc.constant(null), fc.string()),
    detail: fc.oneof(fc.dictionary(fc.string(), jsonValue), jsonValue),
    attachments: fc.oneof(fc.array(fc.stringMatching(/^[0-9a-f]{64}$/)), jsonValue),
  },
  { requiredKeys: [] },
);

describe.each(BACKENDS)('bad input ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  it('says why: malformed JSON, empty body, __proto__, deep nesting, wrong content type, unknown route', async () => {
    const t = township();
    const post = (payload: string, contentType = 'application/json') =>
      t.app.inject({ method: 'POST', url: SYNC_PATHS.enroll, headers: { 'content-type': contentType }, payload });
    expect(refusal(await post('{"code": '))).toEqual([400, 'sync.bad-json']);
    expect(refusal(await post(''))).toEqual([400, 'sync.bad-json']);
    expect(refusal(await post('{"__proto__": {"admin": true}}'))).toEqual([400, 'sync.bad-json']);
    expect(refusal(await post(`${'['.repeat(40)}${']'.repeat(40)}`))).toEqual([400, 'sync.bad-json']);
    expect(refusal(await post('code=x', 'application/x-www-form-urlencoded'))).toEqual([415, 'sync.unsupported-media-type']);
    expect(refusal(await t.app.inject({ method: 'GET', url: '/v1/nothing-here' }))).toEqual([404, 'sync.not-found']);
    expect(refusal(await t.app.inject({ method: 'GET', url: SYNC_PATHS.push }))).toEqual([404, 'sync.not-found']);
  });

  it('lists every bad field, unknown ones included', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const event = { ...s.event(s.newCaseNo(), 1), colour: 'red', seq: 0 };
    const res = await s.request(t, 'POST', SYNC_PATHS.push, { stationId: s.id, events: [event], extra: 1 });
    expect(res.statusCode).toBe(400);
    const { code, issues } = ErrorBody.parse(res.json()).error;
    expect(code).toBe('sync.invalid');
    expect(issues!.map((i) => i.path).sort()).toEqual(['', 'events[0]', 'events[0].seq']);
  });

  it('refuses an oversized body before reading all of it', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const big = { stationId: s.id, events: [s.event(s.newCaseNo(), 1, { detail: { note: 'x'.repeat(MAX_SYNC_BODY_BYTES) } })] };
    expect(refusal(await s.request(t, 'POST', SYNC_PATHS.push, big))).toEqual([413, 'sync.too-large']);
    const chunk = Buffer.alloc((4 << 20) + 1);
    expect(refusal(await s.request(t, 'PUT', `${SYNC_PATHS.attachment(sha256(chunk))}?offset=0&size=${chunk.length}`, chunk))).toEqual([413, 'sync.too-large']);
    const detail = { note: 'x'.repeat(9000) };
    const res = await s.request(t, 'POST', SYNC_PATHS.push, { stationId: s.id, events: [s.event(s.newCaseNo(), 1, { detail })] });
    expect(refusal(res)).toEqual([400, 'sync.invalid']);
  });

  it('never fails on random bodies to the open and admin routes', async () => {
    const t = township();
    const targets = [
      { method: 'POST', url: SYNC_PATHS.enroll },
      { method: 'POST', url: '/v1/admin/enrolment-codes' },
      { method: 'POST', url: '/v1/admin/blacklist' },
      { method: 'POST', url: '/v1/admin/catalog' },
      { method: 'POST', url: '/v1/admin/calendar' },
      { method: 'POST', url: '/v1/admin/cases/ST001-20250301-0001/actions' },
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.oneof(jsonValue.map((v) => JSON.stringify(v)), fc.string(), fc.string({ unit: 'binary' })),
        fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
        async (target, payload, contentType) => {
          answered(
            await t.app.inject({ ...target, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType }, payload }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never fails on random signed bodies to push, pull and attachments', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const body = fc.oneof(
      jsonValue,
      fc.record({ stationId: fc.constant(s.id), events: fc.array(eventLike, { maxLength: 4 }) }),
      fc.record({ cursor: fc.oneof(fc.string(), fc.nat().map(String)), limit: fc.oneof(fc.integer(), jsonValue) }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(SYNC_PATHS.push, SYNC_PATHS.pull), body, async (url, payload) => {
        answered(await s.request(t, 'POST', url, payload));
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        fc.oneof(fc.constant(undefined), fc.string(), fc.tuple(fc.nat(100), fc.nat(100), fc.nat(200)).map(([a, b, c]) => `bytes ${a}-${b}/${c}`)),
        fc.oneof(fc.constant(''), fc.tuple(fc.nat(100), fc.nat(200)).map(([o, n]) => `?offset=${o}&size=${n}`), fc.string().map((q) => `?${encodeURIComponent(q)}`)),
        async (bytes, range, query) => {
          const buf = Buffer.from(bytes);
          const url = `${SYNC_PATHS.attachment(sha256(buf))}${query}`;
          answered(await s.request(t, 'PUT', url, buf, range === undefined ? {} : { headers: { 'content-range': range } }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never fails on random signing headers', async () => {
    const t = township();
    const s = await TestStation.enrolled(t);
    const names = [SYNC_HEADERS.station, SYNC_HEADERS.timestamp, SYNC_HEADERS.nonce, SYNC_HEADERS.contentSha256, SYNC_HEADERS.signature];
    await fc.assert(
      fc.asyncProperty(fc.subarray(names), fc.array(fc.string({ minLength: 0, maxLength: 100 }), { minLength: 5, maxLength: 5 }), async (replace, values) => {
        const headers = s.headers('POST', SYNC_PATHS.pull, Buffer.from('{"cursor":"0"}'));
        replace.forEach((name, i) => (headers[name] = values[i]!.replace(/[^\x20-\x7e]/g, '')));
        const res = await t.app.inject({ method: 'POST', url: SYNC_PATHS.pull, headers: { ...headers, 'content-type': 'application/json' }, payload: '{"cursor":"0"}' });
        answered(res);
        if (replace.length > 0 && res.statusCode !== 200) expect(res.statusCode).toBe(401);
      }),
      { numRuns: 150 },
    );
  });
});
