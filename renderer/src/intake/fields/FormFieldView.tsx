import type { FormField } from '../../../../contract/domain/forms.ts';
import type { FormValue } from '../intake-state.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { DateField } from './DateField.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { TextField } from './TextField.tsx';
import { TickField } from './TickField.tsx';

/** One field of the form by its type, in its frame. */
export function FormFieldView({
  field,
  value,
  issue,
  onChange,
}: {
  field: FormField;
  value: FormValue | undefined;
  issue: string | undefined;
  onChange(value: FormValue | undefined): void;
}) {
  return (
    <FieldFrame field={field} issue={issue}>
      {field.type === 'tick' && <TickField field={field} value={value} onChange={onChange} />}
      {(field.type === 'single' || field.type === 'multiple') && <ChoiceField field={field} value={value} onChange={onChange} />}
      {field.type === 'date' && <DateField field={field} value={value} onChange={onChange} />}
      {field.type === 'text' && <TextField field={field} value={value} onChange={onChange} />}
    </FieldFrame>
  );
}
