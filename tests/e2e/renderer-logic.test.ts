import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../contract/domain/catalog.ts';
import type { IdentityCard } from '../../contract/domain/identity.ts';
import { fenToYuan, yuanToFen } from '../../contract/domain/money.ts';
import { acceptsYuanKey } from '../../renderer/src/intake/yuan-keys.ts';
import { orderSteps } from '../../renderer/src/desk/case-words.ts';
import { faceCheckNeeded, type FaceCheckResult } from '../../contract/domain/face-check.ts';
import { buildIntake } from '../../renderer/src/intake/build-intake.ts';
import {
  FACE_REASON_KEYS,
  faceAccepted,
  frameSize,
  mayConfirmFace,
  promptIcon,
  promptKey,
  reasonFits,
} from '../../renderer/src/intake/face-rules.ts';
import { initialIntake, intakeReducer, type IntakeState } from '../../renderer/src/intake/intake-state.ts';
import { stepDone, stepsOf } from '../../renderer/src/intake/intake-steps.ts';
import { receiptStatusKey } from '../../renderer/src/intake/step-words.ts';
import { keyboardFor } from '../../renderer/src/keys/keyboard-kind.ts';
import { monthGrid } from '../../renderer/src/keys/month-grid.ts';
import { candidates, loadPinyinIndex } from '../../renderer/src/keys/pinyin-index.ts';
import { REPO } from './harness/station.ts';

// No browser: the screens' own logic.

const catalog = Catalog.parse(JSON.parse(readFileSync(join(REPO, 'assets', 'catalog', 'catalog.json'), 'utf8')));

const CARD: IdentityCard = {
  cardType: 'resident',
  name: '王秀英',
  gender: '女',
  genderCode: '2',
  birthDate: '1955-01-01',
  idNumber: '43070219550101128x',
  idNumberValid: true,
  validFrom: '2015-06-01',
  validTo: '长期',
  photo: { format: 'wlt', bytes: 1024, decoded: null },
  nation: '汉',
  nationCode: '01',
  address: '湖南省津市市毛里湖镇青苗村3组',
  authority: '津市市公安局',
};

describe('money on the number pad', () => {
  it('turns yuan as typed into whole fen without floating point, and back', () => {
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('12.')).toBe(1200);
    expect(yuanToFen('0.07')).toBe(7);
    // 0.1 + 0.2 style errors cannot happen: 1.15 yuan is 115 fen, not 114.99…
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('1000000')).toBe(100_000_000);
    for (const bad of ['', '.5', '1.234', '10000000', '1,5', '-1']) expect(yuanToFen(bad), bad).toBeNull();
    expect(fenToYuan(1250)).toBe('12.50');
    expect(fenToYuan(7)).toBe('0.07');
    expect(acceptsYuanKey('12.5', '0')).toBe(true);
    expect(acceptsYuanKey('12.50', '1')).toBe(false);
    expect(acceptsYuanKey('12.5', '.')).toBe(false);
    expect(acceptsYuanKey('', '.')).toBe(false);
  });
});

