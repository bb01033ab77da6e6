// A station taking cases in as fast as it can, printing "ack <requestId> <caseNo>" after each commit returns.
// The power-loss test kills it with SIGKILL at random moments and checks what survived.
import { openTestStation } from './station.ts';
import { testToday } from './clock.ts';
import { intakeFor, validForm, VILLAGER } from './intake.ts';

const station = openTestStation({ dataDir: process.argv[2]!, mode: 'web' });
const cases = station.cases;
// Matters that rest on a face check take one from the device process, and those the villager is too young or too
// old for are refused before anything is written: neither is this burst's subject.
const matters = station.catalog
  .current()
  .matters.filter((m) => !m.faceCheck && (m.timeLimit.kind === 'immediate' || m.timeLimit.days <= 20) && cases.eligibility(m, VILLAGER).length === 0);
const today = testToday();
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const matter = matters[i % matters.length]!;
  const input = intakeFor(matter, station.attachments, validForm(matter, today));
  const { caseNo } = cases.intake(input, null);
  process.stdout.write(`ack ${input.requestId} ${caseNo} ${matter.materials.length}\n`);
}
