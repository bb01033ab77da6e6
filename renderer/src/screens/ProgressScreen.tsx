import { useState } from 'react';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { IdCardPanel } from '../idcard/IdCardPanel.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { cardProblem } from '../intake/intake-steps.ts';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { ProgressList } from '../progress/ProgressList.tsx';
import '../styles/devices.css';
import '../styles/window.css';

/**
 * 查进度: put the ID card on the reader; every case of that person with where it stands and its date, under their
 * name alone (not the address, number or authority of the card). 重新读卡
 * forgets this card before the next is read, so one person's cases never sit beside another's card.
 */
export function ProgressScreen() {
  const { t } = useI18n();
  const [card, setCard] = useState<IdentityCard | null>(null);
  const problem = card === null ? null : cardProblem(card);
  return (
    <ScreenFrame screen="progress" title={t('ui.progress.title')} speech={{ text: t('ui.prompt.progress'), promptKey: 'ui.prompt.progress' }}>
      {card === null ? (
        <ScrollArea>
          <p className="hint">{t('ui.progress.hint')}</p>
          <IdCardPanel onRead={setCard} />
        </ScrollArea>
      ) : (
        <div className="progress">
          <ScrollArea className="progress__card">
            {/* A public screen: the name says whose cases these are; the rest of the card stays off it. */}
            <p className="progress__name" data-testid="progress-name" data-name={card.name}>
              {t('ui.progress.whose', { name: card.name })}
            </p>
            <button type="button" className="wide-button" data-testid="progress-another" onClick={() => setCard(null)}>
              {t('ui.idcard.readAgain')}
            </button>
          </ScrollArea>
          <ScrollArea className="progress__cases">
            <h2 className="section-title">{t('ui.progress.cases')}</h2>
            {problem !== null ? (
              <p className="call-status call-status--error" role="alert" data-testid="progress-card-problem">
                {t(problem)}
              </p>
            ) : (
              <ProgressList idNumber={card.idNumber} />
            )}
          </ScrollArea>
        </div>
      )}
    </ScreenFrame>
  );
}
