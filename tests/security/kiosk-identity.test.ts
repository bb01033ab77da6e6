import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallReply } from '../../contract/api/wire.ts';
import { blacklist, simulatedCard } from '../e2e/harness/blacklist.ts';
import { startStation, type RunningStation } from '../e2e/harness/station.ts';
import { station as cli } from '../helpers/station-cli.ts';
import { testToday } from '../helpers/clock.ts';
import { tempDir } from '../helpers/tmp.ts';
import { validForm } from '../helpers/intake.ts';
import { api } from '../../contract/api/api.ts';

// Finding 2 and 3 of the review, replayed against a real `station serve --simulate` over HTTP with the web-mode
// token, as an attacker with that token (or a compromised page) would: the kiosk files, looks up and shows only
// what the card the core itself read allows.
let station: RunningStation;
const card = simulatedCard();
const OTHER_ID = '11010519491231002X';

beforeAll(async () => {
  station = await startStation({ idleTimeoutSec: 3600 }, ['--simulate'], {
    setup: (dataDir) => blacklist(dataDir, card.idNumber, '提供虚假证明材料'),
  });
});
afterAll(async () => {
  await station?.stop();
});

async function call(method: string, input: unknown, visit?: string): Promise<{ status: number; reply: CallReply }> {
  const res = await fetch(`${station.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${station.token}`, 'x-station-call': '1', 'content-type': 'application/json', ...(visit && { 'x-station-visit': visit }) },
    body: JSON.stringify(input),
  });
  return { status: res.status, reply: (await res.json()) as CallReply };
}
const code = (r: { reply: CallReply }) => (r.reply.ok ? 'ok' : r.reply.error.code);

/** A card read at the kiosk; reading again in a visit (`previous`) ends that visit. */
async function visit(previous?: string): Promise<string> {
  const read = await call('idcardRead', {}, previous);
  expect(read.reply.ok, JSON.stringify(read.reply)).toBe(true);
  return (read.reply as { ok: true; value: { visit: string } }).value.visit;
}

describe('the kiosk binds what it files and shows to the card it read', () => {
  it('files no case without a card read in this visit, and none under another identity', async () => {
    const guide = (await call('catalogGuide', { code: '430000-RS-0017' })).reply as { ok: true; value: { matter: never } };
    const matter = guide.value.matter as Parameters<typeof validForm>[0];
    const sig = await call('signatureSave', { signature: { width: 100, height: 50, maxPressure: 1, strokes: [{ points: [{ x: 1, y: 1, p: 1, t: 0 }] }] } });
    expect(code(sig)).toBe('kiosk.card-needed');
    const v = await visit();
    const saved = await call('signatureSave', { signature: { width: 100, height: 50, maxPressure: 1, strokes: [{ points: [{ x: 1, y: 1, p: 1, t: 0 }] }] } }, v);
    const signature = (saved.reply as { ok: true; value: { sha256: string } }).value.sha256;
    const intake = (idNumber: string, name: string) => ({
      requestId: crypto.randomUUID(),
      channel: 'kiosk',
      matterCode: matter.code,
      applicant: { name, idNumber, gender: '女', birthDate: '1949-12-31', address: '北京' },
      // 上门认证: the face check is the face tests' subject, not this one's.
      form: { ...validForm(matter, testToday()), method: 'home' },
      materials: matter.materials.map((m: { id: string; exemptions: { kind: string }[] }) => ({ materialId: m.id, status: 'exempt', exemption: m.exemptions[0]!.kind })),
      applicantSignature: signature,
    });
    expect(code(await call('caseIntake', intake(card.idNumber, card.name)))).toBe('kiosk.card-needed');
    const forged = await call('caseIntake', intake(OTHER_ID, '假名字'), v);
    expect([forged.status, code(forged)]).toEqual([400, 'kiosk.card-mismatch']);
    // With the card's own number, the case is filed under the card's own name, whatever the page said.
    const filed = await call('caseIntake', intake(card.idNumber, '假名字'), v);
    expect(code(filed)).toBe('ok');
    const caseNo = (filed.reply as { ok: true; value: { caseNo: string } }).value.caseNo;
    const shown = await cli(['case', 'show', caseNo, '--json', '--data-dir', station.dataDir]);
    expect(JSON.parse(shown.stdout).applicant.name).toBe(card.name);
  });

  it('lists only the card holder’s own cases, and never says why anyone is blacklisted', async () => {
    expect(code(await call('caseProgress', { idNumber: card.idNumber }))).toBe('kiosk.card-needed');
    const v = await visit();
    expect(code(await call('caseProgress', { idNumber: OTHER_ID }, v))).toBe('kiosk.card-mismatch');
    expect(code(await call('caseProgress', { idNumber: card.idNumber }, v))).toBe('ok');
    expect(code(await call('applicantCheck', { idNumber: OTHER_ID, matterCode: '430000-CL-0022' }, v))).toBe('kiosk.card-mismatch');
    const check = await call('applicantCheck', { idNumber: card.idNumber, matterCode: '430000-CL-0022' }, v);
    expect((check.reply as { ok: true; value: unknown }).value).toMatchObject({ blacklisted: false, reason: null, rongque: false });
    expect(JSON.stringify(check.reply)).not.toContain('提供虚假证明材料');
  });

  it('previews only the pages and signatures this visit took, and prints only its own receipt', async () => {
    const a = await visit();
    const page = await call('signatureSave', { signature: { width: 10, height: 10, maxPressure: 1, strokes: [{ points: [{ x: 2, y: 2, p: 1, t: 0 }] }] } }, a);
    const sha = (page.reply as { ok: true; value: { sha256: string } }).value.sha256;
    expect(code(await call('attachmentPreview', { sha256: sha }, a))).toBe('ok');
    const b = await visit(a);
    expect(code(await call('attachmentPreview', { sha256: sha }, b))).toBe('kiosk.not-this-visit');
    expect(code(await call('attachmentPreview', { sha256: sha }))).toBe('kiosk.card-needed');
    // Reading a card again in a visit starts a new one: the first is over, with what it took.
    expect(code(await call('attachmentPreview', { sha256: sha }, a))).toBe('kiosk.card-needed');
    expect(code(await call('docPrint', { caseNo: 'XXXXX-20261202-0001', document: 'receipt' }, b))).toBe('kiosk.not-this-visit');
    expect(code(await call('kioskVisitEnd', {}, b))).toBe('ok');
    expect(code(await call('caseProgress', { idNumber: card.idNumber }, b))).toBe('kiosk.card-needed');
  });

  it('declares the methods that read a card as the kiosk’s', () => {
    for (const m of ['caseIntake', 'caseProgress', 'applicantCheck', 'attachmentPreview'] as const) expect(api[m].auth.kind).toBe('kiosk');
  });
});

describe('web mode start', () => {
  it('refuses an empty STATION_TOKEN instead of serving with the check off', () => {
    const r = cli(['serve', '--data-dir', tempDir()], { STATION_TOKEN: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/serve\.weak-token/);
  });
});
