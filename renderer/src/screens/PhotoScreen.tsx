import { useState } from 'react';
import type { PhotoMade } from '../../../contract/api/photo.ts';
import type { PhotoBackground } from '../../../contract/domain/photo-spec.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { ScreenFrame } from '../layout/ScreenFrame.tsx';
import { ScrollArea } from '../layout/ScrollArea.tsx';
import { PhotoChoice } from '../photo/PhotoChoice.tsx';
import { PhotoPreview } from '../photo/PhotoPreview.tsx';
import { PhotoTaker } from '../photo/PhotoTaker.tsx';
import { PrintButton } from '../print/PrintButton.tsx';
import { useClient } from '../station/client-context.ts';
import '../styles/photo.css';

type Phase = { step: 'choose' } | { step: 'take' } | { step: 'made'; made: PhotoMade };

/**
 * 打印照片: pick the size and background (preselected when a matter's guide sent the villager here), stand at the
 * camera, see the finished photo, print a 6-inch sheet. The photo is held for this screen only: leaving it ends
 * the visit and the station forgets it.
 */
export function PhotoScreen({ spec: initialSpec, background: initialBackground }: { spec?: string; background?: PhotoBackground }) {
  const { t } = useI18n();
  const client = useClient();
  const [spec, setSpec] = useState(initialSpec ?? '1inch');
  const [background, setBackground] = useState<PhotoBackground>(initialBackground ?? 'red');
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [cardError, setCardError] = useState<unknown>(null);

  /** The held photo is forgotten before another is made or chosen. */
  const dropAnd = (step: 'choose' | 'take') => {
    if (phase.step === 'made') void client.photoDrop({ photo: phase.made.photo }).catch(() => undefined);
    setPhase({ step });
  };
  const fromCard = async () => {
    setCardError(null);
    try {
      const { visit } = await client.idcardRead({});
      client.setVisit(visit);
      setPhase({ step: 'made', made: await client.photoFromCard({ spec: '1inch' }) });
    } catch (error) {
      setCardError(error);
    }
  };

  const prompt = phase.step === 'choose' ? 'ui.prompt.photo' : phase.step === 'take' ? 'ui.photo.prompt.stand' : 'ui.prompt.photo.made';
  return (
    <ScreenFrame screen="photo" title={t('ui.photo.title')} speech={{ text: t(prompt), promptKey: prompt }}>
      {phase.step === 'choose' && (
        <ScrollArea>
          <PhotoChoice spec={spec} background={background} onSpec={setSpec} onBackground={setBackground} />
          <div className="button-row">
            <button type="button" className="wide-button" data-testid="photo-start" onClick={() => setPhase({ step: 'take' })}>
              {t('ui.photo.start')}
            </button>
            <button type="button" className="wide-button" data-testid="photo-from-card" onClick={() => void fromCard()}>
              {t('ui.photo.fromCard')}
            </button>
          </div>
          {cardError !== null && <ErrorNotice error={cardError} testId="photo-card-error" />}
        </ScrollArea>
      )}
      {phase.step === 'take' && <PhotoTaker spec={spec} background={background} onMade={(made) => setPhase({ step: 'made', made })} />}
      {phase.step === 'made' && (
        <div className="photo-made" data-testid="photo-made">
          <PhotoPreview made={phase.made} />
          <div className="photo-made__actions">
            <PrintButton
              label={t('ui.photo.print', { count: phase.made.sheet.count })}
              testId="photo-print"
              print={() => client.photoPrint({ photo: phase.made.photo, copies: 1 })}
              doneText={t('ui.photo.printed')}
            />
            <button type="button" className="wide-button" data-testid="photo-again" onClick={() => dropAnd(phase.made.source === 'card' ? 'choose' : 'take')}>
              {t('ui.photo.again')}
            </button>
            <button type="button" className="wide-button" data-testid="photo-other-size" onClick={() => dropAnd('choose')}>
              {t('ui.photo.otherSize')}
            </button>
          </div>
        </div>
      )}
    </ScreenFrame>
  );
}
