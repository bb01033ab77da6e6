import type { PublicationKind, PublicationRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

export const publicationQueries = (sql: SqlTx) => ({
  find: (kind: PublicationKind, version: string) =>
    sql.get<PublicationRow>('SELECT sha256, feed_seq FROM publications WHERE kind = ? AND version = ?', [kind, version]),

  versions: async (kind: PublicationKind) => (await sql.all<{ version: string }>('SELECT version FROM publications WHERE kind = ?', [kind])).map((r) => r.version),

  insert: async (kind: PublicationKind, version: string, p: PublicationRow, at: string) => {
    await sql.run('INSERT INTO publications (kind, version, sha256, feed_seq, published_at) VALUES (?, ?, ?, ?, ?)', [kind, version, p.sha256, p.feed_seq, at]);
  },
});

export type PublicationQueries = ReturnType<typeof publicationQueries>;
