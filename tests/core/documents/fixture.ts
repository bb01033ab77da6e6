import type { Signature } from '../../../contract/domain/signature.ts';
import type {
  MandateInput,
  OneTimeNoticeInput,
  ReceiptInput,
  RongqueInput,
  StationInfo,
} from '../../../electron/core/documents/types.ts';
import { renderSignaturePng } from '../../../native/sigpad/render-png.ts';

// Fictional people and a fictional station; the ID numbers are made up and must never print whole.
export const station: StationInfo = { name: '津市市白衣镇青山村便民服务站', phone: '0736-4321888' };
export const villager = { name: '李秀英', idNumber: '430721194803091228' };
export const villagerMasked = '430721********1228';
export const agent = { name: '王建国', idNumber: '43072119750516231X', phone: '13907364455' };
export const agentMasked = '430721********231X';

/** 09:05 on 3 November 2026, China time. */
const intake = new Date('2026-11-03T01:05:00Z');

export const proxyReceipt = (): ReceiptInput => ({
  station,
  caseNo: 'QS-20261103-0007',
  matter: { code: '430000-YB-0009', name: '医疗救助申请' },
  applicant: villager,
  issuedAt: intake,
  receivedAt: intake,
  materials: [
    { name: '医院医疗费用发票', status: 'provided', form: 'original', pages: 3 },
    { name: '基本医疗保险、大病保险报销结算单', status: 'provided', form: 'original-and-copy', pages: 2 },
    { name: '低保证或五保（特困人员救助供养）证复印件', status: 'exempt', reason: '低保、特困身份可在民政救助系统中查询' },
    { name: '出院记录', status: 'promised', dueDate: '2026-11-20' },
    { name: '居民身份证', status: 'provided', form: 'original', pages: 0 },
  ],
  completion: { kind: 'by-date', date: '2026-11-17', provisional: false },
  firstAskedBy: '张敏',
  progressQr: 'https://zwfw.example.gov.cn/case/QS-20261103-0007?k=7f3a9c',
  proxy: {
    agentName: agent.name,
    advancedFees: [
      { item: '材料复印费', amountFen: 150 },
      { item: '往返乡镇交通费', amountFen: 1234 },
    ],
  },
});

export const selfServiceReceipt = (): ReceiptInput => {
  const { proxy: _proxy, ...receipt } = proxyReceipt();
  return {
    ...receipt,
    caseNo: 'QS-20261103-0008',
    matter: { code: '430000-WJ-0015', name: '老年优待证办理' },
    materials: [{ name: '1寸红底免冠彩色照片', status: 'provided', form: 'electronic', pages: 1 }],
    completion: { kind: 'immediate' },
  };
};

export const notice = (): OneTimeNoticeInput => ({
  station,
  caseNo: 'GZ-20261103-0002',
  matter: { code: '430000-MZ-0018', name: '最低生活保障审核确认' },
  applicant: villager,
  issuedAt: intake,
  clerk: '张敏',
  missing: [
    { name: '低保申请书（勾选式申请表）', form: 'original', count: 1, note: '本站可当场打印，勾选家庭情况后签名即可' },
    { name: '家庭经济状况核对授权书', form: 'original', count: 1, note: '共同生活家庭成员每人签字' },
    { name: '重病、重残等特殊情况证明（病历、残疾人证）', form: 'copy', count: 1 },
  ],
});

export const rongque = (): RongqueInput => ({
  station,
  caseNo: 'QS-20261103-0009',
  matter: { code: '430000-MZ-0020', name: '临时救助申请' },
  applicant: villager,
  issuedAt: intake,
  promised: [
    { name: '遭遇困难的相关证明（医疗费票据、火灾或事故证明等）', form: 'copy', count: 1, dueDate: '2026-11-20' },
    { name: '户口簿', form: 'copy', count: 1, dueDate: '2026-11-20' },
  ],
  signaturePng: new Uint8Array(),
});

export const mandate = (): MandateInput => ({
  station,
  caseNo: 'QS-20261103-0007',
  matter: { code: '430000-YB-0009', name: '医疗救助申请' },
  applicant: villager,
  applicantPhone: '13807360123',
  issuedAt: intake,
  agent,
  scope: ['submit-materials', 'collect-result'],
  signaturePng: new Uint8Array(),
});

/** A hand-written-looking 李秀英 as the pad records it: a few strokes per character, pressure swelling mid-stroke. */
function handSignature(): Signature {
  const chars: [number, number][][][] = [
    [[[0.15, 0.2], [0.85, 0.2]], [[0.5, 0.05], [0.5, 0.5]], [[0.48, 0.25], [0.2, 0.45]], [[0.55, 0.28], [0.8, 0.45]], [[0.25, 0.6], [0.7, 0.58], [0.5, 0.95]], [[0.1, 0.76], [0.9, 0.74]]],
    [[[0.4, 0.05], [0.2, 0.15]], [[0.1, 0.3], [0.5, 0.3]], [[0.3, 0.1], [0.3, 0.6]], [[0.3, 0.35], [0.1, 0.55]], [[0.6, 0.4], [0.9, 0.4], [0.6, 0.95]], [[0.7, 0.6], [0.95, 0.95]]],
    [[[0.1, 0.15], [0.9, 0.15]], [[0.35, 0.05], [0.35, 0.3]], [[0.65, 0.05], [0.65, 0.3]], [[0.2, 0.4], [0.2, 0.65], [0.8, 0.65], [0.8, 0.4], [0.2, 0.4]], [[0.5, 0.3], [0.5, 0.7], [0.1, 0.95]], [[0.5, 0.7], [0.9, 0.95]]],
  ];
  const strokes: Signature['strokes'] = [];
  let t = 0;
  chars.forEach((glyph, c) => {
    for (const path of glyph) {
      const points: Signature['strokes'][number]['points'] = [];
      path.slice(1).forEach(([x1, y1], i) => {
        const [x0, y0] = path[i]!;
        for (let s = 0; s <= 12; s++) {
          const f = s / 12;
          points.push({ x: 40 + (c + x0 + (x1 - x0) * f) * 300, y: 40 + (y0 + (y1 - y0) * f) * 300, p: 300 + 600 * Math.sin(Math.PI * f), t: (t += 5) });
        }
      });
      strokes.push({ points });
      t += 120;
    }
  });
  return { width: 1000, height: 400, maxPressure: 1023, strokes };
}

let png: Promise<Buffer> | undefined;

/** The signature as the pad renders it for print: 60 × 30 mm at 600 dpi, ink on transparent. */
export function signaturePng(): Promise<Buffer> {
  png ??= renderSignaturePng(handSignature());
  return png;
}
