// CPU time from /proc (Linux), for benchmarks that say which process used the machine.
import { readdirSync, readFileSync } from 'node:fs';

/** The clock ticks of /proc; 100 on every Linux the project runs on. */
const CLOCK_TICKS = 100;

/** The fields of /proc/<pid>/stat after the command: [0] state, [1] ppid … [11] utime, [12] stime. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone meanwhile
  }
}

/** CPU seconds (user + system) the process has used so far. */
export function processCpuSeconds(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / CLOCK_TICKS : 0;
}

/** The same for the process and its live children (a PostgreSQL postmaster and its backends). */
export function processTreeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && (Number(entry) === pid || Number(f[1]) === pid)) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / CLOCK_TICKS;
}

/** Busy CPU time of the whole machine so far, in seconds (all cores together), from /proc/stat. */
export function machineCpuSeconds(): number {
  const v = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const busy = v.slice(0, 8).reduce((a, b) => a + b, 0) - (v[3] ?? 0) - (v[4] ?? 0);
  return busy / CLOCK_TICKS;
}
