import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../contract/api/api.ts';
import type { FaceCheckStarted, FaceFrameAnswer } from '../../../contract/api/face.ts';
import type { FaceCheckResult } from '../../../contract/domain/face-check.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import type { CallContext } from '../../../electron/core/dispatch.ts';
import { decodeImage, type RgbImage } from '../../../native/face/decode.ts';
import { FaceEngine } from '../../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../../../scripts/face/demo-faces.ts';
import { faceSource, renderFlatReplay, renderHeadTurn, type FaceVideo } from '../../../scripts/face/face-video.ts';
import { testClock } from '../../helpers/clock.ts';
import { completeMaterials, fakeScan, validForm } from '../../helpers/intake.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';

// Face checks through the contract, with the model in the real device process (`--simulate`): the simulated card's
// photo is decoded by the simulator's WLT decoder, and the camera's frames are rendered clips of that face.
const PENSION = '430000-RS-0017';
const CLERK_PIN = '135790';
/** The kiosk sends about ten frames a second; the core's clock moves with them. */
const FRAME_MS = 100;

let now = testClock().getTime();
let station: TestStation;
const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-face-'));
const clips: Record<'head' | 'flat' | 'other', Buffer[]> = { head: [], flat: [], other: [] };
let clerk: { session: string; staffId: number };

/** A clip as the kiosk's JPEG frames, ten a second. */
async function jpegFrames(video: FaceVideo): Promise<Buffer[]> {
  const step = Math.round(video.fps / (1000 / FRAME_MS));
  const frames = video.frames.filter((_, k) => k % step === 0);
  return Promise.all(frames.map((f: RgbImage) => sharp(f.rgb, { raw: { width: f.width, height: f.height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer()));
}

beforeAll(async () => {
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ faceChallenges: ['turn-left', 'turn-right'] }));
  station = openTestStation({ dataDir, mode: 'web', clock: () => new Date(now) });
  const devices = station.startDevices({ simulate: true });
  const engine = await FaceEngine.load();
  const group = demoPhoto('sample5.jpg');
  const source = await faceSource(engine, await portrait(group, (await engine.detect(await decodeImage(group)))[0]!, 0.6));
  clips.head = await jpegFrames(renderHeadTurn(source));
  clips.flat = await jpegFrames(renderFlatReplay(source));
  const stranger = demoPhoto('sample2.jpg');
  const strangerSource = await faceSource(engine, await portrait(stranger, (await engine.detect(await decodeImage(stranger)))[0]!, 0.6));
  clips.other = await jpegFrames(renderHeadTurn(strangerSource));
  await engine.close();
  await devices.whenReady();
  const admin = await station.staff.create({ displayName: '李文', role: 'admin', pin: '246813' }, 'bootstrap');
  const staffId = await station.staff.create({ displayName: '张敏', role: 'clerk', pin: CLERK_PIN }, await station.staff.login(admin, '246813'));
  const login = (await call('staffLogin', { staffId, pin: CLERK_PIN }, { transport: 'http' })) as { session: string };
  clerk = { session: login.session, staffId };
}, 120_000);