describe('the intake state', () => {
  it('forgets everything of one applicant when another card is read, and keeps its request id', () => {
    const matter = catalog.matters.find((m) => m.code === '430000-WJ-0015')!;
    let s = intakeReducer(initialIntake('window'), { type: 'card', card: CARD });
    s = intakeReducer(s, { type: 'matter', matter });
    expect(s.form['birth-date']).toBe('1955-01-01');
    s = intakeReducer(s, { type: 'field', id: 'phone', value: '13800138000' });
    s = intakeReducer(s, { type: 'material', id: 'id-card-copy', choice: { status: 'exempt', exemption: 'id-card-proves' } });
    const requestId = s.requestId;
    const other = intakeReducer(s, { type: 'card', card: { ...CARD, idNumber: '430781195803121236', birthDate: '1958-03-12' } });
    expect(other.form).toEqual({ 'birth-date': '1958-03-12' });
    expect(other.materials).toEqual({});
    expect(other.requestId).toBe(requestId);
  });

  it('builds the caseIntake input: the card as applicant, the phone from the form, one signature for the promise too', () => {
    const matter = catalog.matters.find((m) => m.code === '430000-CL-0022')!;
    const sig = { sha256: 'a'.repeat(64), kind: 'signature' as const, mime: 'image/png', size: 10, width: 10, height: 10 };
    let s = intakeReducer(initialIntake('window'), { type: 'card', card: CARD });
    s = intakeReducer(s, { type: 'matter', matter });
    expect(buildIntake(s)).toBeNull();
    s = intakeReducer(s, { type: 'field', id: 'phone', value: '13912345678' });
    s = intakeReducer(s, { type: 'material', id: 'medical-records', choice: { status: 'promised', dueDate: '2026-11-26' } });
    s = intakeReducer(s, { type: 'signature', attachment: sig });
    const input = buildIntake(s)!;
    expect(input.applicant).toEqual({
      name: '王秀英',
      idNumber: '43070219550101128X',
      gender: '女',
      birthDate: '1955-01-01',
      address: '湖南省津市市毛里湖镇青苗村3组',
      phone: '13912345678',
    });
    expect(input.materials).toEqual([{ materialId: 'medical-records', status: 'promised', dueDate: '2026-11-26', promiseSignature: sig.sha256 }]);
    expect(input.proxy).toBeUndefined();
    expect(input.requestId).toBe(s.requestId);
  });
});

describe('the desk', () => {
  it("orders the steps the core allows as the state machine does, the grave ones last", () => {
    expect(orderSteps(['withdraw', 'reject', 'approve', 'review'])).toEqual(['review', 'approve', 'reject', 'withdraw']);
    expect(orderSteps(['withdraw', 'supplementProvided'])).toEqual(['supplementProvided', 'withdraw']);
    expect(orderSteps(['deliver'])).toEqual(['deliver']);
    expect(orderSteps([])).toEqual([]);
  });
});

