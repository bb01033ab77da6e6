import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarStatus } from '../../contract/api/api.ts';
import { startTownship, type InProcessTownship } from '../../scripts/lib/township.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { startApply } from './harness/apply-actions.ts';
import { enrollStation } from './harness/enroll.ts';
import { callFromPage, valueFromPage } from './harness/kiosk-actions.ts';
import { addStaff } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { signByTouch } from './harness/touch-signature.ts';
import { atStep, choose, exemptMaterial, next, readCard, signIn, tick } from './harness/window-actions.ts';

// The whole loop: a villager applies at the kiosk, the station uploads the case to a real township (in this test
// process, on loopback), the township approves and posts it, the station pulls that back by itself (every 5 s), and
// 查进度 says 已办结. The clerk's desk shows the sync line; with the township gone it says 网络断开.
let township: InProcessTownship | undefined;
let townshipDown = false;
let townshipDir = '';
beforeAll(async () => {
  townshipDir = mkdtempSync(join(tmpdir(), 'township-e2e-'));
  township = await startTownship({ dataDir: townshipDir });
});

const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, syncIntervalSec: 5 },
  {
    stationArgs: ['--simulate'],
    setup: async (dataDir) => {
      await enrollStation(dataDir, township);
      addStaff(dataDir);
    },
  },
);

afterAll(async () => {
  if (!township) return;
  if (townshipDown) {
    // The server is closed already; what stop() would do besides.
    await township.store.close();
    rmSync(townshipDir, { recursive: true, force: true });
  } else {
    await township.stop();
  }
});

/** Polls `check` until it returns a value, or fails after `timeoutMs` with what it saw last. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * 养老金认证 at the kiosk, as in kiosk-apply: card, form, waived material, finger signature, 提交 — with 上门认证
 * (method home), so there is no face check (the kiosk-apply and kiosk-face tests do that) and the case waits for
 * the township's decision instead of being decided by the check at once.
 */
async function applyAtKiosk(page: Page): Promise<{ caseNo: string; intake: Record<string, unknown> }> {
  await startApply(page);
  await readCard(page);
  await next(page, 'form');
  await choose(page, 'method', 'home');
  await choose(page, 'residence', 'county');
  await tick(page, 'truthful');
  await next(page, 'materials');
  await exemptMaterial(page, 'id-card', 'id-card-proves');
  await next(page, 'sign');
  await signByTouch(page);
  await next(page, 'submit');
  const request = page.waitForRequest((r) => r.url().endsWith('/api/caseIntake'));
  await page.getByTestId('intake-submit').tap();
  const intake = (await request).postDataJSON() as Record<string, unknown>;
  await atStep(page, 'receipt');
  const caseNo = (await page.getByTestId('receipt-case-no').textContent()) ?? '';
  expect(caseNo).toMatch(/^[A-Z0-9]{5}-\d{8}-\d{4}$/);
  return { caseNo, intake };
}

/** 查进度 with the simulated card, freshly from the home screen: the state the kiosk shows for `caseNo`. */
async function progressOf(page: Page, caseNo: string): Promise<{ state: string; text: string }> {
  await page.getByTestId('topbar-home').tap();
  await page.getByTestId('screen-home').waitFor();
  await page.getByTestId('tile-progress').tap();
  await page.getByTestId('screen-progress').waitFor();
  const item = page.locator(`[data-testid="progress-item"][data-case-no="${caseNo}"]`);
  await item.waitFor({ timeout: 30_000 });
  return { state: (await item.getAttribute('data-state')) ?? '', text: (await item.getByTestId('progress-state').textContent()) ?? '' };
}

