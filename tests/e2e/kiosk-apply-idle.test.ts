import { describe, expect, it } from 'vitest';
import { startApply } from './harness/apply-actions.ts';
import { addStaff } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { choose, next, readCard, signIn } from './harness/window-actions.ts';

// The shortest idle timeout a station accepts; the test moves Playwright's fake clock instead of waiting.
const kiosk = kioskSuite({ idleTimeoutSec: 15 }, { stationArgs: ['--simulate'], setup: (dataDir) => addStaff(dataDir) });

describe('kiosk self-service: idle timeout', () => {
  it('forgets the villager when they walk away mid-application: card, answers, everything', async () => {
    const { page, context } = await kiosk.open({ clock: true });
    await startApply(page);
    const name = await readCard(page);
    expect(name.length).toBeGreaterThan(1);
    const firstRequest = await page.getByTestId('intake').getAttribute('data-request-id');
    await next(page, 'form');
    await choose(page, 'method', 'face');
    expect(await page.locator('[data-testid="choice"][data-value="face"]').getAttribute('aria-pressed')).toBe('true');

    await page.clock.fastForward(15_000);
    await page.getByTestId('screen-attract').waitFor();
    // Nothing of them is left on the page.
    expect(await page.locator('body').textContent()).not.toContain(name);

    // Starting again starts from nothing: a new intake (a new request id), no answers.
    await startApply(page);
    await readCard(page);
    expect(await page.getByTestId('intake').getAttribute('data-request-id')).not.toBe(firstRequest);
    await next(page, 'form');
    expect(await page.locator('[data-testid="choice"][aria-pressed="true"]').count()).toBe(0);
    await context.close();
  });

  it('asks 还需要更多时间吗 for the last seconds with a countdown, and 还需要 keeps the application as it was', async () => {
    const { page, context } = await kiosk.open({ clock: true });
    await startApply(page);
    await readCard(page);
    await next(page, 'form');
    await choose(page, 'method', 'face');

    // A 15 s timeout warns for its last 5 s.
    await page.clock.fastForward(9_000);
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    await page.clock.fastForward(1_500);
    const warning = page.getByTestId('idle-warning');
    await warning.waitFor();
    expect(await warning.getByRole('heading').textContent()).toBe('还需要更多时间吗？');
    expect(Number(await page.getByTestId('idle-warning-seconds').getAttribute('data-seconds'))).toBeLessThanOrEqual(5);
    await page.getByTestId('idle-more').tap();
    await warning.waitFor({ state: 'detached' });
    // The same application, with its answer, and the full time again.
    await page.locator('[data-testid="intake"][data-step="form"]').waitFor();
    expect(await page.locator('[data-testid="choice"][data-value="face"]').getAttribute('aria-pressed')).toBe('true');
    await page.clock.fastForward(9_000);
    expect(await page.getByTestId('screen-apply').count()).toBe(1);
    await page.clock.fastForward(6_500);
    await page.getByTestId('screen-attract').waitFor();
    await context.close();
  });

  it('asks before 首页 or 返回 leaves an application under way; 继续办理 stays, 离开 goes', async () => {
    const { page, context } = await kiosk.open();
    await startApply(page);
    await readCard(page);
    await next(page, 'form');
    await choose(page, 'method', 'face');
    await page.getByTestId('topbar-home').tap();
    await page.getByTestId('leave-confirm').waitFor();
    await page.getByTestId('leave-stay').tap();
    await page.getByTestId('leave-confirm').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="choice"][data-value="face"]').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('topbar-back').tap();
    await page.getByTestId('leave-go').tap();
    await page.getByTestId('screen-guide').waitFor();
    // Nothing is held any more: the guide's 返回 and 首页 go at once.
    await page.getByTestId('topbar-home').tap();
    await page.getByTestId('screen-home').waitFor();
    expect(await page.getByTestId('leave-confirm').count()).toBe(0);
    await context.close();
  });

  it('ends a 查进度 visit the same way', async () => {
    const { page, context } = await kiosk.open({ clock: true });
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-progress').tap();
    await page.getByTestId('progress-name').waitFor({ timeout: 30_000 });
    const name = (await page.getByTestId('progress-name').getAttribute('data-name')) ?? '';
    expect(name.length).toBeGreaterThan(1);
    await page.clock.fastForward(15_000);
    await page.getByTestId('screen-attract').waitFor();
    expect(await page.locator('body').textContent()).not.toContain(name);
    await context.close();
  });

  it('signs the clerk out when the window is left alone, so the next person meets the sign-in', async () => {
    const { page, context } = await kiosk.open({ clock: true });
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    await readCard(page);
    const logout = page.waitForRequest((r) => r.url().endsWith('/api/staffLogout'));
    await page.clock.fastForward(15_000);
    await page.getByTestId('screen-attract').waitFor();
    await logout;
    await page.getByTestId('open-window').tap();
    await page.getByTestId('staff-person').first().waitFor();
    expect(await page.getByTestId('screen-desk').count()).toBe(0);
    await context.close();
  });
});
