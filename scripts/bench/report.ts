/** One benchmark figure as printed by `npm run bench`: the value, its goal, and whether it met it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Absent for a figure printed for context only. */
  goal?: { text: string; met: boolean };
  /** A peer's figure from the same run, where an issue names one. */
  peer?: { name: string; value: number };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printFigure(f: Figure): void {
  const value = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2);
  const peer = f.peer ? `  peer ${f.peer.name} ${f.peer.value.toFixed(2)} (ratio ${(f.value / f.peer.value).toFixed(2)})` : '';
  const status = f.goal ? (f.goal.met ? 'ok  ' : 'MISS') : 'info';
  const goal = f.goal ? `goal ${f.goal.text}` : '';
  console.log(`${status}  ${f.name.padEnd(62)} ${value.padStart(9)} ${f.unit.padEnd(6)} ${goal}${peer}`);
}
