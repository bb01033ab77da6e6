import { useNav } from '../app/nav-context.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { IntakeFlow } from '../intake/IntakeFlow.tsx';
import { intakeReducer } from '../intake/intake-state.ts';
import { CallStatus } from '../layout/CallStatus.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { useCall } from '../station/use-call.ts';

/**
 * 我要申请 at the kiosk, for a self-service matter: the villager's card, the form filled from it, the materials
 * (camera or waived; no 容缺 here), a signature on the screen, 提交, and the receipt with the case number.
 */
export function ApplyScreen({ code }: { code: string }) {
  const { t } = useI18n();
  const nav = useNav();
  const guide = useCall((client) => client.catalogGuide({ code }), [code]);
  const matter = guide.status === 'ok' ? guide.value.matter : null;
  return (
    <ScreenFrame
      screen="apply"
      title={matter === null ? t('ui.apply.title') : t('ui.apply.titleFor', { matter: matter.name })}
      speech={{ text: t('ui.prompt.apply'), promptKey: 'ui.prompt.apply' }}
    >
      <CallStatus state={guide} />
      {matter !== null && !matter.selfService && (
        <p className="call-status call-status--error" role="alert" data-testid="apply-not-self-service">
          {t('cases.not-self-service', { matter: matter.name })}
        </p>
      )}
      {matter?.selfService && (
        <IntakeFlow
          channel="kiosk"
          preset={(state) => intakeReducer(state, { type: 'matter', matter })}
          onFinish={nav.home}
        />
      )}
    </ScreenFrame>
  );
}
