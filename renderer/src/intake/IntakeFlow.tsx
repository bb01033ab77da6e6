import { useReducer } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { CardStep } from './CardStep.tsx';
import { FaceStep } from './FaceStep.tsx';
import { FormStep } from './FormStep.tsx';
import { initialIntake, intakeReducer, type Channel, type IntakeAction, type IntakeState } from './intake-state.ts';
import { stepDone, stepsOf } from './intake-steps.ts';
import { MaterialsStep } from './MaterialsStep.tsx';
import { MatterStep } from './MatterStep.tsx';
import { ProxyStep } from './ProxyStep.tsx';
import { ReceiptStep } from './ReceiptStep.tsx';
import { SignStep } from './SignStep.tsx';
import { StepBar } from './StepBar.tsx';
import { StepNav } from './StepNav.tsx';
import { TITLE_KEYS } from './step-words.ts';
import { SubmitStep } from './SubmitStep.tsx';
import { useApplicantCheck } from './use-applicant-check.ts';
import { useLeaveGuard } from '../app/use-leave-guard.ts';
import '../styles/intake.css';

/**
 * One intake from card to receipt, at the window or the kiosk. Everything it collects lives in this component
 * only: leaving the flow, or the idle timeout emptying the screen stack, forgets all of it.
 */
export function IntakeFlow({
  channel,
  agentName = '',
  preset,
  onFinish,
}: {
  channel: Channel;
  agentName?: string;
  /** Initial actions, e.g. the kiosk's matter chosen on the guide screen. */
  preset?: (state: IntakeState) => IntakeState;
  onFinish(): void;
}) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(intakeReducer, channel, (c) => (preset ? preset(initialIntake(c)) : initialIntake(c)));
  const checkError = useApplicantCheck(state, dispatch);
  // Once a card is read the application holds the villager's work: 返回/首页 ask before dropping it.
  useLeaveGuard(state.card !== null && state.step !== 'receipt');
  const steps = stepsOf(state);
  const at = steps.indexOf(state.step);
  // The furthest step reachable: every step before it is done.
  const firstOpen = steps.findIndex((s) => !stepDone(state, s));
  const reachable = firstOpen < 0 ? steps.length - 1 : firstOpen;
  const go = (step: IntakeAction & { type: 'go' }) => dispatch(step);

  if (state.step === 'receipt') {
    return (
      <div className="intake" data-testid="intake" data-step="receipt" data-channel={channel}>
        <ReceiptStep state={state} onFinish={onFinish} />
      </div>
    );
  }

  return (
    <div className="intake" data-testid="intake" data-step={state.step} data-channel={channel} data-request-id={state.requestId}>
      <StepBar steps={steps} current={state.step} reachable={reachable} onGo={(step) => go({ type: 'go', step })} />
      <h2 className="intake__step-title" data-testid="intake-step-title">
        {t(TITLE_KEYS[state.step])}
      </h2>
      <div className="intake__body">
        {state.step === 'card' && <CardStep state={state} dispatch={dispatch} />}
        {state.step === 'matter' && <MatterStep state={state} dispatch={dispatch} checkError={checkError} />}
        {state.step === 'form' && <FormStep state={state} dispatch={dispatch} />}
        {state.step === 'face' && <FaceStep state={state} dispatch={dispatch} />}
        {state.step === 'materials' && <MaterialsStep state={state} dispatch={dispatch} />}
        {state.step === 'proxy' && <ProxyStep state={state} dispatch={dispatch} agentName={agentName} />}
        {state.step === 'sign' && <SignStep state={state} dispatch={dispatch} />}
        {state.step === 'submit' && <SubmitStep state={state} dispatch={dispatch} />}
      </div>
      <StepNav
        onBack={at > 0 ? () => go({ type: 'go', step: steps[at - 1]! }) : null}
        onNext={at < steps.length - 1 ? () => go({ type: 'go', step: steps[at + 1]! }) : null}
        canNext={stepDone(state, state.step)}
      />
    </div>
  );
}
