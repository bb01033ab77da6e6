import type { Clock } from '../../../contract/domain/clock.ts';
import type { StationData } from '../../../db/station-data.ts';
import { MAX_QUERY_LENGTH, type Guide, type LifeEventSummary, type MatterSummary, type SearchHit } from '../../../contract/api/api.ts';
import type { Catalog, LifeEventId, Matter } from '../../../contract/domain/catalog.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { guideQrPayload, guideText } from '../guide/guide-qr.ts';
import { installCatalog, loadActiveCatalog } from './catalog-store.ts';
import { compareVersions } from '../../../contract/domain/versions.ts';
import { SearchIndex, type SynonymTable } from './search-index.ts';

export class UnknownMatterError extends StationError {
  constructor(code: string) {
    super('catalog.unknown-code', `no matter with code ${code}`, { params: { code: code.slice(0, 40) }, kind: 'input' });
  }
}

export class QueryError extends StationError {
  constructor(code: 'catalog.empty-query' | 'catalog.query-too-long', length: number) {
    super(code, code === 'catalog.empty-query' ? 'empty search query' : `search query of ${length} characters`, {
      params: { length, max: MAX_QUERY_LENGTH },
      kind: 'input',
    });
  }
}

/** The service catalogue of this station: what is active, its search index, and replacing it by a newer version. */
export class CatalogService {
  private catalog: Catalog;
  private index: SearchIndex;
  private byCode: Map<string, Matter>;
  private readonly listeners = new Set<(version: string) => void>();

  private readonly db: StationData;
  private readonly synonyms: SynonymTable;
  private readonly now: Clock;

  /** Opens the stored catalogue; a fresh station, or one whose stored version is older, takes the shipped one. */
  constructor(deps: { db: StationData; shipped: Catalog; synonyms: SynonymTable; clock: Clock }) {
    const { db, shipped, synonyms, clock } = deps;
    this.db = db;
    this.synonyms = synonyms;
    this.now = clock;
    const stored = loadActiveCatalog(db);
    const takeShipped = !stored || compareVersions(shipped.version, stored.version) > 0;
    if (takeShipped) installCatalog(db, shipped, 'shipped', clock());
    this.catalog = takeShipped || !stored ? shipped : stored;
    this.byCode = new Map(this.catalog.matters.map((m) => [m.code, m]));
    this.index = new SearchIndex(this.catalog.matters, synonyms);
  }

  current(): Catalog {
    return this.catalog;
  }

  onUpdated(listener: (version: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Validated catalogue in, active afterwards (or an error and nothing changed). Returns whether it changed. */
  install(catalog: Catalog, source: string): boolean {
    const changed = installCatalog(this.db, catalog, source, this.now());
    if (changed) {
      this.catalog = catalog;
      this.byCode = new Map(catalog.matters.map((m) => [m.code, m]));
      this.index = new SearchIndex(catalog.matters, this.synonyms);
      for (const l of this.listeners) l(catalog.version);
    }
    return changed;
  }

  lifeEvents(): LifeEventSummary[] {
    return this.catalog.lifeEvents.map((e) => ({
      ...e,
      count: this.catalog.matters.filter((m) => m.lifeEvents.includes(e.id)).length,
    }));
  }

  list(lifeEvent?: LifeEventId): MatterSummary[] {
    return this.catalog.matters
      .filter((m) => lifeEvent === undefined || m.lifeEvents.includes(lifeEvent))
      .map((m) => ({
        code: m.code,
        name: m.name,
        shortName: m.shortName,
        level: m.level,
        timeLimit: m.timeLimit,
        tags: m.tags,
        selfService: m.selfService,
      }));
  }

  search(query: string, limit?: number): SearchHit[] {
    const trimmed = query.trim();
    if (trimmed.length === 0) throw new QueryError('catalog.empty-query', 0);
    if (trimmed.length > MAX_QUERY_LENGTH) throw new QueryError('catalog.query-too-long', trimmed.length);
    return this.index.search(trimmed, limit);
  }

  /** The matter of this code in the active catalogue, if it still lists it. */
  findMatter(code: string): Matter | undefined {
    return this.byCode.get(code);
  }

  matter(code: string): Matter {
    const m = this.findMatter(code);
    if (!m) throw new UnknownMatterError(code);
    return m;
  }

  guide(code: string): Guide {
    const matter = this.matter(code);
    return {
      matter,
      catalogVersion: this.catalog.version,
      qrPayload: guideQrPayload(matter, matter.publicUrl),
      text: guideText(matter),
    };
  }
}
