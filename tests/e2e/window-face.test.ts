import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { pensionToFaceStep, faceLooking } from './harness/face-actions.ts';
import { CLIP_CHALLENGES, writeFaceClip } from './harness/face-clips.ts';
import { fakeCameraFlags, type FakeCameraClip } from './harness/fake-camera.ts';
import { addStaff, CLERK } from './harness/staff.ts';
import { REPO } from './harness/station.ts';
import { kioskSuite } from './harness/suite.ts';
import { atStep, exemptMaterial, next, signAndReview, typePin } from './harness/window-actions.ts';

// 养老金认证 at the village window, the clerk signed in. Chromium's fake camera plays the applicant's own photo on a
// card waved at the lens, so the machine check fails as flat; the clerk, with the applicant in front of them,
// accepts it with a reason and their PIN.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, faceChallenges: CLIP_CHALLENGES },
  {
    stationArgs: ['--simulate'],
    chromiumArgs: async () => fakeCameraFlags((clip = await writeFaceClip('flat'))),
    setup: (dataDir) => addStaff(dataDir),
  },
);
afterAll(() => clip?.remove());

const zh = (file: string) => JSON.parse(readFileSync(join(REPO, 'assets', 'messages', 'zh-CN', file), 'utf8')) as Record<string, string>;

describe('window face check', () => {
  it("takes a case in on the clerk's override of a failed check: a reason, a wrong PIN refused, then the right one", async () => {
    const { page, context, problems } = await kiosk.open();
    await pensionToFaceStep(page, 'window');
    await faceLooking(page);
    // The card the window just read is the reference.
    expect(await page.getByTestId('face-check').getAttribute('data-reference')).toBe('card');

    const failed = page.getByTestId('face-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.getAttribute('data-failure')).toBe('face.liveness-flat');
    expect(await page.getByTestId('step-next').isDisabled()).toBe(true);

    await page.getByTestId('face-override').tap();
    const panel = page.getByTestId('face-override-panel');
    await panel.waitFor();
    // Nothing to confirm before a reason is chosen.
    await typePin(page, CLERK.pin);
    expect(await page.getByTestId('face-confirm').isDisabled()).toBe(true);
    await page.getByTestId('key-clear').tap();
    await page.getByTestId('face-reason-1').tap();
    expect(await page.getByTestId('face-reason-1').getAttribute('aria-pressed')).toBe('true');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // A wrong PIN: refused with the core's message, and the PIN is emptied.
    const confirms: { reason: string; kind: string }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/faceCheckConfirm')) confirms.push(r.postDataJSON() as { reason: string; kind: string });
    });
    await typePin(page, '000000');
    await page.getByTestId('face-confirm').tap();
    const refused = page.getByTestId('face-confirm-error');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.getAttribute('data-code')).toBe('staff.wrong-pin');
    expect(await refused.textContent()).toMatch(/^PIN 码不对，还可以再试 \d+ 次/);
    expect(await page.getByTestId('pin-dots').getAttribute('data-length')).toBe('0');
    expect(await page.getByTestId('face-passed').count()).toBe(0);

    await typePin(page, CLERK.pin);
    await page.getByTestId('face-confirm').tap();
    const passed = page.getByTestId('face-passed');
    await passed.waitFor({ timeout: 30_000 });
    expect(await passed.getAttribute('data-outcome')).toBe('overridden');
    expect(await passed.textContent()).toContain(zh('ui-face.json')['ui.face.overridden']);
    // The record keeps the fixed reason in Chinese.
    expect(confirms.map((c) => [c.kind, c.reason])).toEqual([
      ['override', zh('ui-face.json')['ui.face.reason.override.changed']],
      ['override', zh('ui-face.json')['ui.face.reason.override.changed']],
    ]);
    expect(await page.getByTestId('step-next').isEnabled()).toBe(true);

    await next(page, 'materials');
    await exemptMaterial(page, 'id-card', 'id-card-proves');
    await signAndReview(page);
    const intake = page.waitForRequest((r) => r.url().endsWith('/api/caseIntake'));
    await page.getByTestId('intake-submit').tap();
    const sent = (await intake).postDataJSON() as { channel: string; faceCheck?: string };
    expect(sent.channel).toBe('window');
    expect(sent.faceCheck).toBeTypeOf('string');
    await atStep(page, 'receipt');
    expect(await page.getByTestId('receipt-case-no').textContent()).toMatch(/^[A-Z0-9]{5}-\d{8}-\d{4}$/);
    // A clerk's acceptance decides this 即办 village matter as a pass would.
    expect(await page.getByTestId('receipt-status').getAttribute('data-state')).toBe('approved');
    // Chromium logs a refused call (HTTP 400) as a console error: the wrong PIN's, and nothing else.
    expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await context.close();
  });
});
