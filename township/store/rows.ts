import type { CaseState } from '../../contract/domain/cases.ts';

/** The township's rows as the queries return them, one type per table. */

export interface StationRow {
  id: string;
  public_key: string;
  village: string;
  grid: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  calendar_through: string | null;
}

export interface EnrolmentCodeRow {
  code_hash: string;
  village: string;
  grid: string;
  /** Set: the code re-keys this station. */
  station_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CaseRow {
  case_no: string;
  station_id: string;
  state: CaseState;
  created_at: string;
  updated_at: string;
}

/** An event as the case history shows it; detail and attachments are JSON text. */
export interface EventRow {
  id: string;
  origin: 'station' | 'township';
  seq: number | null;
  type: string;
  at: string;
  state: CaseState;
  actor: string | null;
  detail: string;
  attachments: string;
}

/** A station event waiting for attachments; attachments is a JSON array of sha256, content the event as pushed. */
export interface PendingEventRow {
  id: string;
  case_no: string;
  attachments: string;
  content: string;
}

export type FeedKind = 'case-state' | 'catalog' | 'calendar' | 'blacklist';

export interface FeedRow {
  seq: number;
  kind: FeedKind;
  /** JSON text. */
  payload: string;
}

export type PublicationKind = 'catalog' | 'calendar';

export interface PublicationRow {
  sha256: string;
  feed_seq: number;
}
