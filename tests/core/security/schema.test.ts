import { describe, expect, it } from 'vitest';
import { freshDatabase } from './helpers.ts';

describe('migration 0002-staff-and-audit', () => {
  it('applies on a fresh database, with strict tables', () => {
    const db = freshDatabase();
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('staff', 'audit_log')").all();
    expect(tables).toEqual(expect.arrayContaining([{ name: 'staff', strict: 1 }, { name: 'audit_log', strict: 1 }]));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
  });

  it('allows only the four roles, a known staff member or none, and JSON detail', () => {
    const db = freshDatabase();
    const insert = db.prepare("INSERT INTO staff (display_name, role, pin_hash, created_at) VALUES ('x', ?, 'h', 't')");
    for (const role of ['clerk', 'agent', 'admin', 'technician']) insert.run(role);
    expect(() => insert.run('superuser')).toThrow(/CHECK/);
    const audit = db.prepare("INSERT INTO audit_log (at, staff_id, action, detail, hash) VALUES ('t', ?, 'a', ?, 'h')");
    audit.run(null, '{}');
    audit.run(1, '{}');
    expect(() => audit.run(99, '{}')).toThrow(/FOREIGN KEY/);
    expect(() => audit.run(null, 'not json')).toThrow(/CHECK/);
  });

  it('keeps the audit log append-only for the program', () => {
    const db = freshDatabase();
    db.prepare("INSERT INTO audit_log (at, action, detail, hash) VALUES ('t', 'a', '{}', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
