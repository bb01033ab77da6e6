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

  it('refuses dates outside the known years and malformed input, exit 2, one line', () => {
    const dir = tempDir();
    for (const args of [['2022-05-05', '1'], ['2026-12-30', '5'], ['2025-02-30', '1'], ['2025-01-01', 'x'], ['2025-01-01']]) {
      const r = station(['deadline', ...args, '--data-dir', dir]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(station(['deadline', '2022-05-05', '1', '--data-dir', dir]).stderr).toMatch(/calendar\.out-of-range/);
  });
});
