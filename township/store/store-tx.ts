import { attachmentQueries } from './queries/attachments.ts';
import { blacklistQueries } from './queries/blacklist.ts';
import { caseQueries } from './queries/cases.ts';
import { enrolmentCodeQueries } from './queries/enrolment-codes.ts';
import { eventQueries } from './queries/events.ts';
import { feedQueries } from './queries/feed.ts';
import { matterLevelQueries } from './queries/matter-levels.ts';
import { nonceQueries } from './queries/nonces.ts';
import { pendingEventQueries } from './queries/pending-events.ts';
import { publicationQueries } from './queries/publications.ts';
import { stationQueries } from './queries/stations.ts';
import type { SqlTx } from './sql.ts';
import type { Store, StoreTx } from './store.ts';

/** The typed queries over one backend's transaction. */
export const storeTx = (sql: SqlTx, backend: Store['backend']): StoreTx => ({
  stations: stationQueries(sql),
  enrolmentCodes: enrolmentCodeQueries(sql),
  nonces: nonceQueries(sql),
  cases: caseQueries(sql),
  events: eventQueries(sql),
  pendingEvents: pendingEventQueries(sql),
  attachments: attachmentQueries(sql, backend),
  feed: feedQueries(sql),
  publications: publicationQueries(sql),
  blacklist: blacklistQueries(sql),
  matterLevels: matterLevelQueries(sql),
  lock: (name) => sql.lock(name),
});
