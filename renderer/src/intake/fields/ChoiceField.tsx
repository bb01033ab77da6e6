import type { FormField } from '../../../../contract/domain/forms.ts';

type ChoiceFieldSpec = Extract<FormField, { type: 'single' | 'multiple' }>;

/** Choices as big buttons: one of them (single), or as many as apply (multiple). Tapping a chosen one undoes it. */
export function ChoiceField({
  field,
  value,
  onChange,
}: {
  field: ChoiceFieldSpec;
  value: unknown;
  onChange(value: string | string[] | undefined): void;
}) {
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const toggle = (v: string) => {
    if (field.type === 'single') {
      onChange(chosen.includes(v) ? undefined : v);
      return;
    }
    const next = chosen.includes(v) ? chosen.filter((c) => c !== v) : [...chosen, v];
    onChange(next.length === 0 ? undefined : next);
  };
  return (
    <div className="choices" role="group">
      {field.choices.map((c) => (
        <button
          key={c.value}
          type="button"
          className={field.type === 'multiple' ? 'choice choice--multiple' : 'choice'}
          aria-pressed={chosen.includes(c.value)}
          data-testid="choice"
          data-value={c.value}
          onClick={() => toggle(c.value)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
