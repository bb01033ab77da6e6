import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../contract/domain/calendar/holiday-calendar.ts';
import { statutoryDays } from '../../contract/domain/calendar/statutory-holidays.ts';
import { chinaDay, CLOCK_ENV, clockReading, type Clock } from '../../contract/domain/clock.ts';
import { shippedCalendar } from '../../electron/core/shipped.ts';
import { testClock, testToday } from '../helpers/clock.ts';
import { startTownship, type InProcessTownship } from '../../scripts/lib/township.ts';
import { startApply } from './harness/apply-actions.ts';
import { enrollStation } from './harness/enroll.ts';
import { fakeCameraFlags, writeFakeCameraClip, type FakeCameraClip } from './harness/fake-camera.ts';
import { addStaff } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { signByTouch } from './harness/touch-signature.ts';
import {
  atStep,
  choose,
  exemptMaterial,
  next,
  pickMatter,
  readCard,
  scanMaterial,
  seenMaterial,
  signAndReview,
  signIn,
  tick,
  typeDigits,
} from './harness/window-actions.ts';

// Two 30-working-day matters on the day the suite runs (npm test runs it again on other days): due dates past the
// official holiday calendar are 预计 at the window and at the kiosk; when the township publishes that year's
// schedule, the station moves them, records why, and the desk lists them under 期限变更. Early in a year the
// official calendar reaches past any 30-day count: then station and township live 20 days before it ends.
const PROVISO = '（以国务院公布的节假日安排为准）';
const shipped = shippedCalendar();
const scenario = ((): { today: string; clock: Clock; env: Record<string, string> } => {
  if (shipped.addWorkingDays(testToday(), 30).provisional) return { today: testToday(), clock: testClock, env: {} };
  const today = new Date(Date.parse(`${shipped.officialThrough}T10:00:00+08:00`) - 20 * 86_400_000);
  const { clock, value } = clockReading(today);
  return { today: chinaDay(today), clock, env: { [CLOCK_ENV]: value } };
})();
const LOW_INCOME = { initials: 'zdshbz', name: '最低生活保障审核确认' };
const VETERAN_CARD = { initials: 'yfdxydz', name: '退役军人和其他优抚对象优待证申领' };

let township: InProcessTownship | undefined;
let clip: FakeCameraClip | undefined;
beforeAll(async () => {
  township = await startTownship({ clock: scenario.clock });
});
afterAll(async () => {
  await township?.stop();
  clip?.remove();
});

const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, syncIntervalSec: 3600 },
  {
    stationArgs: ['--simulate'],
    env: scenario.env,
    chromiumArgs: async () => fakeCameraFlags((clip = await writeFakeCameraClip())),
    setup: async (dataDir) => {
      addStaff(dataDir);
      await enrollStation(dataDir, township);
    },
  },
);

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A made-up official schedule for `year` (test data): the statutory days off, and one extra day off on the first
 * working day of that year after `after` — so every due date counted over it moves one working day later.
 */
function scheduleWithExtraDay(year: number, after: string): { calendar: HolidayCalendar; extra: string } {
  const statutory = statutoryDays(year);
  const off = new Set(statutory.map((d) => d.date));
  let extra = after < `${year}-01-01` ? `${year}-01-01` : nextDay(after);
  while (off.has(extra) || [0, 6].includes(weekday(extra))) extra = nextDay(extra);
  const days = [...statutory, { date: extra, name: '测试' }]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => ({ ...d, isOffDay: true }));
  return { calendar: { version: '2099.1.1', source: 'test data', license: 'test data', years: [year], days }, extra };
}

/** The working day after `date` where nothing but weekends and statutory days rest. */
function nextWorkingDay(date: string): string {
  const off = new Set(statutoryDays(Number(date.slice(0, 4))).map((d) => d.date));
  let day = nextDay(date);
  while (off.has(day) || [0, 6].includes(weekday(day))) day = nextDay(day);
  return day;
}

async function dueOf(page: Page, testId: string): Promise<{ date: string; provisional: string | null; text: string }> {
  const el = page.getByTestId(testId);
  await el.waitFor();
  return { date: (await el.getAttribute('data-date')) ?? '', provisional: await el.getAttribute('data-provisional'), text: (await el.textContent()) ?? '' };
}

