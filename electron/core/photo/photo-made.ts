import type { PhotoDescription } from '../../../contract/api/photo.ts';
import type { PhotoBackground, PhotoSpec } from '../../../contract/domain/photo-spec.ts';
import type { CardPhoto } from '../../../native/photo/card-photo.ts';
import type { PhotoReport } from '../../../native/photo/photo-maker.ts';
import { PHOTO_SHEET_MM, sheetLayout } from '../../../native/photo/sheet.ts';

/** What a printed 6-inch sheet of this spec holds. */
function sheetOf(spec: PhotoSpec): PhotoDescription['sheet'] {
  const { count, columns, rows } = sheetLayout(PHOTO_SHEET_MM, [spec.widthMm, spec.heightMm]);
  return { count, columns, rows };
}

const specOf = (spec: PhotoSpec): PhotoDescription['spec'] => ({ id: spec.id, name: spec.name, widthMm: spec.widthMm, heightMm: spec.heightMm, dpi: spec.dpi });

/** A photo the device process made from camera frames, as the contract describes it: each measured check kept. */
export function cameraPhoto(spec: PhotoSpec, background: PhotoBackground, report: PhotoReport): PhotoDescription {
  const checks: PhotoDescription['checks'] = {};
  for (const [name, check] of Object.entries(report.checks)) if (typeof check === 'object') checks[name] = check;
  return {
    spec: specOf(spec),
    background,
    source: 'camera',
    widthPx: report.widthPx,
    heightPx: report.heightPx,
    lowResolution: false,
    checks,
    frame: { chosen: report.frame.chosen, offered: report.frame.offered },
    sheet: sheetOf(spec),
  };
}

/** The card's own photo enlarged to a spec: on the card's ground, with nothing measured, maybe low resolution. */
export function cardPhoto(spec: PhotoSpec, made: CardPhoto): PhotoDescription {
  return {
    spec: specOf(spec),
    background: null,
    source: 'card',
    widthPx: made.widthPx,
    heightPx: made.heightPx,
    lowResolution: made.lowResolution,
    checks: {},
    frame: null,
    sheet: sheetOf(spec),
  };
}