describe('on-screen keys', () => {
  it('gives a number pad to digit patterns and pinyin to free text', () => {
    expect(keyboardFor('^1\\d{10}$')).toBe('digits');
    expect(keyboardFor('^\\d{12,25}$')).toBe('digits');
    expect(keyboardFor(undefined)).toBe('hanzi');
    expect(keyboardFor('^[A-Z]+$')).toBe('hanzi');
  });

  it('lays a month out Monday first', () => {
    const nov = monthGrid(2026, 11);
    expect(nov.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(nov.at(-1)).toBe('2026-11-30');
    expect(monthGrid(2024, 2).filter((d) => d !== null)).toHaveLength(29);
  });

  it('finds everyday characters first for a syllable, and ü typed as v', async () => {
    const index = await loadPinyinIndex();
    expect(candidates(index, 'wang').slice(0, 10)).toContain('王');
    expect(candidates(index, 'lv')).toContain('绿');
    expect(candidates(index, 'zh').length).toBeGreaterThan(100);
    expect(candidates(index, 'xyz')).toEqual([]);
  });
});

describe('the face step', () => {
  // 养老待遇资格认证: faceCheck unless the form answers method = home (上门认证).
  const pension = catalog.matters.find((m) => m.code === '430000-RS-0017')!;
  const sig = { sha256: 'b'.repeat(64), kind: 'signature' as const, mime: 'image/png', size: 10, width: 10, height: 10 };
  const result = (outcome: FaceCheckResult['outcome'], check = 'check-0123456789'): FaceCheckResult => ({
    check,
    outcome,
    failure: outcome === 'failed' ? 'face.liveness-flat' : null,
    reference: 'card',
    distance: 0.12,
    threshold: 0.38,
    model: 'test-model',
    challenge: 'turn-left',
    parallax: 0.05,
    flags: [],
    clerk: null,
    at: '2026-01-05T02:00:00.000Z',
  });
  const applying = (channel: 'kiosk' | 'window', method?: string): IntakeState => {
    let s = intakeReducer(initialIntake(channel), { type: 'card', card: CARD });
    s = intakeReducer(s, { type: 'matter', matter: pension });
    if (method !== undefined) s = intakeReducer(s, { type: 'field', id: 'method', value: method });
    s = intakeReducer(s, { type: 'material', id: 'id-card', choice: { status: 'exempt', exemption: 'id-card-proves' } });
    return intakeReducer(s, { type: 'signature', attachment: sig });
  };

  it('is needed for a matter with faceCheck unless the form gives the answer that waives it', () => {
    expect(pension.faceCheck).toEqual({ unless: { field: 'method', value: 'home' } });
    expect(faceCheckNeeded(pension, {})).toBe(true);
    expect(faceCheckNeeded(pension, { method: 'face' })).toBe(true);
    expect(faceCheckNeeded(pension, { method: 'home' })).toBe(false);
    expect(faceCheckNeeded({ ...pension, faceCheck: {} }, { method: 'home' })).toBe(true);
    expect(faceCheckNeeded(catalog.matters.find((m) => m.code === '430000-WJ-0015')!, {})).toBe(false);
    expect(faceCheckNeeded(null, {})).toBe(false);
  });

  it('comes right after the form, or after the card (the matter at the window) when there is no form', () => {
    expect(stepsOf(applying('kiosk', 'face'))).toEqual(['card', 'form', 'face', 'materials', 'sign', 'submit']);
    expect(stepsOf(applying('kiosk'))).toEqual(['card', 'form', 'face', 'materials', 'sign', 'submit']);
    expect(stepsOf(applying('kiosk', 'home'))).toEqual(['card', 'form', 'materials', 'sign', 'submit']);
    expect(stepsOf(applying('window', 'face'))).toEqual(['card', 'matter', 'form', 'face', 'materials', 'proxy', 'sign', 'submit']);
    const formless = { ...pension, form: undefined, faceCheck: {} };
    let s = intakeReducer(initialIntake('kiosk'), { type: 'matter', matter: formless });
    expect(stepsOf(s)).toEqual(['card', 'face', 'materials', 'sign', 'submit']);
    s = intakeReducer(initialIntake('window'), { type: 'matter', matter: formless });
    expect(stepsOf(s)).toEqual(['card', 'matter', 'face', 'materials', 'proxy', 'sign', 'submit']);
  });

  it("lets 下一步 on only with an outcome the channel accepts: the kiosk a pass, the window a clerk's decision too", () => {
    for (const [channel, outcome, done] of [
      ['kiosk', null, false],
      ['kiosk', 'failed', false],
      ['kiosk', 'passed', true],
      ['kiosk', 'overridden', false],
      ['kiosk', 'visual', false],
      ['window', 'failed', false],
      ['window', 'passed', true],
      ['window', 'overridden', true],
      ['window', 'visual', true],
    ] as const) {
      const s = intakeReducer(applying(channel, 'face'), { type: 'face', result: outcome === null ? null : result(outcome) });
      expect(stepDone(s, 'face'), `${channel} ${outcome}`).toBe(done);
      expect(faceAccepted(channel, s.face), `${channel} ${outcome}`).toBe(done);
    }
  });

  it("forgets the check with another applicant or matter, not when an answer changes", () => {
    let s = intakeReducer(applying('kiosk', 'face'), { type: 'face', result: result('passed') });
    s = intakeReducer(s, { type: 'field', id: 'method', value: 'home' });
    s = intakeReducer(s, { type: 'field', id: 'method', value: 'face' });
    expect(s.face?.check).toBe('check-0123456789');
    expect(intakeReducer(s, { type: 'card', card: CARD }).face).not.toBeNull();
    expect(intakeReducer(s, { type: 'card', card: { ...CARD, idNumber: '430781195803121236' } }).face).toBeNull();
    expect(intakeReducer(s, { type: 'matter', matter: catalog.matters.find((m) => m.code === '430000-WJ-0015')! }).face).toBeNull();
  });

  it('sends the accepted check with the intake, and none after 上门认证', () => {
    const passed = intakeReducer(applying('kiosk', 'face'), { type: 'face', result: result('passed') });
    expect(buildIntake(passed)?.faceCheck).toBe('check-0123456789');
    // A failed check, or none: nothing to submit yet.
    expect(buildIntake(applying('kiosk', 'face'))).toBeNull();
    expect(buildIntake(intakeReducer(applying('kiosk', 'face'), { type: 'face', result: result('failed') }))).toBeNull();
    expect(buildIntake(intakeReducer(applying('kiosk', 'face'), { type: 'face', result: result('overridden') }))).toBeNull();
    expect(buildIntake(intakeReducer(applying('window', 'face'), { type: 'face', result: result('overridden') }))?.faceCheck).toBe('check-0123456789');
    // Changed to 上门认证 after passing: the check stays behind.
    const home = intakeReducer(passed, { type: 'field', id: 'method', value: 'home' });
    const input = buildIntake(home)!;
    expect(input.form.method).toBe('home');
    expect(input).not.toHaveProperty('faceCheck');
    expect(buildIntake(applying('kiosk', 'home'))).not.toHaveProperty('faceCheck');
  });

  it("offers the clerk's confirmation only at the window, to a clerk or the station head", () => {
    expect(mayConfirmFace('window', 'clerk')).toBe(true);
    expect(mayConfirmFace('window', 'admin')).toBe(true);
    expect(mayConfirmFace('window', 'agent')).toBe(false);
    expect(mayConfirmFace('window', null)).toBe(false);
    expect(mayConfirmFace('kiosk', 'admin')).toBe(false);
  });

  it('has fixed reasons in both languages that fit faceCheckConfirm, and measures an own reason as the core does', () => {
    const table = (locale: string) =>
      Object.assign({}, ...['ui.json', 'ui-face.json'].map((f) => JSON.parse(readFileSync(join(REPO, 'assets', 'messages', locale, f), 'utf8')))) as Record<string, string>;
    const [zh, en] = [table('zh-CN'), table('en')];
    for (const key of [...FACE_REASON_KEYS.override, ...FACE_REASON_KEYS.visual]) {
      expect(reasonFits(zh[key] ?? ''), key).toBe(true);
      expect(en[key], key).toBeTypeOf('string');
    }
    expect(reasonFits(' 好 ')).toBe(false);
    expect(reasonFits('本人')).toBe(true);
    expect(reasonFits('字'.repeat(200))).toBe(true);
    expect(reasonFits('字'.repeat(201))).toBe(false);
  });

  it('sends frames no wider than 640 pixels, in their own shape', () => {
    expect(frameSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(frameSize(320, 240)).toEqual({ width: 320, height: 240 });
    expect(frameSize(1920, 1080)).toEqual({ width: 640, height: 360 });
    expect(frameSize(1280, 960)).toEqual({ width: 640, height: 480 });
  });

  it('shows each prompt with its drawing, and several faces without a count it does not have', () => {
    expect(promptIcon('face.do.turn-left')).toBe('left');
    expect(promptIcon('face.do.turn-right')).toBe('right');
    expect(promptIcon('face.do.blink')).toBe('eye');
    expect(promptIcon('face.too-small')).toBe('closer');
    expect(promptIcon(null)).toBe('face');
    expect(promptKey('face.several-faces')).toBe('ui.face.severalFaces');
    expect(promptKey('face.do.turn-left')).toBe('face.do.turn-left');
  });

  it('says a case the check decided at once is done, not just taken in', () => {
    expect(receiptStatusKey('approved', true)).toBe('ui.receipt.faceDone');
    expect(receiptStatusKey('approved', false)).toBe('ui.receipt.approved');
    expect(receiptStatusKey('received', true)).toBe('ui.receipt.ok');
    expect(receiptStatusKey('received', false)).toBe('ui.receipt.ok');
  });
});
