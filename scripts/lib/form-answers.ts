import type { IntakeInput } from '../../contract/domain/cases.ts';
import type { Matter } from '../../contract/domain/catalog.ts';

/** Answers that satisfy a matter's form: ticks ticked, first choices taken, dates today, texts that fit their pattern. */
export function validForm(matter: Matter, today: string): IntakeInput['form'] {
  const values: IntakeInput['form'] = {};
  for (const f of matter.form?.fields ?? []) {
    if (f.type === 'tick') values[f.id] = true;
    else if (f.type === 'single') values[f.id] = f.choices[0]!.value;
    else if (f.type === 'multiple') values[f.id] = [f.choices[0]!.value];
    else if (f.type === 'date') values[f.id] = today;
    else values[f.id] = f.pattern && /\^1/.test(f.pattern) ? '13800000000' : f.pattern ? '6222000011112222' : '测试';
  }
  return values;
}
