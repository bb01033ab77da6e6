import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../contract/domain/catalog.ts';
import type { IdentityCard } from '../../contract/domain/identity.ts';
import { fenToYuan, yuanToFen } from '../../contract/domain/money.ts';
import { acceptsYuanKey } from '../../renderer/src/intake/yuan-keys.ts';
import { orderSteps } from '../../renderer/src/desk/case-words.ts';
import { buildIntake } from '../../renderer/src/intake/build-intake.ts';
import { initialIntake, intakeReducer } from '../../renderer/src/intake/intake-state.ts';
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
