import { describe, expect, it } from 'vitest';
import { strictTranslator } from '../../../electron/core/messages.ts';

describe('strict translator for printed documents', () => {
  it('fills {placeholders} from the catalogue', () => {
    const t = strictTranslator('zh-CN');
    expect(t('guide.timeLimit.workingDays', { days: 10 })).toBe('10 个工作日');
    expect(t('guide.page', { page: 2, pages: 3 })).toBe('第 2 页 / 共 3 页');
  });

  it('fails loudly on a missing key or parameter rather than printing a raw key', () => {
    const t = strictTranslator('zh-CN');
    expect(() => t('guide.no-such-key')).toThrow(/missing message guide\.no-such-key/);
    expect(() => t('guide.page', { page: 1 })).toThrow(/\{pages\}/);
  });
});