describe('due dates past the official holiday calendar', () => {
  const taken: { caseNo: string; due: string }[] = [];

  it('are 预计 at the window for 最低生活保障审核确认 (30 working days)', async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    await readCard(page);
    await next(page, 'matter');
    await pickMatter(page, LOW_INCOME.initials, LOW_INCOME.name);
    const check = await dueOf(page, 'check-due');
    expect(check.provisional).toBe('true');
    expect(check.text).toMatch(new RegExp(`^预计 \\d{4}年\\d{1,2}月\\d{1,2}日${PROVISO}$`));
    expect(check.date > scenario.today).toBe(true);

    await next(page, 'form');
    await choose(page, 'household-size', '1');
    await choose(page, 'reasons', 'illness');
    await choose(page, 'housing', 'own');
    await choose(page, 'income', 'under-300');
    await choose(page, 'payout', 'own-account');
    await typeDigits(page, 'phone', '13800138000');
    await tick(page, 'lookup-consent');
    await tick(page, 'truthful');
    await next(page, 'materials');
    await seenMaterial(page, 'application-form');
    await seenMaterial(page, 'authorization');
    await exemptMaterial(page, 'family-id-cards', 'id-card-proves');
    await exemptMaterial(page, 'household-register', 'database-lookup');
    await signAndReview(page);
    await page.getByTestId('intake-submit').tap();
    const receipt = await dueOf(page, 'receipt-due-date');
    expect(receipt).toEqual(check);
    taken.push({ caseNo: (await page.getByTestId('receipt-case-no').textContent()) ?? '', due: receipt.date });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('are 预计 at the kiosk for 退役军人和其他优抚对象优待证申领 (30 working days, self-service)', async () => {
    const { page, context, problems } = await kiosk.open();
    await startApply(page, VETERAN_CARD);
    await readCard(page);
    await next(page, 'form');
    await choose(page, 'category', 'veteran');
    await choose(page, 'photo', 'own');
    await choose(page, 'delivery', 'station');
    await typeDigits(page, 'phone', '13800138000');
    await tick(page, 'truthful');
    await next(page, 'materials');
    await exemptMaterial(page, 'id-card', 'id-card-proves');
    await scanMaterial(page, 'photo');
    await next(page, 'sign');
    await signByTouch(page);
    await next(page, 'submit');
    await page.getByTestId('intake-submit').tap();
    await atStep(page, 'receipt');
    const receipt = await dueOf(page, 'receipt-due-date');
    expect(receipt.provisional).toBe('true');
    expect(receipt.text).toContain(PROVISO);
    // Both taken in today with the same limit: the same day.
    expect(receipt.date).toBe(taken[0]!.due);
    taken.push({ caseNo: (await page.getByTestId('receipt-case-no').textContent()) ?? '', due: receipt.date });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('move when the township publishes the year, each with a recorded event, listed on the desk', async () => {
    expect(taken).toHaveLength(2);
    const due = taken[0]!.due;
    const { calendar, extra } = scheduleWithExtraDay(Number(due.slice(0, 4)), scenario.today);
    expect(extra < due).toBe(true);
    expect((await township!.admin('POST', '/v1/admin/calendar', calendar)).status).toBe(200);
    const moved = nextWorkingDay(due);

    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    // The sync line's sheet: 立即同步, then the 期限变更 tab lists both cases with the old and the new date.
    await page.getByTestId('sync-line').tap();
    await page.getByTestId('sync-now').tap();
    await page.getByTestId('sync-close').tap();
    await page.getByTestId('desk-tab-moved').tap();
    const rows = page.locator('[data-testid="desk-cases"][data-view="moved"] [data-testid="case-row"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    for (const { caseNo } of taken) {
      const row = page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
      expect(await row.getByTestId('case-row-due').getAttribute('data-date')).toBe(moved);
      expect(await row.getByTestId('case-row-due').getAttribute('data-provisional')).toBe('false');
      expect(await row.getByTestId('case-row-moved').getAttribute('data-from')).toBe(due);
    }
    await page.locator(`[data-testid="case-row"][data-case-no="${taken[1]!.caseNo}"]`).tap();
    const event = page.locator('[data-testid="case-event"][data-type="dueDateChanged"]');
    await event.waitFor();
    expect(await event.textContent()).toContain('办结日期按节假日安排调整');
    expect(problems).toEqual([]);
    await context.close();
  });
});
