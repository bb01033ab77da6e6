import type { PhotoMade } from '../../../contract/api/photo.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PHOTO_SPECS } from './photo-specs.ts';

/** The finished photo at its proportions, with what it is: size, background, how many a sheet holds. */
export function PhotoPreview({ made }: { made: PhotoMade }) {
  const { t } = useI18n();
  return (
    <figure className="photo-preview" data-testid="photo-preview" data-spec={made.spec.id} data-background={made.background ?? 'card'}>
      <img
        className="photo-preview__image"
        data-testid="photo-preview-image"
        src={`data:image/jpeg;base64,${made.jpeg}`}
        alt={t('ui.photo.preview.alt')}
        style={{ aspectRatio: `${made.spec.widthMm} / ${made.spec.heightMm}` }}
      />
      <figcaption className="photo-preview__caption">
        <span data-testid="photo-preview-spec">
          {t('ui.photo.preview.spec', { name: made.spec.name, width: made.spec.widthMm, height: made.spec.heightMm })}
          {made.background !== null && ` · ${t('ui.photo.preview.background', { name: PHOTO_SPECS.backgrounds[made.background].name })}`}
        </span>
        <span data-testid="photo-preview-sheet">{t('ui.photo.preview.sheet', { count: made.sheet.count })}</span>
        {made.lowResolution && (
          <span className="photo-preview__notice" role="note" data-testid="photo-low-resolution">
            {t('ui.photo.lowResolution')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
