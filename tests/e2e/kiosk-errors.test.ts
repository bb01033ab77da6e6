import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../contract/api/api.ts';
import { createClient, RemoteError } from '../../contract/api/client.ts';
import type { CallReply } from '../../contract/api/wire.ts';
import { message } from '../../electron/core/messages.ts';
import { callFromPage } from './harness/kiosk-actions.ts';
import { kioskSuite } from './harness/suite.ts';

const kiosk = kioskSuite();
const LONG_QUERY = 'l'.repeat(10_000);

describe('kiosk: errors reach the villager as catalogue messages', () => {
  it('answers a 10,000-character query from the page with catalog.query-too-long and its message', async () => {
    // The on-screen keyboard stops at MAX_QUERY_LENGTH letters, so the page's own fetch sends the long query.
    const { page, context } = await kiosk.open();
    const { status, body } = await callFromPage(page, 'catalogSearch', { query: LONG_QUERY });
    expect(status).toBe(400);
    if (body.ok) throw new Error('a 10,000-character query was accepted');
    expect(body.error.code).toBe('catalog.query-too-long');
    expect(message(body.error.code, body.error.params)).toBe(
      `查找内容太长了（10000 个字），请输入不超过 ${MAX_QUERY_LENGTH} 个字`,
    );
    await context.close();
  });

  it('gives the contract client a RemoteError carrying that code', async () => {
    const { origin, token } = kiosk.station;
    const client = createClient({
      call: async (method, input) => {
        const r = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-station-call': '1', authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        return (await r.json()) as CallReply;
      },
      subscribe: () => () => undefined,
    });
    const error = await client.catalogSearch({ query: LONG_QUERY }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('catalog.query-too-long');
  });

  it('shows a plain status sentence after 打印指南, whether printing worked or not', async () => {
    const { page, context } = await kiosk.open();
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('life-event-elderly').tap();
    await page.getByTestId('matter-item').filter({ hasText: '老年优待证办理' }).tap();
    await page.getByTestId('print-guide').tap();
    const status = page.locator('[data-testid="print-status"]:not([data-state="printing"])');
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(4);
    // A catalogue sentence, never a code like printer.none or a stack.
    expect(text).not.toMatch(/[a-z]+\.[a-z-]+|Error|\bat\b/);
    // No A4 printer is set for this station: the villager is told in their words, with no role, queue or setting.
    expect(await status.getAttribute('data-state')).toBe('error');
    expect(text).toBe('打印机出了点问题，这次没有打印出来。请到窗口找工作人员帮忙。');
    await context.close();
  });
});
