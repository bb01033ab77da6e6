import { CLOCK_ENV, clockFrom, type Clock } from '../contract/domain/clock.ts';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CaseActionRequest, CreateCodeRequest, IdNumber } from './admin/admin-schemas.ts';
import { blacklistAdd, blacklistRemove } from './admin/blacklist.ts';
import { publish } from './admin/publish.ts';
import { resolveAdminToken } from './auth/admin-token.ts';
import { applyTownshipAction, getCase } from './cases/case-actions.ts';
import { townshipActionNames } from './cases/state-machine.ts';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, redactDbUrl, prepareDataDir, resolveDataDir, resolveDbUrl } from './config.ts';
import { parseJson } from './http/body-parsers.ts';
import { TownshipError } from './http/errors.ts';
import { parseInput } from './http/route.ts';
import { buildServer } from './server.ts';
import { createEnrolmentCode, listStations, revokeStation } from './stations.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `usage:
  township serve [--port N] [--host H] [--db URL] [--data-dir DIR] [--tls-cert FILE --tls-key FILE]
  township admin code --village V --grid G [--station ID]     one-time enrolment code (with --station: re-key it)
  township admin stations
  township admin revoke <station>
  township admin case <caseNo>                                  the case and its history
  township admin case <caseNo> <action> [--tracking-no X] [--note N] [--actor NAME]
        actions: ${townshipActionNames.join(', ')} (post needs --tracking-no)
  township admin blacklist add <idNumber> --reason R
  township admin blacklist remove <idNumber>
  township admin publish catalog|calendar <file.json>
admin commands take --db URL and --data-dir DIR too (default: DATABASE_URL, else <data-dir>/township.sqlite).`;

/** A mistake in how the command was called: exit code 2, with the usage unless it would not help. */
class UsageError extends Error {
  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  village: { type: 'string' },
  grid: { type: 'string' },
  station: { type: 'string' },
  'tracking-no': { type: 'string' },
  note: { type: 'string' },
  actor: { type: 'string' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The machine's clock, unless DOORSTEP_CLOCK pins it (tests, demonstrations). */
const processClock = (): Clock => clockFrom(process.env[CLOCK_ENV]);

async function withStore<T>(values: Values, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbUrl(values.db, resolveDataDir(values['data-dir'])));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function admin(args: string[], values: Values): Promise<unknown> {
  const [what, ...rest] = args;
  const now = processClock()();
  const need = (n: number) => {
    if (rest.length !== n) throw new UsageError(`township admin ${what} takes ${n} argument(s)`);
  };
  switch (what) {
    case 'code': {
      need(0);
      const body = parseInput(CreateCodeRequest, { village: values.village, grid: values.grid, stationId: values.station }, 'options');
      return withStore(values, (s) => createEnrolmentCode(s, body, now));
    }
    case 'stations':
      need(0);
      return withStore(values, (s) => listStations(s, now));
    case 'revoke':
      need(1);
      return withStore(values, (s) => revokeStation(s, rest[0]!, now));
    case 'case': {
      const [caseNo, action] = rest;
      if (caseNo === undefined || rest.length > 2) throw new UsageError('township admin case <caseNo> [action]');
      if (action === undefined) return withStore(values, (s) => getCase(s, caseNo));
      const body = parseInput(CaseActionRequest, { action, trackingNo: values['tracking-no'], note: values.note, actor: values.actor }, 'options');
      return withStore(values, (s) => applyTownshipAction(s, caseNo, body, now));
    }
    case 'blacklist': {
      const [op, idNumber] = rest;
      if (rest.length !== 2 || (op !== 'add' && op !== 'remove')) throw new UsageError('township admin blacklist add|remove <idNumber>');
      const id = parseInput(IdNumber, idNumber, 'idNumber');
      if (op === 'remove') return withStore(values, (s) => blacklistRemove(s, id, now));
      const reason = parseInput(z.string().trim().min(2).max(200), values.reason, '--reason');
      return withStore(values, (s) => blacklistAdd(s, id, reason, now));
    }
    case 'publish': {
      const [kind, file] = rest;
      if (rest.length !== 2 || (kind !== 'catalog' && kind !== 'calendar')) throw new UsageError('township admin publish catalog|calendar <file>');
      const doc = parseJson(readFileSync(file!, 'utf8'));
      return withStore(values, (s) => publish(s, kind, doc, now));
    }
    default:
      throw new UsageError(`unknown admin command ${what ?? '(none)'}`);
  }
}

async function serve(values: Values, io: CliIo): Promise<void> {
  const host = values.host ?? DEFAULT_HOST;
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port`);
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const tls = values['tls-cert'] !== undefined ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']!) } : undefined;
  if (!tls && !isLoopback(host)) {
    throw new UsageError(`refusing plain HTTP on ${host}: stations reach it over the network, so give --tls-cert and --tls-key (plain HTTP is for loopback only)`, false);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  prepareDataDir(dataDir);
  const dbUrl = resolveDbUrl(values.db, dataDir);
  const token = resolveAdminToken(dataDir);
  const store = await openStore(dbUrl);
  const app = await buildServer({ store, dataDir, adminToken: token.token, logger: true, now: processClock(), ...(tls && { tls }) });
  const address = await app.listen({ host, port });
  io.out(`township listening on ${address} (${store.backend}: ${redactDbUrl(dbUrl)}; data in ${dataDir}; admin token from ${token.source})`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => store.close()).then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The `township` command; resolves to the exit code (serve resolves when the server stops). */
export async function runCli(argv: string[], io: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) }): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...args] = positionals;
    if (values.help || command === undefined) {
      io.out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === 'serve') {
      if (args.length > 0) throw new UsageError('township serve takes no arguments');
      await serve(values, io);
      return 0;
    }
    if (command === 'admin') {
      io.out(JSON.stringify(await admin(args, values), null, 2));
      return 0;
    }
    throw new UsageError(`unknown command ${command}`);
  } catch (err) {
    if (err instanceof TownshipError) {
      io.err(`township: ${err.message} (${err.code})`);
      return err.isInput ? 2 : 1;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`township: ${(err as Error).message}${err instanceof UsageError && !err.showUsage ? '' : `\n${USAGE}`}`);
      return 2;
    }
    io.err(`township: ${(err as Error).message}`);
    return 1;
  }
}
