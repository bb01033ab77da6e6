import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  /** A new empty database on the cluster, as a connection URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
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
  throw new Error('PostgreSQL tests need initdb on PATH (PostgreSQL 15 server binaries); it was not found');
}

async function uidOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * A throwaway PostgreSQL cluster in a temp dir on a free loopback port, trust auth, fsync off. PostgreSQL refuses
 * to run as root, so as root it runs as the `postgres` user through runuser; when that cannot work, this throws
 * with the reason: the PostgreSQL suite fails loudly rather than being skipped.
 */
export async function startPgCluster(): Promise<PgCluster> {
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
      throw new Error(`PostgreSQL test cluster: ${cmd} failed${asRoot ? ' (run as postgres through runuser)' : ''}: ${e.stderr || e.message}`);
    }
  };
  try {
    if (asRoot) {
      const { uid, gid } = await uidOf('postgres').catch(() => {
        throw new Error('PostgreSQL test cluster: running as root and there is no postgres user to run the server as');
      });
      chownSync(dir, uid, gid);
    }
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
        break;
      } catch (err) {
        // Another process may have taken the port between the probe and the start.
        if (attempt === 2) throw err;
      }
    }
    let n = 0;
    const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      async createDatabase() {
        const name = `township_${process.pid}_${++n}`;
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
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
