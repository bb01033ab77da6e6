import type { PhotoBackground } from '../../../contract/domain/photo-spec.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { backgroundCss, KIOSK_SPECS, photoSpec } from './photo-specs.ts';

/** Big buttons for the size and the background; a background the size is not made on cannot be picked. */
export function PhotoChoice({
  spec,
  background,
  onSpec,
  onBackground,
}: {
  spec: string;
  background: PhotoBackground;
  onSpec(spec: string): void;
  onBackground(background: PhotoBackground): void;
}) {
  const { t } = useI18n();
  const chosen = photoSpec(spec);
  const ids = KIOSK_SPECS.includes(spec as (typeof KIOSK_SPECS)[number]) ? KIOSK_SPECS : [spec, ...KIOSK_SPECS];
  return (
    <div className="photo-choice" data-testid="photo-choice">
      <h2 className="section-title">{t('ui.photo.size')}</h2>
      <div className="photo-choice__row" role="radiogroup" aria-label={t('ui.photo.size')}>
        {ids.map((id) => {
          const s = photoSpec(id);
          if (!s) return null;
          return (
            <button
              key={id}
              type="button"
              role="radio"
              aria-checked={id === spec}
              className="photo-choice__size"
              data-testid={`photo-spec-${id}`}
              onClick={() => {
                onSpec(id);
                if (!s.backgrounds.includes(background)) onBackground(s.backgrounds[0]!);
              }}
            >
              <span className="photo-choice__frame" style={{ aspectRatio: `${s.widthMm} / ${s.heightMm}` }} aria-hidden="true" />
              <span className="photo-choice__name">{s.name}</span>
              <span className="photo-choice__mm">{t('ui.photo.mm', { width: s.widthMm, height: s.heightMm })}</span>
            </button>
          );
        })}
      </div>
      <h2 className="section-title">{t('ui.photo.background')}</h2>
      <div className="photo-choice__row" role="radiogroup" aria-label={t('ui.photo.background')}>
        {(chosen?.backgrounds ?? []).map((b) => (
          <button
            key={b}
            type="button"
            role="radio"
            aria-checked={b === background}
            className="photo-choice__background"
            data-testid={`photo-background-${b}`}
            onClick={() => onBackground(b)}
          >
            <span className="photo-choice__swatch" style={{ background: backgroundCss(b) }} aria-hidden="true" />
            {t(`ui.photo.background.${b}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
