import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SIGPAD_ERROR_CODES } from '../../../native/sigpad/errors.ts';

const table = async (locale: string): Promise<Record<string, string>> =>
  JSON.parse(await readFile(new URL(`../../../assets/messages/${locale}/sigpad.json`, import.meta.url), 'utf8'));

describe('sigpad messages', () => {
  it.each(['zh-CN', 'en'])('%s has a message for every error code and nothing else', async (locale) => {
    expect(Object.keys(await table(locale)).sort()).toEqual([...SIGPAD_ERROR_CODES].sort());
  });

  it('tells the person what to do in plain Chinese', async () => {
    for (const [code, text] of Object.entries(await table('zh-CN'))) {
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, code).toMatch(/请/);
      expect(text, code).not.toMatch(/HID|USB|sigpad|libusb/);
    }
  });
});
