import { renderReceiptPdf } from '../../electron/core/documents/receipt-pdf.ts';
import { percentile, type Figure } from './report.ts';

/** A 代办受理单 of a realistic case: six materials, fees advanced, the progress QR code; 30 renders after warm-up. */
export async function benchReceiptPdf(): Promise<Figure[]> {
  const input = {
    station: { name: '毛里湖镇青苗村便民服务站', phone: '0736-4123456' },
    caseNo: 'QMC7K-20261123-0042',
    matter: { code: '430000-YB-0009', name: '医疗救助申请' },
    applicant: { name: '王秀英', idNumber: '43070219550101128X' },
    issuedAt: new Date(),
    receivedAt: new Date(),
    materials: [
      { name: '医疗救助申请表', status: 'provided' as const, form: 'original' as const, pages: 1 },
      { name: '医院医疗费用发票', status: 'provided' as const, form: 'original' as const, pages: 4 },
      { name: '基本医疗保险报销结算单', status: 'provided' as const, form: 'copy' as const, pages: 2 },
      { name: '低保证或特困供养证复印件', status: 'exempt' as const, reason: '民政社会救助系统可查询' },
      { name: '居民身份证复印件', status: 'exempt' as const, reason: '现场读取身份证' },
      { name: '出院小结', status: 'promised' as const, dueDate: '2026-12-01' },
    ],
    completion: { kind: 'by-date' as const, date: '2026-12-07', provisional: false },
    firstAskedBy: '李文',
    progressQr: 'doorstep:case:QMC7K-20261123-0042',
    proxy: { agentName: '李文', advancedFees: [{ item: '复印费', amountFen: 350 }] },
  };
  for (let i = 0; i < 3; i++) await renderReceiptPdf(input);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    bytes = (await renderReceiptPdf(input)).length;
    times.push(performance.now() - t);
  }
  const p50 = percentile(times, 50);
  return [
    { name: 'receipt PDF (代办受理单): p50', value: p50, unit: 'ms', goal: { text: '< 150 ms', met: p50 < 150 } },
    { name: 'receipt PDF (代办受理单): file size', value: bytes / 1024, unit: 'KB', goal: { text: '< 300 KB', met: bytes < 300 * 1024 } },
  ];
}
