import { describe, expect, it } from 'vitest';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('station deadline', () => {
  it('counts working days after intake across the Spring Festival and National Day', () => {
    const dir = tempDir();
    // Fri 2025-01-24 + 5: Sun 1-26 (make-up) 1, Mon 1-27 2, off 1-28..2-4, Wed 2-5 3, Thu 2-6 4, Fri 2-7 5.
    expect(station(['deadline', '2025-01-24', '5', '--data-dir', dir]).stdout.trim()).toBe('2025-02-07');
    // Tue 2025-09-30 + 1: off 10-1..10-8, so Thu 10-9.
    expect(station(['deadline', '2025-09-30', '1', '--data-dir', dir]).stdout.trim()).toBe('2025-10-09');
    // 即办: the same day, even a holiday.
    expect(station(['deadline', '2024-10-01', '0', '--data-dir', dir]).stdout.trim()).toBe('2024-10-01');
  });

  it('counts past the official calendar as 预计, and says so in text and JSON', () => {
    const dir = tempDir();
    // Wed 2026-12-02 + 25: 21 working days left in December, 2027-01-01 元旦, then 1/4–1/7 (25).
    const text = station(['deadline', '2026-12-02', '25', '--data-dir', dir], { STATION_LANG: 'zh-CN' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.trim()).toBe('2027-01-07  预计（以国务院公布的节假日安排为准）');
    expect(JSON.parse(station(['deadline', '2026-12-02', '25', '--json', '--data-dir', dir]).stdout)).toEqual({ due: '2027-01-07', provisional: true });
    expect(JSON.parse(station(['deadline', '2026-12-02', '20', '--json', '--data-dir', dir]).stdout)).toEqual({ due: '2026-12-30', provisional: false });
  });

  it('refuses dates outside the known years and malformed input, exit 2, one line', () => {
    const dir = tempDir();
    for (const args of [['2022-05-05', '1'], ['2040-12-28', '5'], ['2025-02-30', '1'], ['2025-01-01', 'x'], ['2025-01-01']]) {
      const r = station(['deadline', ...args, '--data-dir', dir]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(station(['deadline', '2022-05-05', '1', '--data-dir', dir]).stderr).toMatch(/calendar\.out-of-range/);
  });
});
