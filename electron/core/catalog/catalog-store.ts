import type { StationData } from '../../../db/station-data.ts';
import { Catalog } from '../../../contract/domain/catalog.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { compareVersions } from '../../../contract/domain/versions.ts';

export class CatalogVersionError extends StationError {
  constructor(code: 'catalog.older-version' | 'catalog.version-conflict', incoming: string, active: string) {
    super(code, `catalogue ${incoming} cannot replace ${active}`, { params: { incoming, active }, kind: 'input' });
  }
}

/** The active catalogue as stored; null on a fresh database. */
export function loadActiveCatalog(db: StationData): Catalog | null {
  const active = db.catalog.active();
  return active ? Catalog.parse(JSON.parse(active.body)) : null;
}

/**
 * Makes a validated catalogue the active one, in one transaction. Only a newer version replaces the active one;
 * the same version with the same content is a no-op, with different content a conflict (never a silent overwrite).
 * Returns whether anything changed.
 */
export function installCatalog(db: StationData, catalog: Catalog, source: string, now: Date): boolean {
  const body = JSON.stringify(catalog);
  return db.transaction(() => {
    const active = db.catalog.active();
    if (active) {
      const order = compareVersions(catalog.version, active.version);
      if (order === 0) {
        if (active.body === body) return false;
        throw new CatalogVersionError('catalog.version-conflict', catalog.version, active.version);
      }
      if (order < 0) throw new CatalogVersionError('catalog.older-version', catalog.version, active.version);
      db.catalog.deactivate();
    }
    db.catalog.insertActive(catalog.version, catalog.publishedAt, now.toISOString(), source, body);
    return true;
  });
}
