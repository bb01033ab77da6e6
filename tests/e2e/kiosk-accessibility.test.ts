import { describe, expect, it } from 'vitest';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { searchByInitials } from './harness/kiosk-actions.ts';
import { kioskSuite } from './harness/suite.ts';

const kiosk = kioskSuite();

describe('kiosk: large type, big targets, high contrast', () => {
  it('holds on the attract, home, services and matter list screens', async () => {
    const { page, context } = await kiosk.open();
    const check = async (screen: string) => {
      await page.getByTestId(`screen-${screen}`).waitFor();
      expect(await textProblems(page), screen).toEqual([]);
      expect(await smallTargets(page), screen).toEqual([]);
    };
    await check('attract');
    await page.getByTestId('screen-attract').tap();
    await check('home');
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('life-event-elderly').waitFor();
    await check('services');
    await page.getByTestId('life-event-elderly').tap();
    await page.getByTestId('matter-item').first().waitFor();
    await check('list');
    await context.close();
  });

  it('holds on the search screen with results and on the guide screen', async () => {
    const { page, context } = await kiosk.open();
    await searchByInitials(page, 'lnyd');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByTestId('search-result').first().tap();
    await page.getByTestId('guide-qr').waitFor();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('print-guide').tap();
    await page.locator('[data-testid="print-status"]:not([data-state="printing"])').waitFor();
    expect(await textProblems(page)).toEqual([]);
    await context.close();
  });

  it('holds on a portrait screen too', async () => {
    const { page, context } = await kiosk.open({ viewport: { width: 1080, height: 1920 } });
    await searchByInitials(page, 'lnyd');
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('search-result').first().tap();
    await page.getByTestId('guide-qr').waitFor();
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await context.close();
  });
});
