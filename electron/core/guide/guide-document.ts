import type { CatalogService } from '../catalog/catalog-service.ts';

/** The printable guide of one matter from the active catalogue, as the kiosk prints it and the CLI writes it. */
export async function guidePdf(catalog: CatalogService, code: string, now: Date): Promise<Uint8Array> {
  const guide = catalog.guide(code);
  // pdf-lib and fontkit take most of a second to load: only when something is printed, not at start-up.
  const { renderGuidePdf } = await import('./guide-pdf.ts');
  const lifeEventNames = Object.fromEntries(catalog.current().lifeEvents.map((e) => [e.id, e.name]));
  return renderGuidePdf(guide.matter, {
    catalogVersion: guide.catalogVersion,
    lifeEventNames,
    qrPayload: guide.qrPayload,
    generatedAt: now,
  });
}
