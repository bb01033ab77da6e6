import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gb11643CheckChar } from '../../contract/domain/id-number.ts';
import { chinaDay } from '../../contract/domain/clock.ts';
import { nameHash } from '../../electron/core/cases/person-store.ts';
import { fieldAad, FieldCipher } from '../../electron/core/security/field-cipher.ts';
import { idNumberHash } from '../../electron/core/security/id-number-hash.ts';
import { openStationCore, type StationCore } from '../../electron/core/station.ts';
import { validForm } from '../lib/form-answers.ts';
import { percentile, type Figure } from './report.ts';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const PEOPLE = Math.ceil(CASES / 3);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '秀英桂兰建国志强丽华明军红梅玉兰德华春生';
const STATES = ['received', 'forwarded', 'in_review', 'public_notice', 'approved', 'result_ready', 'delivered', 'closed'] as const;

/** A distinct, valid ID number per person: the birth date walks day by day, the sequence number by the 20,000s. */
function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const base = `430702${birth}${String(Math.floor(i / 20_000) % 1000).padStart(3, '0')}`;
  return base + gb11643CheckChar(base);
}

/** A million cases written straight into the real schema, sealed as the service seals them; fast but faithful. */
function fill(core: StationCore): string[] {
  const { data, keys } = core;
  const cipher = new FieldCipher(keys);
  const ids: string[] = [];
  const matters = core.services.catalog.current().matters;
  const start = Date.UTC(2023, 0, 3);
  const span = Date.UTC(2026, 10, 1) - start;
  const batch = 20_000;
  data.bulk.load(() => {
    // Everyone first, so each case can point at any person.
    for (let from = 0; from < PEOPLE; from += batch) {
      data.transaction(() => {
        for (let i = from; i < Math.min(from + batch, PEOPLE); i++) {
          const id = idNumber(i);
          ids.push(id);
          const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 3) % GIVEN.length]!;
          const person = JSON.stringify({ name, idNumber: id, gender: '女', birthDate: '1955-01-01', address: '湖南省津市市毛里湖镇' });
          data.bulk.person({ id: i + 1, idHash: idNumberHash(keys, id), nameHash: nameHash(keys, name),
            sealed: cipher.sealText(person, fieldAad('person', i + 1, 'data')), updatedAt: '2026-01-01T00:00:00Z' });
        }
      });
    }
    for (let from = 0; from < CASES; from += batch) {
      data.transaction(() => {
        for (let i = from; i < Math.min(from + batch, CASES); i++) {
          const at = new Date(start + Math.floor((i / CASES) * span));
          const day = chinaDay(at);
          const due = chinaDay(new Date(at.getTime() + 14 * 86_400_000));
          const matter = matters[i % matters.length]!;
          data.bulk.case({
            id: i + 1, caseNo: `BENCH-${day.replaceAll('-', '')}-${String(i).padStart(7, '0')}`, requestId: `bench-${i}`,
            matterCode: matter.code, matterName: matter.name, personId: 1 + ((i * 7919) % PEOPLE), state: STATES[i % STATES.length]!,
            receivedAt: at.toISOString(), receivedDay: day, dueDate: due,
            sealed: cipher.sealText('{"form":{}}', fieldAad('case', i + 1, 'data')), owed: i % 50 === 0 ? 1 : 0,
            owedDue: i % 50 === 0 ? due : null,
          }, randomUUID());
        }
      });
    }
  });
  return ids;
}

function timed(runs: number, work: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work(i);
    times.push(performance.now() - t);
  }
  return times;
}

/** The clerk's desk and intake against a station holding a million cases. */
export async function benchCases(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-bench-cases-'));
  const core = openStationCore({ dataDir, mode: 'web' });
  try {
    const t = performance.now();
    const ids = fill(core);
    const fillMs = performance.now() - t;
    const cases = core.services.cases;
    const clerk = { staffId: await core.services.staff.create({ displayName: '测试', role: 'admin', pin: '246813' }, 'bootstrap'), role: 'admin' as const };

    const find = timed(300, (i) => cases.find(ids[(i * 104729) % ids.length]!, clerk));
    const overdue = timed(50, (i) => cases.list('overdue', i));

    const matter = core.services.catalog.current().matters.find((m) => m.shortName === '老年优待证')!;
    const signature = core.services.attachments.put({ kind: 'signature', mime: 'image/png', bytes: Buffer.from('bench signature'), width: 1, height: 1 }).sha256;
    const page = core.services.attachments.put({ kind: 'scan', mime: 'image/jpeg', bytes: Buffer.from('bench page'), width: 1, height: 1 }).sha256;
    const form = validForm(matter, chinaDay(core.station.clock()));
    const intake = timed(100, (i) =>
      cases.intake(
        {
          requestId: randomUUID(),
          channel: 'window',
          matterCode: matter.code,
          applicant: { name: '王秀英', idNumber: ids[i]!, gender: '女', birthDate: '1955-01-01', address: '湖南省津市市' },
          form,
          materials: matter.materials.map((m) =>
            m.exemptions[0] ? { materialId: m.id, status: 'exempt' as const, exemption: m.exemptions[0].kind } : { materialId: m.id, status: 'provided' as const, pages: [page] },
          ),
          applicantSignature: signature,
        },
        clerk,
      ),
    );
    const findP95 = percentile(find, 95);
    const overdueP95 = percentile(overdue, 95);
    const intakeP50 = percentile(intake, 50);
    return [
      { name: `cases in the database (filled in ${(fillMs / 1000).toFixed(0)} s)`, value: CASES, unit: 'cases' },
      { name: 'find by ID number (with its audit entry): p95', value: findP95, unit: 'ms', goal: { text: '< 2 ms', met: findP95 < 2 } },
      { name: 'a page of the overdue list: p95', value: overdueP95, unit: 'ms', goal: { text: '< 20 ms', met: overdueP95 < 20 } },
      { name: 'intake commit (case + events + materials, synchronous=FULL): p50', value: intakeP50, unit: 'ms', goal: { text: '< 10 ms', met: intakeP50 < 10 } },
    ];
  } finally {
    await core.station.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
