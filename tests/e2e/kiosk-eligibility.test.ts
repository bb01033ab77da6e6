import { describe, expect, it } from 'vitest';
import { ageOn } from '../../contract/domain/eligibility.ts';
import { testToday } from '../helpers/clock.ts';
import { simulatedCard } from './harness/blacklist.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { startApply } from './harness/apply-actions.ts';
import { addStaff } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { atStep, next, pickMatter, readCard, signIn } from './harness/window-actions.ts';

// The simulated reader's card is 阿依古丽·示例, born 2001-02-28, of 乌鲁木齐; the station serves 津市市. 老年优待证 is
// for people of 65 and over registered in the county: she is stopped before the form, at the kiosk and at the window.
const kiosk = kioskSuite({ idleTimeoutSec: 3600, county: '津市市' }, { stationArgs: ['--simulate'], setup: (dataDir) => addStaff(dataDir) });
const ELDERLY = { initials: 'lnydz', name: '老年优待证办理' };
// Her age on the station's day (the suite also runs on other days, DOORSTEP_CLOCK).
const TOO_YOUNG = `这项业务要年满 65 周岁才能办。您现在 ${ageOn(simulatedCard().birthDate, testToday())} 周岁，还不能申请。有疑问请到窗口问工作人员。`;
const NOT_LOCAL = '这项业务只给户籍在津市市的人办。您身份证上的住址不在津市市，请到户籍所在地办理，或到窗口问工作人员。';

describe('conditions decided before the form', () => {
  it('stops a 2001 card applying for 老年优待证 at the kiosk, with both reasons, and goes no further', async () => {
    const { page, context, problems } = await kiosk.open({ viewport: { width: 1080, height: 1920 } });
    await startApply(page, ELDERLY);
    await readCard(page);
    const stop = page.getByTestId('intake-ineligible');
    await stop.waitFor({ timeout: 30_000 });
    expect(await stop.textContent()).toBe(`${TOO_YOUNG} ${NOT_LOCAL}`);
    expect(await stop.getAttribute('data-codes')).toBe('eligibility.too-young eligibility.not-local');
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('step-form').isDisabled()).toBe(true);
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells the clerk at the window, and the matter step goes no further', async () => {
    const { page, context } = await kiosk.open();
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    await readCard(page);
    await next(page, 'matter');
    await pickMatter(page, ELDERLY.initials, ELDERLY.name);
    const check = page.getByTestId('check-eligibility');
    expect(await check.getAttribute('data-eligible')).toBe('false');
    expect(await check.textContent()).toBe(`${TOO_YOUNG} ${NOT_LOCAL}`);
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);
    await atStep(page, 'matter');
    await context.close();
  });
});
