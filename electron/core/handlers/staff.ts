import type { Core, HandlersOf } from './handler-kit.ts';

export function staffHandlers(core: Core): HandlersOf<'staffList' | 'staffLogin' | 'staffLogout' | 'staffAdd'> {
  return {
    staffList: () =>
      core.staff
        .list()
        .filter((s) => s.active)
        .map((s) => ({ id: s.id, name: s.displayName, role: s.role })),
    staffLogin: async ({ staffId, pin }) => {
      const session = await core.staff.login(staffId, pin);
      const name = core.staff.list().find((s) => s.id === staffId)?.displayName ?? '';
      return { session: session.token, staffId, name, role: session.role, expiresAt: session.expiresAt };
    },
    staffLogout: (_input, caller) => {
      if (caller.kind === 'staff') {
        core.staff.logout(caller.session);
        core.photos.dropAll(`session:${caller.session}`);
      }
      return {};
    },
    staffAdd: async ({ name, role, pin, approver }) => {
      // The approver signs in for this one act: the account is created by a person, and audited as theirs.
      const by = approver === undefined ? 'bootstrap' : await core.staff.login(approver.staffId, approver.pin);
      try {
        const id = await core.staff.create({ displayName: name, role, pin }, by);
        return { id, name, role };
      } finally {
        if (by !== 'bootstrap') core.staff.logout(by.token);
      }
    },
  };
}
