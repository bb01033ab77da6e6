/**
 * A UUID version 7: 48 bits of milliseconds, then randomness. Made where the event happens (station or township),
 * unique without asking anyone, and sorting by time, so events keep their order wherever they travel.
 */
export function uuid7(at: Date = new Date()): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  const ms = at.getTime();
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
