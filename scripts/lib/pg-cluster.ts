import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';
import { processTreeCpuSeconds } from './proc-cpu.ts';

const run = promisify(execFile);

export interface PgCluster {
  /** A new empty database on the cluster, as a connection URL. */
  createDatabase(): Promise<string>;
  /** CPU seconds (user + system) the server's processes have used so far: the postmaster and its live children. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** `initdb` on PATH points into the server's bin directory, where pg_ctl and postgres live too. */
function binDir(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      return dirname(realpathSync(join(dir, 'initdb')));
    } catch {
      // not in this PATH entry
    }
  }
  throw new Error('a throwaway PostgreSQL cluster needs initdb on PATH (PostgreSQL 15 server binaries); it was not found');
}

async function uidOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

export interface PgClusterOptions {
  /**
   * Commit as a real server would (fsync, synchronous_commit and full-page writes on), for benchmarks that compare
   * it with SQLite at synchronous=FULL. Off by default: tests want speed, not durability.
   */
  durable?: boolean;
}

/**
 * A throwaway PostgreSQL cluster in a temp dir on a free loopback port, trust auth, fsync off unless `durable`.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user through runuser; when that cannot
 * work, this throws with the reason: the PostgreSQL suite fails loudly rather than being skipped. Shared by the
 * township tests (tests/township/helpers) and the benchmarks.
 */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'township-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const exec = async (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      return await run(file, argv, { timeout: 60_000 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`throwaway PostgreSQL cluster: ${cmd} failed${asRoot ? ' (run as postgres through runuser)' : ''}: ${e.stderr || e.message}`);
    }
  };
  try {
    if (asRoot) {
      const { uid, gid } = await uidOf('postgres').catch(() => {
        throw new Error('throwaway PostgreSQL cluster: running as root and there is no postgres user to run the server as');
      });
      chownSync(dir, uid, gid);
    }
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
      const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast}`;
      try {
        await exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
        break;
      } catch (err) {
        // Another process may have taken the port between the probe and the start.
        if (attempt === 2) throw err;
      }
    }
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let n = 0;
    return {
      async createDatabase() {
        const name = `township_${process.pid}_${++n}`;
        await exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      cpuSeconds: () => processTreeCpuSeconds(postmaster),
      async stop() {
        await exec('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