describe('station ⇄ township sync loop', () => {
  let caseNo = '';
  let intake: Record<string, unknown> = {};

  it('takes a case in at the kiosk, the township approves and posts it, and 查进度 then says 已办结', async () => {
    const t = township!;
    const { page, context, problems } = await kiosk.open();
    ({ caseNo, intake } = await applyAtKiosk(page));
    await page.getByTestId('intake-finish').tap();
    await page.getByTestId('screen-home').waitFor();

    // The station uploads by itself (an intake nudges it); the township then knows the case.
    await until('the township to have the case', async () => ((await t.admin('GET', `/v1/admin/cases/${caseNo}`)).status === 200 ? true : undefined));

    for (const body of [{ action: 'review' }, { action: 'approve' }, { action: 'resultReady' }, { action: 'post', trackingNo: 'EMS1234567890' }]) {
      const r = await t.admin('POST', `/v1/admin/cases/${caseNo}/actions`, { ...body, actor: '乡镇审核员' });
      expect(r.status, `${body.action}: ${JSON.stringify(r.json)}`).toBe(200);
    }
    expect((await t.admin('GET', `/v1/admin/cases/${caseNo}`)).json.state).toBe('delivered');

    // The station's scheduler pulls every 5 s; the kiosk is asked again until it shows what the township did.
    const shown = await until('查进度 to show the case as delivered', async () => {
      const p = await progressOf(page, caseNo);
      return p.state === 'delivered' ? p : undefined;
    });
    expect(shown.text).toMatch(/^已办结/);
    expect(shown.text).toBe('已办结（结果已领取或已寄出）');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows 已同步 on the desk, then 网络断开 with the pending count once the township is gone', async () => {
    const t = township!;
    const { page, context } = await kiosk.open();
    await signIn(page);
    const line = page.getByTestId('sync-line');
    await page.locator('[data-testid="sync-line"][data-state="idle"][data-pending="0"]').waitFor({ timeout: 60_000 });
    expect(await line.textContent()).toMatch(/^已同步 · (刚刚|\d+ 分钟前)/);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // The township goes away; a new intake (through the API, to be quick) cannot be uploaded.
    await t.app.close();
    townshipDown = true;
    // As the kiosk files: under the card the core read for this visit.
    const { visit } = await valueFromPage<{ visit: string }>(page, 'idcardRead', {});
    const again = await callFromPage(page, 'caseIntake', { ...intake, requestId: randomUUID() }, { visit });
    expect(again.body.ok, JSON.stringify(again.body)).toBe(true);
    const newCaseNo = (again.body as { ok: true; value: { caseNo: string } }).value.caseNo;

    // A round that began before the intake may be the first to find the township gone (with nothing pending yet):
    // the line counts the new case from the next one.
    await page.locator('[data-testid="sync-line"][data-state="offline"]:not([data-pending="0"])').waitFor({ timeout: 90_000 });
    const pending = Number(await line.getAttribute('data-pending'));
    expect(pending).toBeGreaterThan(0);
    // ⚠ marks a guardrail warning; the one the date can bring is the holiday calendar running out (its own test).
    const { warning } = await valueFromPage<CalendarStatus>(page, 'calendarStatus', {});
    expect(await line.textContent()).toBe(`待上传 ${pending} 件 · 网络断开${warning ? ' ⚠' : ''}`);

    // The sheet lists what waits and why, and offers 立即同步.
    await line.tap();
    const sheet = page.getByTestId('sync-sheet');
    await sheet.waitFor();
    const item = sheet.locator(`[data-testid="sync-item"][data-case-no="${newCaseNo}"]`).first();
    await item.waitFor();
    expect(await item.getAttribute('data-reason')).toBe('sync.not-sent');
    expect(await item.textContent()).toContain('等待上传');
    expect(await sheet.getByTestId('sync-now').isEnabled()).toBe(true);
    expect(await sheet.locator('[data-testid="sync-warning"][data-warning="calendar-ending"]').count()).toBe(warning ? 1 : 0);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await sheet.getByTestId('sync-now').tap();
    await page.locator('[data-testid="sync-line"][data-state="offline"]').waitFor({ timeout: 60_000 });
    await sheet.getByTestId('sync-close').tap();
    await sheet.waitFor({ state: 'detached' });
    await context.close();
  });
});
