import { randomBytes } from 'node:crypto';

/**
 * A UUID version 7: 48 bits of milliseconds, then randomness. Made on the station, unique without asking anyone,
 * and sorting by time, so events keep their order wherever they travel.
 */
export function eventId(at: Date = new Date()): string {
  const b = randomBytes(16);
  const ms = BigInt(at.getTime());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
