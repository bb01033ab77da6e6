import { useState } from 'react';
import { CASE_ROLES, type Role } from '../../../contract/domain/roles.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useStaff, type StaffSession } from '../staff/staff-context.ts';
import { PinEntry } from '../staff/PinEntry.tsx';
import { StaffPicker, type StaffMember } from '../staff/StaffPicker.tsx';
import { useClient } from '../station/client-context.ts';
import { useCall } from '../station/use-call.ts';
import '../styles/window.css';

/** Who signs in where: the window's staff, or the technician at the device page. */
const DOORS = {
  window: { roles: CASE_ROLES as readonly Role[], title: 'ui.staff.title', prompt: 'ui.prompt.window' },
  technician: { roles: ['technician'] as readonly Role[], title: 'ui.staff.technicianTitle', prompt: 'ui.prompt.technician' },
} as const;

/** 窗口登录 (or 运维登录): pick your name, then your PIN on the number pad. */
export function StaffLoginScreen({ door = 'window', onSignedIn }: { door?: keyof typeof DOORS; onSignedIn?(session: StaffSession): void }) {
  const { roles, title, prompt } = DOORS[door];
  const { t } = useI18n();
  const { signIn } = useStaff();
  const client = useClient();
  const staff = useCall((client) => client.staffList({}), []);
  const [picked, setPicked] = useState<StaffMember | null>(null);
  return (
    <ScreenFrame screen={door} title={t(title)} speech={{ text: t(prompt), promptKey: prompt }}>
      <CallStatus state={staff} />
      {staff.status === 'ok' &&
        (picked === null ? (
          <ScrollArea>
            <p className="hint">{t('ui.staff.pick')}</p>
            <StaffPicker staff={staff.value.filter((s) => roles.includes(s.role))} onPick={setPicked} />
          </ScrollArea>
        ) : (
          <PinEntry
            who={t('ui.staff.pinFor', { name: picked.name })}
            submitLabel={t('ui.staff.signIn')}
            pendingLabel={t('ui.staff.signingIn')}
            onSubmit={(pin) =>
              client.staffLogin({ staffId: picked.id, pin }).then((session) => {
                signIn(session);
                onSignedIn?.(session);
              })
            }
            onBack={() => setPicked(null)}
            backLabel={t('ui.staff.otherPerson')}
          />
        ))}
    </ScreenFrame>
  );
}
