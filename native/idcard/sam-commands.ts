/** The SAM requests a station uses (GA 467-2013), and the response sizes each may legitimately have. */
import type { IdCardStep } from './errors.ts';
import { encodeRequest } from './sam-frame.ts';

export interface SamCommand {
  step: IdCardStep;
  cmd: number;
  para: number;
  /** Data bytes after SW1 SW2 SW3 in a successful response; null when the size is checked by its parser. */
  okDataBytes: number | null;
}

export const FIND: SamCommand = { step: 'find', cmd: 0x20, para: 0x01, okDataBytes: 4 };
export const SELECT: SamCommand = { step: 'select', cmd: 0x20, para: 0x02, okDataBytes: 8 };
export const READ_TEXT_PHOTO: SamCommand = { step: 'read', cmd: 0x30, para: 0x01, okDataBytes: null };
export const READ_TEXT_PHOTO_FINGERPRINT: SamCommand = { step: 'read', cmd: 0x30, para: 0x10, okDataBytes: null };
export const READ_LATEST_ADDRESS: SamCommand = { step: 'read', cmd: 0x30, para: 0x03, okDataBytes: null };
export const SAM_ID: SamCommand = { step: 'sam-id', cmd: 0x12, para: 0xff, okDataBytes: 16 };
export const SAM_STATUS: SamCommand = { step: 'sam-status', cmd: 0x11, para: 0xff, okDataBytes: 0 };

export const COMMANDS: readonly SamCommand[] = [
  FIND,
  SELECT,
  READ_TEXT_PHOTO,
  READ_TEXT_PHOTO_FINGERPRINT,
  READ_LATEST_ADDRESS,
  SAM_ID,
  SAM_STATUS,
];

export function requestFrame(command: SamCommand): Buffer {
  return encodeRequest(command.cmd, command.para);
}

export function commandFor(cmd: number, para: number): SamCommand | undefined {
  return COMMANDS.find((c) => c.cmd === cmd && c.para === para);
}
