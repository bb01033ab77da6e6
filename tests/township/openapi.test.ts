import { describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../contract/api/sync.ts';
import { servedRoutes } from '../../township/server.ts';
import { BACKENDS, useTownship } from './helpers/township.ts';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; security: unknown[] }>>;
  components: { schemas: Record<string, unknown> };
};

const refs = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap(refs)
    : v !== null && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, x]) => (k === '$ref' && typeof x === 'string' ? [x] : refs(x)))
      : [];

describe.each(BACKENDS)('the OpenAPI document ($backend)', ({ backend }) => {
  const township = useTownship(backend);

  const fetchDoc = async () => {
    const res = await township().app.inject({ method: 'GET', url: SYNC_PATHS.openapi });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    return res.json() as Doc;
  };

  it('lists exactly the routes the server serves', async () => {
    const doc = await fetchDoc();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const served = servedRoutes(township().app).map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(10);
    expect([...documented].sort()).toEqual([...served].sort());
  });

  it('documents every operation: a unique id, answers, and the auth each one needs', async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.values(o).map((op) => ({ path, ...op })));
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const op of ops) {
      expect(op.responses['200'], op.operationId).toBeDefined();
      const signed = op.path.startsWith('/v1/sync/');
      const admin = op.path.startsWith('/v1/admin/');
      expect(op.security, op.operationId).toEqual(signed ? [{ stationSignature: [] }] : admin ? [{ adminToken: [] }] : []);
      if (signed || admin) expect(op.responses['401'], op.operationId).toBeDefined();
    }
  });

  it('resolves every schema reference inside the document', async () => {
    const doc = await fetchDoc();
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas, ref).toHaveProperty([ref.slice('#/components/schemas/'.length)]);
    }
  });

  it('answers every documented route with something other than "no such route"', async () => {
    const doc = await fetchDoc();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const url = path.replace('{sha256}', '0'.repeat(64)).replace('{stationId}', 'ST001').replace('{caseNo}', 'ST001-20250101-0001').replace('{idNumber}', '430124199001010011');
        const res = await township().app.inject({ method: method.toUpperCase() as 'GET', url });
        if (res.statusCode === 404) expect(res.json().error.code, `${method} ${url}`).not.toBe('sync.not-found');
      }
    }
  });
});
