import { createHmac } from 'node:crypto';
import { NORMAL_ID_NUMBER_PATTERN } from '../../../contract/domain/id-number.ts';
import { SecurityError } from './errors.ts';
import type { StationKeys } from './station-keys.ts';

/**
 * The 18-character form of a resident ID number as typed or read: full-width digits and letters (a Chinese input
 * method's) folded to ASCII, spaces dropped, the check character upper-case. Only the shape is checked here.
 */
export function normaliseIdNumber(idNumber: string): string {
  const normal = idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!NORMAL_ID_NUMBER_PATTERN.test(normal)) {
    throw new SecurityError('security.bad-id-number', 'an ID number has 17 digits and then a digit or X');
  }
  return normal;
}

/**
 * `<keyId>:<base64url HMAC-SHA256>` of the normalised ID number under the station's lookup key: equal numbers give
 * equal strings on one station, so the database can index them without holding the number. ID numbers are few
 * (region, birth date, three digits), so an unkeyed hash would be reversed by trying them all; without the key it
 * cannot be. The key id shows which rows a key rotation must rehash.
 */
export function idNumberHash(keys: StationKeys, idNumber: string): string {
  const { keyId, lookup } = keys.current;
  return `${keyId}:${createHmac('sha256', lookup).update(normaliseIdNumber(idNumber)).digest('base64url')}`;
}