afterAll(async () => {
  await station.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: MethodName, input: unknown, ctx: CallContext): Promise<unknown> {
  const reply = await station.call(method, input, ctx);
  if (!reply.ok) throw Object.assign(new Error(`${method}: ${reply.error.code} ${reply.error.message}`), { code: reply.error.code });
  return reply.value;
}

async function refusal(method: MethodName, input: unknown, ctx: CallContext): Promise<string> {
  const reply = await station.call(method, input, ctx);
  if (reply.ok) throw new Error(`${method} was not refused`);
  return reply.error.code;
}

/** A kiosk visit: the villager's card read on the simulated reader. */
async function kioskVisit(previous?: CallContext): Promise<{ ctx: CallContext; card: IdentityCard }> {
  const { card, visit } = (await call('idcardRead', {}, previous ?? { transport: 'http' })) as { card: IdentityCard; visit: string };
  return { ctx: { transport: 'http', visit }, card };
}

/** Plays a clip in a loop, as Chromium's fake camera plays its file, until the check decides. */
async function play(check: string, frames: Buffer[], ctx: CallContext): Promise<{ result: FaceCheckResult; prompts: string[] }> {
  const prompts: string[] = [];
  for (let k = 0; k < 400; k++) {
    now += FRAME_MS;
    const answer = (await call('faceCheckFrame', { check, image: frames[k % frames.length]!.toString('base64') }, ctx)) as FaceFrameAnswer;
    if (answer.state === 'decided') return { result: answer.result, prompts };
    if (prompts.at(-1) !== answer.prompt) prompts.push(answer.prompt);
  }
  throw new Error('no decision');
}

function kioskIntake(card: IdentityCard, faceCheck?: string) {
  const matter = station.catalog.matter(PENSION);
  return {
    requestId: randomUUID(),
    channel: 'kiosk',
    matterCode: PENSION,
    applicant: { name: card.name, idNumber: card.idNumber, gender: card.gender, birthDate: card.birthDate, address: 'address' in card ? card.address : '' },
    form: { ...validForm(matter, '2026-01-05'), method: 'face' },
    materials: completeMaterials(matter, station.attachments),
    applicantSignature: fakeScan(station.attachments, `sig-${randomUUID()}`, 'signature'),
    ...(faceCheck && { faceCheck }),
  };
}

const auditOf = (action: string) =>
  station.db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id').all(action).map((r) => String((r as { detail: string }).detail));

describe('the face check at the kiosk', () => {
  it('passes the card holder turning their head, and RS-0017 is decided by it: approved at once', async () => {
    const { ctx, card } = await kioskVisit();
    expect(card.photo.decoded?.mime).toBe('image/png');
    const started = (await call('faceCheckStart', {}, ctx)) as FaceCheckStarted;
    expect(started.reference).toBe('card');
    expect(['turn-left', 'turn-right']).toContain(started.challenge);
    const { result, prompts } = await play(started.check, clips.head, ctx);
    expect(result).toMatchObject({ outcome: 'passed', failure: null, reference: 'card', challenge: started.challenge });
    expect(result.distance!).toBeLessThan(result.threshold);
    expect(result.parallax!).toBeGreaterThan(0);
    expect(prompts).toContain(`face.do.${started.challenge}`);

    // Without the check the matter is refused; with it the case is taken in and decided.
    expect(await refusal('caseIntake', kioskIntake(card), ctx)).toBe('face.check-needed');
    const intake = kioskIntake(card, started.check);
    const taken = (await call('caseIntake', intake, ctx)) as { caseNo: string; state: string };
    expect(taken.state).toBe('approved');
    const events = station.db
      .prepare('SELECT e.type, e.detail FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ? ORDER BY e.seq')
      .all(taken.caseNo) as { type: string; detail: string }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['faceChecked', 'approve']));
    const faceEvent = JSON.parse(events.find((e) => e.type === 'faceChecked')!.detail) as Record<string, unknown>;
    expect(faceEvent).toMatchObject({ outcome: 'passed', reference: 'card', model: result.model });
    // The same tap again is the same case; the spent check carries no other intake.
    expect(((await call('caseIntake', intake, ctx)) as { caseNo: string }).caseNo).toBe(taken.caseNo);
    expect(await refusal('caseIntake', kioskIntake(card, started.check), ctx)).toBe('face.check-used');
  });

  it('refuses a printed photo of the card holder waved at the camera as flat', async () => {
    const { ctx, card } = await kioskVisit();
    const started = (await call('faceCheckStart', {}, ctx)) as FaceCheckStarted;
    const { result } = await play(started.check, clips.flat, ctx);
    expect(result).toMatchObject({ outcome: 'failed', failure: 'face.liveness-flat' });
    expect(await refusal('caseIntake', kioskIntake(card, started.check), ctx)).toBe('face.check-not-accepted');
  });

  it("refuses someone else's face, however alive", async () => {
    const { ctx } = await kioskVisit();
    const started = (await call('faceCheckStart', {}, ctx)) as FaceCheckStarted;
    const { result } = await play(started.check, clips.other, ctx);
    expect(result).toMatchObject({ outcome: 'failed', failure: 'face.mismatch' });
    expect(result.distance!).toBeGreaterThan(result.threshold);
  });

  it("keeps a check to the screen that started it: neither the next visit nor an ended one may send it frames", async () => {
    const first = await kioskVisit();
    const started = (await call('faceCheckStart', {}, first.ctx)) as FaceCheckStarted;
    // The next villager's card read on the same screen.
    const second = await kioskVisit(first.ctx);
    expect(await refusal('faceCheckFrame', { check: started.check, image: clips.head[0]!.toString('base64') }, second.ctx)).toBe('face.check-unknown');
    // The first visit ended when the second card was read: its own check went with it.
    expect(await refusal('faceCheckFrame', { check: started.check, image: clips.head[0]!.toString('base64') }, first.ctx)).toBe('kiosk.card-needed');
  });

  it('answers a frame that is not a picture with a clear reason and keeps the check going', async () => {
    const { ctx } = await kioskVisit();
    const started = (await call('faceCheckStart', {}, ctx)) as FaceCheckStarted;
    expect(await refusal('faceCheckFrame', { check: started.check, image: Buffer.from('not a jpeg').toString('base64') }, ctx)).toBe('face.bad-image');
    const { result } = await play(started.check, clips.head, ctx);
    expect(result.outcome).toBe('passed');
  });

  it('logs the decision with its numbers and never a frame or a descriptor', () => {
    const logged = auditOf('face.check');
    expect(logged.length).toBeGreaterThanOrEqual(4);
    for (const detail of logged) {
      const parsed = JSON.parse(detail) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['outcome', 'distance', 'threshold', 'model', 'parallax', 'flags', 'channel']));
      expect(detail).not.toMatch(/descriptor|base64|\d\.\d+,-?\d\.\d+,-?\d\.\d+/);
    }
  });
});

