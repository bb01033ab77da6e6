import type { Matter } from '../../../contract/domain/catalog.ts';
import { BODY, MUTED, PdfLayout } from '../pdf/layout.ts';
import { drawQr, qrMatrix } from '../pdf/qr.ts';
import { drawTable } from '../pdf/table.ts';
import { guideTerms } from './guide-terms.ts';

export interface GuidePdfOptions {
  catalogVersion: string;
  /** Life-event id → display name, for the 办事一图索引 themes the matter belongs to. */
  lifeEventNames: Record<string, string>;
  /** What the QR code holds: see guideQrPayload. */
  qrPayload: string;
  generatedAt: Date;
}

const QR_SIDE = 124; // points, quiet zone included: ~44 mm, so a 1000-byte payload still prints ~0.4 mm modules
const CAPTION = { size: 8, leading: 1.35, color: MUTED };

/** The printable 办事指南 of one matter, A4, every element of the catalogue entry. */
export async function renderGuidePdf(matter: Matter, opts: GuidePdfOptions): Promise<Uint8Array> {
  const g = guideTerms();
  const { t } = g;
  const layout = await PdfLayout.create({
    title: t('guide.text.title', { name: matter.name }),
    subject: t('guide.docKind'),
    createdAt: opts.generatedAt,
    language: 'zh-CN',
  });
  const printedAt = chinaTime(opts.generatedAt);

  layout.heading(matter.name, 1);
  layout.text(t('guide.docKind'), { ...BODY, color: MUTED });
  layout.gap(6);

  // Key facts on the left, the QR code beside them on the right.
  const qrTop = layout.y;
  const qrLeft = layout.x + layout.width - QR_SIDE;
  drawQr(layout.page, qrMatrix(opts.qrPayload), qrLeft, qrTop - QR_SIDE, QR_SIDE);
  layout.inset(0, layout.width - QR_SIDE - 12, () => {
    layout.labelled(t('guide.label.shortName'), matter.shortName);
    layout.labelled(t('guide.label.code'), matter.code);
    layout.labelled(t('guide.label.type'), matter.type);
    layout.labelled(t('guide.label.department'), matter.department);
    layout.labelled(t('guide.label.level'), g.level(matter));
    layout.labelled(t('guide.label.timeLimit'), g.timeLimit(matter));
    layout.labelled(t('guide.label.fees'), g.fees(matter));
    layout.labelled(t('guide.label.service'), g.join(g.service(matter)));
  });
  const factsBottom = layout.y;
  layout.y = qrTop - QR_SIDE;
  layout.inset(layout.width - QR_SIDE, QR_SIDE, () => {
    const caption = t(isUrl(opts.qrPayload) ? 'guide.qr.caption.url' : 'guide.qr.caption.text');
    for (const line of layout.wrap(caption, QR_SIDE, CAPTION.size)) {
      layout.drawLine(line, layout.x + (QR_SIDE - layout.measure(line, CAPTION.size)) / 2, layout.y, CAPTION);
      layout.y -= layout.lineHeight(CAPTION);
    }
  });
  layout.y = Math.min(layout.y, factsBottom);

  layout.heading(t('guide.label.legalBasis'), 2);
  layout.list(matter.legalBasis, 'numbered');

  layout.heading(t('guide.label.conditions'), 2);
  layout.list(matter.conditions, 'numbered');

  layout.heading(t('guide.label.materials'), 2);
  if (matter.materials.length === 0) {
    layout.text(t('guide.material.none'));
  } else {
    drawTable(
      layout,
      [
        { header: t('guide.material.col.index'), share: 0.7 },
        { header: t('guide.material.col.name'), share: 4.6 },
        { header: t('guide.material.col.form'), share: 1.6 },
        { header: t('guide.material.col.count'), share: 0.9 },
        { header: t('guide.material.col.requirement'), share: 0.9 },
      ],
      matter.materials.map((mat, i) => ({
        cells: [String(i + 1), mat.name, g.form(mat), g.count(mat), g.requirement(mat)],
        details: [
          ...mat.exemptions.map(g.exemption),
          ...(mat.note === undefined ? [] : [t('guide.material.note', { note: mat.note })]),
        ],
      })),
    );
  }

  layout.heading(t('guide.label.steps'), 2);
  layout.list(matter.steps.map(g.step), 'numbered');

  layout.heading(t('guide.section.other'), 2);
  layout.labelled(t('guide.label.tags'), g.join(matter.tags));
  layout.labelled(t('guide.label.lifeEvents'), g.join(matter.lifeEvents.map((id) => opts.lifeEventNames[id] ?? id)));
  layout.labelled(t('guide.label.catalogVersion'), opts.catalogVersion);
  layout.labelled(t('guide.label.generatedAt'), printedAt);

  layout.finish(
    (page, pages) => t('guide.page', { page, pages }),
    t('guide.footer', { name: matter.name, version: opts.catalogVersion, time: printedAt }),
  );
  return layout.doc.save();
}

function isUrl(payload: string): boolean {
  return /^https?:\/\//i.test(payload);
}

/** YYYY-MM-DD HH:mm in China Standard Time (UTC+8, no daylight saving), whatever zone the machine is set to. */
function chinaTime(date: Date): string {
  const d = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
