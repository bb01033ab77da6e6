import type { FacePrompt } from '../../../contract/domain/face-check.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { promptIcon, promptKey } from '../intake/face-rules.ts';
import { FaceIcon } from './FaceIcon.tsx';

/** What to do now, in big words with a drawing: the core's prompt, or 请看着屏幕 before its first answer. */
export function FacePromptLine({ prompt }: { prompt: FacePrompt | null }) {
  const { t } = useI18n();
  return (
    <p className="face-prompt" role="status" aria-live="polite" data-testid="face-prompt" data-prompt={prompt ?? ''}>
      <FaceIcon name={promptIcon(prompt)} className="face-prompt__icon" />
      <span className="face-prompt__text">{t(prompt === null ? 'ui.face.getReady' : promptKey(prompt))}</span>
    </p>
  );
}
