import type { MethodOutput } from '../../../contract/api/api.ts';

/** Staff ids (as case events and 首问责任 carry them) → names; an id no longer listed stays an id. */
export function staffNamer(staff: MethodOutput<'staffList'>): (id: string | null) => string | null {
  const names = new Map(staff.map((s) => [String(s.id), s.name]));
  return (id) => (id === null ? null : (names.get(id) ?? id));
}
