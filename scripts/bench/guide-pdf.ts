import { readCatalogFile } from '../../electron/core/catalog/catalog-file.ts';
import { renderGuidePdf } from '../../electron/core/guide/guide-pdf.ts';
import { guideQrPayload } from '../../electron/core/guide/guide-qr.ts';
import { assetPath } from '../../electron/core/paths.ts';
import { percentile, type Figure } from './report.ts';

/** The printable guide of 老年优待证办理 from the shipped catalogue, 30 renders after warm-up. */
export async function benchGuidePdf(): Promise<Figure[]> {
  const catalog = readCatalogFile(assetPath('catalog', 'catalog.json'));
  const matter = catalog.matters.find((m) => m.shortName === '老年优待证')!;
  const opts = {
    catalogVersion: catalog.version,
    lifeEventNames: Object.fromEntries(catalog.lifeEvents.map((e) => [e.id, e.name])),
    qrPayload: guideQrPayload(matter),
    generatedAt: new Date(),
  };
  for (let i = 0; i < 3; i++) await renderGuidePdf(matter, opts);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    bytes = (await renderGuidePdf(matter, opts)).length;
    times.push(performance.now() - t);
  }
  const p50 = percentile(times, 50);
  return [
    { name: 'guide PDF: p50', value: p50, unit: 'ms', goal: { text: '< 150 ms', met: p50 < 150 } },
    { name: 'guide PDF: file size', value: bytes / 1024, unit: 'KB', goal: { text: '< 300 KB', met: bytes < 300 * 1024 } },
  ];
}