describe('the face check at the window', () => {
  const window = (): CallContext => ({ transport: 'http', session: clerk.session });

  it('records a clerk override of a failed check only with a reason and the right PIN', async () => {
    await call('idcardRead', {}, window());
    const started = (await call('faceCheckStart', {}, window())) as FaceCheckStarted;
    expect(started.reference).toBe('card');
    // Before any decision there is nothing to override.
    expect(await refusal('faceCheckConfirm', { check: started.check, kind: 'override', reason: '本人在场，摄像头反光', pin: CLERK_PIN }, window())).toBe('face.confirm-not-allowed');
    const { result } = await play(started.check, clips.flat, window());
    expect(result.outcome).toBe('failed');
    expect(await refusal('faceCheckConfirm', { check: started.check, kind: 'override', reason: '本人在场，摄像头反光', pin: '000000' }, window())).toBe('staff.wrong-pin');
    const overridden = (await call('faceCheckConfirm', { check: started.check, kind: 'override', reason: '本人在场，摄像头反光', pin: CLERK_PIN }, window())) as FaceCheckResult;
    expect(overridden).toMatchObject({ outcome: 'overridden', failure: 'face.liveness-flat', clerk: { staffId: clerk.staffId, reason: '本人在场，摄像头反光' } });
    expect(auditOf('face.check').at(-1)).toContain('本人在场，摄像头反光');
  });

  it('records a camera lost mid-check as a failure the clerk may override', async () => {
    await call('idcardRead', {}, window());
    const started = (await call('faceCheckStart', {}, window())) as FaceCheckStarted;
    now += FRAME_MS;
    await call('faceCheckFrame', { check: started.check, image: clips.head[0]!.toString('base64') }, window());
    const { result } = (await call('faceCheckEnd', { check: started.check, reason: 'camera-lost' }, window())) as { result: FaceCheckResult };
    expect(result).toMatchObject({ outcome: 'failed', failure: 'face.camera-lost' });
    expect(await refusal('faceCheckFrame', { check: started.check, image: clips.head[0]!.toString('base64') }, window())).toBe('face.check-over');
  });

  it("offers the clerk's visual check when no reference face exists, and later uses the station's own from a passed check", async () => {
    // A number typed at the window with no card read: no photo, and nobody checked here before.
    const stranger = '11010519491231002X';
    const started = (await call('faceCheckStart', { idNumber: stranger }, window())) as FaceCheckStarted;
    expect(started.reference).toBe('none');
    expect(await refusal('faceCheckFrame', { check: started.check, image: clips.head[0]!.toString('base64') }, window())).toBe('face.no-reference');
    const visual = (await call('faceCheckConfirm', { check: started.check, kind: 'visual', reason: '已当面核对身份证', pin: CLERK_PIN }, window())) as FaceCheckResult;
    expect(visual).toMatchObject({ outcome: 'visual', reference: 'none', distance: null });

    // The card holder passed at the kiosk before: typed at a window that read no card, the station's sealed
    // reference serves.
    const { card } = await kioskVisit();
    const { session } = (await call('staffLogin', { staffId: clerk.staffId, pin: CLERK_PIN }, { transport: 'http' })) as { session: string };
    const fresh: CallContext = { transport: 'http', session };
    const again = (await call('faceCheckStart', { idNumber: card.idNumber }, fresh)) as FaceCheckStarted;
    expect(again.reference).toBe('station');
    const { result } = await play(again.check, clips.head, fresh);
    expect(result).toMatchObject({ outcome: 'passed', reference: 'station' });
    // Sealed at rest: the stored row holds no readable descriptor.
    const row = station.db.prepare('SELECT sealed FROM face_references').get() as { sealed: Buffer };
    expect(row.sealed.toString('latin1')).not.toMatch(/\[-?0\.\d+,/);
  });

  it('refuses a visual check from the kiosk, which has no clerk', async () => {
    const { ctx } = await kioskVisit();
    const started = (await call('faceCheckStart', {}, ctx)) as FaceCheckStarted;
    expect(await refusal('faceCheckConfirm', { check: started.check, kind: 'visual', reason: '已当面核对', pin: CLERK_PIN }, ctx)).toBe('auth.sign-in-needed');
  });
});
