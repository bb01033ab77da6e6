import { createHash } from 'node:crypto';
import { HolidayCalendar } from '../../contract/domain/calendar/holiday-calendar.ts';
import { Catalog } from '../../contract/domain/catalog.ts';
import { statutoryIssues } from '../../contract/domain/calendar/statutory-holidays.ts';
import { issuePath } from '../../contract/domain/validate.ts';
import { compareVersions } from '../../contract/domain/versions.ts';
import { canonicalJson } from '../canonical-json.ts';
import { TownshipError } from '../http/errors.ts';
import { levelsOf } from '../cases/matter-levels.ts';
import type { PublicationKind } from '../store/rows.ts';
import type { Store } from '../store/store.ts';

const SCHEMAS = { catalog: Catalog, calendar: HolidayCalendar } as const;

/**
 * Publishes a catalogue or holiday-calendar version to every station. Checked against the contract's schema; a
 * version must be newer than the last; publishing the same version with the same content again changes nothing.
 */
export async function publish(
  store: Store,
  kind: PublicationKind,
  document: unknown,
  now: Date,
): Promise<{ kind: PublicationKind; version: string; feedSeq: number; unchanged: boolean }> {
  const parsed = SCHEMAS[kind].safeParse(document);
  if (!parsed.success) {
    throw new TownshipError(400, 'sync.invalid', `not a valid ${kind}`, {
      issues: parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
    });
  }
  const doc = parsed.data;
  // A calendar must keep the statutory holidays: a station would refuse one that does not.
  const unlawful = kind === 'calendar' ? statutoryIssues(doc as HolidayCalendar) : [];
  if (unlawful.length > 0) throw new TownshipError(400, 'sync.invalid', `not a valid ${kind}`, { issues: unlawful });
  const sha256 = createHash('sha256').update(canonicalJson(doc)).digest('hex');
  return store.transaction(async (tx) => {
    await tx.lock('feed');
    const same = await tx.publications.find(kind, doc.version);
    if (same) {
      if (same.sha256 !== sha256) throw new TownshipError(409, 'admin.version-changed', `${kind} ${doc.version} was published with other content; give the change a new version`);
      return { kind, version: doc.version, feedSeq: same.feed_seq, unchanged: true };
    }
    const latest = (await tx.publications.versions(kind)).sort(compareVersions).at(-1);
    if (latest !== undefined && compareVersions(doc.version, latest) <= 0) {
      throw new TownshipError(409, 'admin.stale-version', `${kind} ${doc.version} is not newer than the published ${latest}`);
    }
    const at = now.toISOString();
    const feedSeq = await tx.feed.append(kind, null, { version: doc.version, [kind]: doc }, at);
    await tx.publications.insert(kind, doc.version, { sha256, feed_seq: feedSeq }, at);
    // Who decides what follows the catalogue in force (township/cases/matter-levels.ts).
    if (kind === 'catalog') await tx.matterLevels.replace(levelsOf(doc as Catalog));
    return { kind, version: doc.version, feedSeq, unchanged: false };
  });
}
