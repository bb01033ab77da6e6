import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { identityFields } from './identity-fields.ts';
import { IdentityPhoto } from './IdentityPhoto.tsx';

/** What the card says, read-only, laid out as the form it will fill: nobody types it again (少填). */
export function IdentityForm({ card }: { card: IdentityCard }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fields = identityFields(i18n, card);
  const number = card.cardType === 'resident' ? 'ui.identity.idNumber' : 'ui.identity.cardNumber';
  return (
    <form
      className="identity-form"
      data-testid="identity-form"
      data-card-type={card.cardType}
      onSubmit={(e) => e.preventDefault()}
    >
      <IdentityPhoto photo={card.photo} />
      <div className="identity-form__fields">
        {fields.map((field) => (
          <div className="identity-field" key={field.id}>
            <label className="identity-field__label" htmlFor={`identity-${field.id}`}>
              {field.label}
            </label>
            <output className="identity-field__value" id={`identity-${field.id}`} data-testid={`identity-${field.id}`}>
              {field.value}
            </output>
          </div>
        ))}
        <div className="identity-field identity-field--number">
          <label className="identity-field__label" htmlFor="identity-id-number">
            {t(number)}
          </label>
          <output className="identity-field__value" id="identity-id-number" data-testid="identity-id-number">
            {card.idNumber}
          </output>
          <span
            className={card.idNumberValid ? 'identity-check identity-check--ok' : 'identity-check identity-check--bad'}
            data-testid="identity-id-valid"
            data-valid={card.idNumberValid}
          >
            {t(card.idNumberValid ? 'ui.identity.idValid' : 'ui.identity.idInvalid')}
          </span>
        </div>
      </div>
    </form>
  );
}
