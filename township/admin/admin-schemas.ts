import { z } from 'zod';
import { CaseState } from '../../contract/domain/cases.ts';
import { EventId, Sha256Hex, StationId } from '../../contract/api/sync.ts';
import { townshipActionNames } from '../cases/state-machine.ts';

/** Bodies and answers of /v1/admin/…: the township operator's side, not part of the station's protocol. */

const Label = z.string().trim().min(1).max(60);

export const CreateCodeRequest = z.strictObject({
  village: Label,
  grid: Label,
  /** Re-key this enrolled station (reinstalled) instead of enrolling a new one. */
  stationId: StationId.optional(),
});

export const CreateCodeResponse = z.strictObject({
  code: z.string(),
  village: z.string(),
  grid: z.string(),
  stationId: StationId.nullable(),
  expiresAt: z.iso.datetime(),
});

export const StationView = z.strictObject({
  id: StationId,
  village: z.string(),
  grid: z.string(),
  enrolledAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  /** The last day the station's official holiday calendar covers (as it last reported). */
  calendarThrough: z.iso.date().nullable(),
  /** Within 60 days of that day: the station still lacks next year's holiday calendar. */
  calendarWarning: z.boolean(),
});

export const StationParams = z.strictObject({ stationId: StationId });
export const CaseParams = z.strictObject({ caseNo: z.string().min(5).max(48) });

export const CaseActionRequest = z.strictObject({
  action: z.enum(townshipActionNames),
  /** Required for `post`. */
  trackingNo: z.string().trim().min(4).max(40).optional(),
  note: z.string().trim().min(1).max(200).optional(),
  actor: Label.optional(),
});

export const CaseActionResponse = z.strictObject({
  caseNo: z.string(),
  state: CaseState,
  eventId: EventId,
  feedSeq: z.int().positive(),
});

export const CaseViewSchema = z.strictObject({
  caseNo: z.string(),
  stationId: StationId,
  state: CaseState,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  events: z.array(
    z.strictObject({
      id: EventId,
      origin: z.enum(['station', 'township']),
      seq: z.int().nullable(),
      type: z.string(),
      at: z.iso.datetime(),
      state: CaseState,
      actor: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
      attachments: z.array(Sha256Hex),
    }),
  ),
  waiting: z.array(EventId),
});

export const IdNumber = z.string().regex(/^\d{17}[\dXx]$/);

export const BlacklistAddRequest = z.strictObject({ idNumber: IdNumber, reason: z.string().trim().min(2).max(200) });
export const BlacklistRemoveRequest = z.strictObject({ idNumber: IdNumber });
export const BlacklistResponse = z.strictObject({ idNumber: z.string(), changed: z.boolean() });

export const PublishResponse = z.strictObject({
  kind: z.enum(['catalog', 'calendar']),
  version: z.string(),
  feedSeq: z.int().positive(),
  /** The same version with the same content was already published. */
  unchanged: z.boolean(),
});
