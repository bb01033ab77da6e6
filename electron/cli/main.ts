import { RemoteError } from '../../contract/api/client.ts';
import { StationError, ValidationError } from '../../contract/domain/errors.ts';
import { message } from '../core/messages.ts';
import { cliLocale } from './cli-text.ts';
import type { Command, Io } from './command.ts';
import { caseList, caseShow } from './commands/cases.ts';
import { catalogExport, catalogImport, catalogSearch } from './commands/catalog.ts';
import { deadline } from './commands/deadline.ts';
import { docCommand } from './commands/doc.ts';
import { doctor } from './commands/doctor.ts';
import { faceCompare } from './commands/face.ts';
import { guidePdfCommand } from './commands/guide.ts';
import { idcardDecode, idcardRead } from './commands/idcard.ts';
import { photoMake } from './commands/photo.ts';
import { serve } from './commands/serve.ts';
import { staffAdd } from './commands/staff.ts';
import { enroll, syncCommand } from './commands/sync.ts';

const commands: Command[] = [
  serve,
  catalogSearch,
  catalogImport,
  catalogExport,
  guidePdfCommand,
  deadline,
  idcardDecode,
  idcardRead,
  faceCompare,
  photoMake,
  doctor,
  caseList,
  caseShow,
  staffAdd,
  docCommand,
  enroll,
  syncCommand,
];

function help(): string {
  return ['usage:', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

/** Finds the command whose words start the arguments, longest first. */
function pick(argv: string[]): { command: Command; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.path.length - a.path.length);
  for (const command of sorted) {
    if (command.path.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(command.path.length) };
  }
  return null;
}


/** Exit codes: 0 ok, 2 bad usage or input, 1 anything else; failures are one line on stderr (plus each bad field). */
async function main(argv: string[], io: Io): Promise<number | 'keep-running'> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const picked = pick(argv);
  if (!picked) {
    io.err(`station: unknown command: ${argv.slice(0, 2).join(' ')}\n${help()}`);
    return 2;
  }
  try {
    return await picked.command.run(picked.rest, io);
  } catch (error) {
    if (error instanceof StationError) {
      const text = error.code === 'cli.usage' ? error.message : message(error.code, error.params, cliLocale);
      io.err(`station: ${error.name} (${error.code}): ${text.split('\n')[0]}`);
      if (error.code === 'cli.usage') io.err(error.message.split('\n').slice(1).join('\n'));
      const issues = error instanceof ValidationError || error instanceof RemoteError ? error.issues : [];
      for (const i of issues) io.err(`  ${i.path || '(file)'}: ${i.message}`);
      return error.kind === 'input' ? 2 : 1;
    }
    io.err(`station: ${(error as Error)?.message ?? String(error)}`.split('\n')[0]!);
    return 1;
  }
}

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => {
    if (text) process.stderr.write(`${text}\n`);
  },
};

// A reader that stops early (`station … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const code = await main(process.argv.slice(2), io);
if (code !== 'keep-running') process.exitCode = code;
