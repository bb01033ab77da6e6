import { describe, expect, it } from 'vitest';
import { callFromPage, valueFromPage } from './harness/kiosk-actions.ts';
import { layoutChanges } from './harness/layout-stability.ts';
import { addStaff, TECHNICIAN } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';

// The simulated reader starts empty. The villager opens 查进度, is told to lay the card down, and does: the screen
// notices by itself, with no 重新读卡 tapped, and the no-card message holds still while it waits.
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, simulatedCard: 'none' },
  {
    stationArgs: ['--simulate'],
    setup: (dataDir) => addStaff(dataDir, TECHNICIAN, true),
  },
);

describe('a card laid down after 没有检测到身份证', () => {
  it('is read by itself, with no 重新读卡 tapped, the message steady until then', async () => {
    const { page, context, problems } = await kiosk.open();
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-progress').tap();
    const error = page.locator('[data-testid="idcard-error"][data-code="idcard.no-card"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toBe('没有检测到身份证，请把身份证平放在读卡器上');
    // It keeps asking the reader, quietly: nothing on screen moves or blinks meanwhile.
    expect(await layoutChanges(page, 200)).toEqual([]);

    // The card is laid on the reader (the technician's switch of the simulated reader).
    const staff = await valueFromPage<{ id: number; name: string }[]>(page, 'staffList', {});
    const login = await valueFromPage<{ session: string }>(page, 'staffLogin', { staffId: staff.find((s) => s.name === TECHNICIAN.name)!.id, pin: TECHNICIAN.pin });
    const placed = await callFromPage(page, 'simulatedCardPlace', { profile: 'wang-ceshi' }, { session: login.session });
    expect(placed.body.ok).toBe(true);
    await page.getByTestId('progress-another').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('progress-name').textContent()).toBe('王测试的办理进度');
    // Each look at an empty reader is a refused call (HTTP 409, no card), which Chromium logs; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('status of 409 (Conflict)'))).toEqual([]);
    await context.close();
  });
});
