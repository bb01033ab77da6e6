import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { useStaff, type StaffSession } from '../staff/staff-context.ts';
import { PinEntry } from '../staff/PinEntry.tsx';
import { StaffPicker, type StaffMember } from '../staff/StaffPicker.tsx';
import { useCall } from '../station/use-call.ts';
import '../styles/window.css';

/** 窗口登录: pick your name, then your PIN on the number pad. */
export function StaffLoginScreen({ onSignedIn }: { onSignedIn?(session: StaffSession): void }) {
  const { t } = useI18n();
  const { signIn } = useStaff();
  const staff = useCall((client) => client.staffList({}), []);
  const [picked, setPicked] = useState<StaffMember | null>(null);
  return (
    <ScreenFrame screen="window" title={t('ui.staff.title')} speech={{ text: t('ui.prompt.window'), promptKey: 'ui.prompt.window' }}>
      <CallStatus state={staff} />
      {staff.status === 'ok' &&
        (picked === null ? (
          <ScrollArea>
            <p className="hint">{t('ui.staff.pick')}</p>
            <StaffPicker staff={staff.value.filter((s) => s.role !== 'technician')} onPick={setPicked} />
          </ScrollArea>
        ) : (
          <PinEntry
            staff={picked}
            onBack={() => setPicked(null)}
            onSignedIn={(session) => {
              signIn(session);
              onSignedIn?.(session);
            }}
          />
        ))}
    </ScreenFrame>
  );
}
