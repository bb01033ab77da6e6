// A station taking cases in as fast as it can, printing "ack <requestId> <caseNo>" after each commit returns.
// The power-loss test kills it with SIGKILL at random moments and checks what survived.
import { CaseService } from '../../electron/core/cases/case-service.ts';
import { chinaDay } from '../../electron/core/cases/china-day.ts';
import { AuditLog } from '../../electron/core/security/audit-log.ts';
import { FieldCipher } from '../../electron/core/security/field-cipher.ts';
import { openStation } from '../../electron/core/station.ts';
import { intakeFor, validForm } from './intake.ts';

const station = openStation({ dataDir: process.argv[2]!, mode: 'web' });
const cases = new CaseService(station.db, station.keys, new FieldCipher(station.keys), station.catalog, station.calendar, new AuditLog(station.db, station.keys));
const matters = station.catalog.current().matters.filter((m) => m.timeLimit.kind === 'immediate' || m.timeLimit.days <= 20);
const today = chinaDay(new Date());
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const matter = matters[i % matters.length]!;
  const input = intakeFor(matter, station.attachments, validForm(matter, today));
  const { caseNo } = cases.intake(input, null);
  process.stdout.write(`ack ${input.requestId} ${caseNo} ${matter.materials.length}\n`);
}
