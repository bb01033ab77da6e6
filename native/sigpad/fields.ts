import type { Field } from './layout.ts';

function lowestSetBit(mask: number): number {
  let shift = 0;
  while (shift < 32 && ((mask >>> shift) & 1) === 0) shift++;
  return shift;
}

/** Bytes the field touches past its offset's base, i.e. how long the payload must be to hold it. */
export function fieldEnd(field: Field): number {
  return field.kind === 'bytes' ? field.offset + field.length : Math.ceil((field.offset + field.size) / 8);
}

export function fieldRange(field: Field): { min: number; max: number } {
  if (field.kind === 'bytes') {
    const full = 2 ** (8 * field.length) - 1;
    const mask = field.mask === undefined ? full : field.mask & full;
    return { min: 0, max: mask === 0 ? 0 : Math.floor((mask >>> 0) / 2 ** lowestSetBit(mask)) };
  }
  return field.signed
    ? { min: -(2 ** (field.size - 1)), max: 2 ** (field.size - 1) - 1 }
    : { min: 0, max: 2 ** field.size - 1 };
}

/** Reads a field from a payload (the bytes after the report id). The caller checks the payload is long enough. */
export function readField(payload: Uint8Array, field: Field): number {
  if (field.kind === 'bytes') {
    let raw = 0;
    for (let i = 0; i < field.length; i++) {
      const byte = payload[field.offset + (field.endian === 'big' ? i : field.length - 1 - i)] ?? 0;
      raw = raw * 256 + byte;
    }
    if (field.mask === undefined) return raw;
    return Math.floor(((raw & field.mask) >>> 0) / 2 ** lowestSetBit(field.mask));
  }
  let value = 0;
  for (let i = field.size - 1; i >= 0; i--) {
    const bit = field.offset + i;
    value = value * 2 + (((payload[bit >> 3] ?? 0) >> (bit & 7)) & 1);
  }
  return field.signed && value >= 2 ** (field.size - 1) ? value - 2 ** field.size : value;
}

/** Writes a value into a payload, OR-ing into bytes shared with other fields; the value must be in fieldRange. */
export function writeField(payload: Uint8Array, field: Field, value: number): void {
  if (field.kind === 'bytes') {
    const shifted = field.mask === undefined ? value : ((value * 2 ** lowestSetBit(field.mask)) & field.mask) >>> 0;
    let rest = shifted;
    for (let i = field.length - 1; i >= 0; i--) {
      const at = field.offset + (field.endian === 'big' ? i : field.length - 1 - i);
      payload[at] = (payload[at] ?? 0) | rest % 256;
      rest = Math.floor(rest / 256);
    }
    return;
  }
  let raw = value < 0 ? value + 2 ** field.size : value;
  for (let i = 0; i < field.size; i++) {
    const bit = field.offset + i;
    if (raw % 2 === 1) payload[bit >> 3] = (payload[bit >> 3] ?? 0) | (1 << (bit & 7));
    raw = Math.floor(raw / 2);
  }
}
