import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { IntakeFlow } from '../intake/IntakeFlow.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { useStaffSession } from '../staff/staff-context.ts';

/** 新建受理 at the window: card, matter, form, materials, 代办, signature, 提交, receipt. */
export function IntakeScreen() {
  const { t } = useI18n();
  const nav = useNav();
  const staff = useStaffSession();
  return (
    <ScreenFrame screen="intake" title={t('ui.intake.windowTitle')} speech={{ text: t('ui.prompt.window'), promptKey: 'ui.prompt.window' }}>
      <IntakeFlow channel="window" agentName={staff.name} onFinish={nav.back} />
    </ScreenFrame>
  );
}
