import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog, type HandlingLevel } from '../../contract/domain/catalog.ts';
import type { StoreTx } from '../store/store.ts';

const SHIPPED_CATALOG = fileURLToPath(new URL('../../assets/catalog/catalog.json', import.meta.url));

export const levelsOf = (catalog: Catalog) => catalog.matters.map((m) => ({ code: m.code, level: m.level }));

let shipped: Map<string, HandlingLevel> | undefined;

/** The catalogue every station starts with: what the township goes by until it publishes one of its own. */
function shippedLevels(): Map<string, HandlingLevel> {
  shipped ??= new Map(levelsOf(Catalog.parse(JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')))).map((m) => [m.code, m.level]));
  return shipped;
}

/**
 * Where a matter is decided: by the township's last published catalogue, else the shipped one. An unknown matter
 * is taken as decided above the station (null), so no station decides what the township cannot place.
 */
export async function matterLevel(tx: StoreTx, code: string | undefined): Promise<HandlingLevel | null> {
  if (code === undefined) return null;
  return (await tx.matterLevels.get(code)) ?? shippedLevels().get(code) ?? null;
}
