import { isRealDate } from '../../../contract/domain/form-prefill.ts';
import type { FormField, FormSchema, FormValues } from '../../../contract/domain/forms.ts';
import { message } from '../messages.ts';

export interface FormIssue {
  /** The field id, as issuePath writes it. */
  path: string;
  /** Plain Chinese, ready to show beside the field. */
  message: string;
}

/**
 * Every problem with the answers at once, at most one per field (the first rule it breaks), in form order, then
 * answers to fields the form does not have. Values are checked by their runtime type: they arrive over IPC or HTTP.
 */
export function validateForm(form: FormSchema, values: FormValues): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const field of form.fields) {
    const found = checkField(field, Object.hasOwn(values, field.id) ? values[field.id] : undefined);
    if (found) issues.push({ path: field.id, message: message(found.code, { label: field.label, ...found.params }) });
  }
  const known = new Set(form.fields.map((f) => f.id));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) issues.push({ path: key, message: message('cases.form.unknown-field', { field: key }) });
  }
  return issues;
}

interface Problem {
  code: string;
  params?: Record<string, string | number>;
}

const problem = (code: string, params?: Record<string, string | number>): Problem => ({ code, ...(params ? { params } : {}) });

function checkField(field: FormField, value: unknown): Problem | undefined {
  switch (field.type) {
    case 'tick':
      if (value !== undefined && typeof value !== 'boolean') return problem('cases.form.wrong-type');
      return field.required && value !== true ? problem('cases.form.tick-required') : undefined;

    case 'single':
      if (value === undefined || value === '') return field.required ? problem('cases.form.choose-one') : undefined;
      if (Array.isArray(value) && value.length > 1) return problem('cases.form.only-one');
      if (typeof value !== 'string') return problem('cases.form.wrong-type');
      return field.choices.some((c) => c.value === value) ? undefined : problem('cases.form.not-a-choice');

    case 'multiple': {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        return field.required ? problem('cases.form.choose-some') : undefined;
      }
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return problem('cases.form.wrong-type');
      if (!value.every((v) => field.choices.some((c) => c.value === v))) return problem('cases.form.not-a-choice');
      return new Set(value).size === value.length ? undefined : problem('cases.form.repeated-choice');
    }

    case 'date':
      if (value === undefined || value === '') return field.required ? problem('cases.form.fill-in') : undefined;
      if (typeof value !== 'string') return problem('cases.form.wrong-type');
      return isRealDate(value) ? undefined : problem('cases.form.bad-date');

    case 'text': {
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
        return field.required ? problem('cases.form.fill-in') : undefined;
      }
      if (typeof value !== 'string') return problem('cases.form.wrong-type');
      // Characters as a villager counts them: one per Chinese character, not per UTF-16 unit.
      if ([...value].length > field.maxLength) return problem('cases.form.too-long', { max: field.maxLength });
      if (field.pattern === undefined || wholeMatch(field.pattern).test(value)) return undefined;
      return field.patternHint === undefined
        ? problem('cases.form.pattern-unnamed')
        : problem('cases.form.pattern', { patternHint: field.patternHint });
    }
  }
}

const compiled = new Map<string, RegExp>();

/** A catalogue pattern must match the whole answer, as an HTML `pattern` attribute does. */
function wholeMatch(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, re);
  }
  return re;
}
