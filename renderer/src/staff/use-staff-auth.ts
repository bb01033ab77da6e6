import { useMemo, useRef, useState } from 'react';
import type { Client } from '../../../contract/api/client.ts';
import type { StaffAuth, StaffSession } from './staff-context.ts';

/** Who is signed in at the window; held above the screens so it outlives moving between them. */
export function useStaffAuth(client: Client): StaffAuth {
  const [current, setCurrent] = useState<StaffSession | null>(null);
  // Read by signOut, which the idle timeout may call from a stale closure.
  const live = useRef<StaffSession | null>(null);
  return useMemo<StaffAuth>(
    () => ({
      current,
      signIn(session) {
        live.current = session;
        client.setSession(session.session);
        setCurrent(session);
      },
      signOut() {
        const ending = live.current;
        live.current = null;
        setCurrent(null);
        // The logout carries the session it ends; every call after it carries none.
        if (ending) client.staffLogout({}).catch(() => undefined);
        client.setSession(null);
      },
    }),
    [client, current],
  );
}
