import { benchCases } from './cases.ts';
import { benchColdStart } from './cold-start.ts';
import { benchFace } from './face.ts';
import { benchFaceKiosk } from './face-kiosk.ts';
import { benchGuidePdf } from './guide-pdf.ts';
import { benchIdCard } from './idcard.ts';
import { benchPageProcess } from './page-process.ts';
import { benchReceiptPdf } from './receipt-pdf.ts';
import { benchPhoto } from './photo.ts';
import { printFigure, type Figure } from './report.ts';
import { benchCatalogSearch } from './search.ts';
import { benchSignaturePng } from './signature-png.ts';
import { benchStationBacklog } from './station-backlog.ts';
import { benchTownshipLoad } from './township-load.ts';

const benches: [string, () => Figure[] | Promise<Figure[]>][] = [
  ['catalogue search', benchCatalogSearch],
  ['guide PDF', benchGuidePdf],
  ['web-mode cold start', benchColdStart],
  ['signature PNG', benchSignaturePng],
  ['ID card reader', benchIdCard],
  ['document camera page', benchPageProcess],
  ['receipt PDF', benchReceiptPdf],
  ['cases at a million', benchCases],
  ['township load', benchTownshipLoad],
  ['station backlog', benchStationBacklog],
  ['face verification', benchFace],
  ['face check at the kiosk', benchFaceKiosk],
  ['证件照', benchPhoto],
];

const only = process.argv.slice(2);
let missed = 0;
for (const [name, run] of benches) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  console.log(`\n# ${name}`);
  for (const figure of await run()) {
    printFigure(figure);
    if (figure.goal && !figure.goal.met) missed++;
  }
}
console.log(`\n${missed === 0 ? 'every goal met' : `${missed} goal(s) missed`}`);
