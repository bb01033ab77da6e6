import { useState } from 'react';
import type { Attachment } from '../../../contract/api/devices.ts';
import type { PhotoMade } from '../../../contract/api/photo.ts';
import type { Material } from '../../../contract/domain/catalog.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { PhotoPreview } from '../photo/PhotoPreview.tsx';
import { PhotoTaker } from '../photo/PhotoTaker.tsx';
import { useClient } from '../station/client-context.ts';

/**
 * 本站拍照 for a material that is a 证件照: the photo taken at the camera to the size and background the catalogue
 * names, shown, and on 用这张照片 stored as the material's page (the core marks it 本站采集).
 */
export function MaterialPhoto({ photo, onDone, onCancel }: { photo: NonNullable<Material['photo']>; onDone(page: Attachment): void; onCancel(): void }) {
  const { t } = useI18n();
  const client = useClient();
  const [made, setMade] = useState<PhotoMade | null>(null);
  const [error, setError] = useState<unknown>(null);
  const again = () => {
    if (made) void client.photoDrop({ photo: made.photo }).catch(() => undefined);
    setMade(null);
  };
  const keep = async () => {
    if (!made) return;
    try {
      onDone(await client.photoKeep({ photo: made.photo }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="material-photo" data-testid="material-photo-panel">
      {made === null ? (
        <PhotoTaker spec={photo.spec} background={photo.background ?? 'white'} onMade={setMade} />
      ) : (
        <PhotoPreview made={made} />
      )}
      {error !== null && <ErrorNotice error={error} testId="material-photo-error" />}
      <div className="button-row">
        <button type="button" data-testid="material-photo-cancel" onClick={() => {
            again();
            onCancel();
          }}>
          {t('ui.sheet.cancel')}
        </button>
        {made !== null && (
          <>
            <button type="button" className="wide-button" data-testid="material-photo-again" onClick={again}>
              {t('ui.photo.again')}
            </button>
            <button type="button" className="wide-button" data-testid="material-photo-keep" onClick={() => void keep()}>
              {t('ui.photo.keep')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
