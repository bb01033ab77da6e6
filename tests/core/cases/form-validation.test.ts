import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormSchema } from '../../../contract/domain/forms.ts';
import type { FormField, FormValues } from '../../../contract/domain/forms.ts';
import { readCatalogFile } from '../../../electron/core/catalog/catalog-file.ts';
import { prefillForm } from '../../../contract/domain/form-prefill.ts';
import { validateForm } from '../../../electron/core/cases/form-validation.ts';
import type { CardFacts } from '../../../contract/domain/form-prefill.ts';
import { assetPath } from '../../../electron/core/paths.ts';

const catalog = readCatalogFile(assetPath('catalog', 'catalog.json'));
const withForms = catalog.matters.flatMap((m) => (m.form ? [{ matter: m, form: m.form }] : []));

const card: CardFacts = {
  name: '李秀英',
  gender: '女',
  birthDate: '1948-03-09',
  idNumber: '430721194803091228',
  address: '湖南省津市市白衣镇青山村五组23号',
  nation: '汉',
};

/** One field of each kind, for the rule-by-rule tests. */
const sample = FormSchema.parse({
  fields: [
    { id: 'promise', label: '本人承诺所填信息真实', required: true, type: 'tick' },
    { id: 'training', label: '愿意参加免费技能培训', required: false, type: 'tick' },
    {
      id: 'payout',
      label: '领取方式',
      required: true,
      type: 'single',
      choices: [
        { value: 'own-account', label: '发放到本人账户' },
        { value: 'proxy', label: '由家属代领' },
      ],
    },
    {
      id: 'reasons',
      label: '申请原因',
      required: true,
      type: 'multiple',
      choices: [
        { value: 'illness', label: '因病' },
        { value: 'disability', label: '因残' },
        { value: 'disaster', label: '因灾' },
      ],
    },
    { id: 'happened', label: '困难发生日期', required: true, type: 'date' },
    { id: 'start', label: '申请日期', required: false, type: 'date', prefill: 'today' },
    {
      id: 'phone',
      label: '联系电话',
      required: true,
      type: 'text',
      maxLength: 11,
      pattern: '^1\\d{10}$',
      patternHint: '请填写11位手机号码',
    },
    { id: 'bank', label: '开户银行', required: false, type: 'text', maxLength: 10 },
    { id: 'code', label: '账号', required: false, type: 'text', maxLength: 30, pattern: '\\d+' },
  ],
});

const good: FormValues = {
  promise: true,
  training: false,
  payout: 'proxy',
  reasons: ['illness', 'disaster'],
  happened: '2026-10-28',
  start: '2026-11-03',
  phone: '13807360123',
  bank: '农商银行',
  code: '6228480012345678',
};

const messagesOf = (values: FormValues) => validateForm(sample, values).map((i) => [i.path, i.message]);

describe('prefillForm', () => {
  it('fills what the card says and today, and nothing else', () => {
    const form = FormSchema.parse({
      fields: [
        { id: 'name', label: '姓名', required: true, type: 'text', maxLength: 20, prefill: 'name' },
        { id: 'gender', label: '性别', required: true, type: 'text', maxLength: 2, prefill: 'gender' },
        { id: 'id-number', label: '公民身份号码', required: true, type: 'text', maxLength: 18, prefill: 'idNumber' },
        { id: 'address', label: '邮寄地址', required: false, type: 'text', maxLength: 120, prefill: 'address' },
        { id: 'nation', label: '民族', required: false, type: 'text', maxLength: 10, prefill: 'nation' },
        { id: 'birth', label: '出生日期', required: true, type: 'date', prefill: 'birthDate' },
        { id: 'applied', label: '申请日期', required: true, type: 'date', prefill: 'today' },
        { id: 'odd', label: '错配的日期', required: false, type: 'date', prefill: 'name' },
        { id: 'phone', label: '联系电话', required: true, type: 'text', maxLength: 11 },
        { id: 'promise', label: '承诺', required: true, type: 'tick' },
      ],
    });
    expect(prefillForm(form, card, '2026-11-03')).toEqual({
      name: '李秀英',
      gender: '女',
      'id-number': '430721194803091228',
      address: '湖南省津市市白衣镇青山村五组23号',
      nation: '汉',
      birth: '1948-03-09',
      applied: '2026-11-03',
    });
    const { nation: _nation, ...noNation } = card;
    expect(prefillForm(form, noNation, '2026-11-03')).not.toHaveProperty('nation');
  });

  it('gives every catalogue form answers that pass validation', () => {
    for (const { matter, form } of withForms) {
      const values = prefillForm(form, card, '2026-11-03');
      const own = validateForm(form, values).map((i) => i.path);
      expect(own.filter((path) => Object.hasOwn(values, path)), matter.name).toEqual([]);
    }
  });
});

describe('validateForm', () => {
  it('accepts good answers, and leaves optional fields empty', () => {
    expect(validateForm(sample, good)).toEqual([]);
    const { training: _t, start: _s, bank: _b, code: _c, ...required } = good;
    expect(validateForm(sample, required)).toEqual([]);
    expect(validateForm(sample, { ...required, start: '', bank: '  ', code: '' })).toEqual([]);
  });

  it('reports every problem at once, in form order, in plain Chinese', () => {
    expect(messagesOf({ unexpected: true })).toEqual([
      ['promise', '请勾选“本人承诺所填信息真实”'],
      ['payout', '请选择“领取方式”'],
      ['reasons', '“申请原因”请至少选一项'],
      ['happened', '请填写困难发生日期'],
      ['phone', '请填写联系电话'],
      ['unexpected', '表中没有“unexpected”这一项，请重新打开申请表填写'],
    ]);
  });

  it('ticks: required ones must be ticked, and a tick is true or false', () => {
    expect(messagesOf({ ...good, promise: false })).toEqual([['promise', '请勾选“本人承诺所填信息真实”']]);
    expect(messagesOf({ ...good, training: 'yes' })).toEqual([['training', '“愿意参加免费技能培训”的填写内容有误，请重新填写']]);
  });

  it('single choices: exactly one of the choices', () => {
    expect(messagesOf({ ...good, payout: ['own-account', 'proxy'] })).toEqual([['payout', '“领取方式”只能选一项']]);
    expect(messagesOf({ ...good, payout: 'cash' })).toEqual([['payout', '“领取方式”的选项已经更新，请重新选择']]);
    expect(messagesOf({ ...good, payout: true })).toEqual([['payout', '“领取方式”的填写内容有误，请重新填写']]);
    expect(messagesOf({ ...good, payout: ['proxy'] })).toEqual([['payout', '“领取方式”的填写内容有误，请重新填写']]);
  });

  it('multiple choices: known choices, each once, at least one when required', () => {
    expect(messagesOf({ ...good, reasons: [] })).toEqual([['reasons', '“申请原因”请至少选一项']]);
    expect(messagesOf({ ...good, reasons: ['illness', 'illness'] })).toEqual([['reasons', '“申请原因”有重复的选项，请重新选择']]);
    expect(messagesOf({ ...good, reasons: ['illness', 'flood'] })).toEqual([['reasons', '“申请原因”的选项已经更新，请重新选择']]);
    expect(messagesOf({ ...good, reasons: 'illness' })).toEqual([['reasons', '“申请原因”的填写内容有误，请重新填写']]);
  });

  it('dates: real days only', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-5', '20261105', '明天']) {
      expect(messagesOf({ ...good, happened: bad }), bad).toEqual([['happened', '“困难发生日期”不是一个真实的日期，请重新选择']]);
    }
    expect(messagesOf({ ...good, happened: '2024-02-29' })).toEqual([]);
    expect(messagesOf({ ...good, start: false })).toEqual([['start', '“申请日期”的填写内容有误，请重新填写']]);
  });

  it('texts: length in characters, the pattern over the whole answer, its hint as the message', () => {
    expect(messagesOf({ ...good, phone: '1380736012' })).toEqual([['phone', '联系电话：请填写11位手机号码']]);
    expect(messagesOf({ ...good, phone: '23807360123' })).toEqual([['phone', '联系电话：请填写11位手机号码']]);
    expect(messagesOf({ ...good, phone: '138073601234' })).toEqual([['phone', '“联系电话”不能超过 11 个字']]);
    expect(messagesOf({ ...good, bank: '中国农业银行股份有限公司津市支行' })).toEqual([['bank', '“开户银行”不能超过 10 个字']]);
    // Ten Chinese characters are ten, whatever UTF-16 makes of them.
    expect(messagesOf({ ...good, bank: '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉' })).toEqual([]);
    // An unanchored pattern still has to cover the whole answer; without a hint the message is generic.
    expect(messagesOf({ ...good, code: '6228 4800' })).toEqual([['code', '“账号”的格式不对，请检查后重新填写']]);
    expect(messagesOf({ ...good, phone: ['13807360123'] })).toEqual([['phone', '“联系电话”的填写内容有误，请重新填写']]);
  });

  it('does not take inherited properties for answers', () => {
    const form = FormSchema.parse({ fields: [{ id: 'constructor', label: '承诺', required: true, type: 'tick' }] });
    expect(validateForm(form, {}).map((i) => i.path)).toEqual(['constructor']);
  });
});

/** Any JSON-ish value, including the wrong kinds. */
const anyValue = fc.oneof(
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
  fc.constantFrom('2026-11-03', '2026-02-30', '', '13800138000', 'own-account', 'proxy', 'illness'),
  fc.anything(),
);

/** Random answers to `form`: mostly its own field ids (with any values), some strangers. */
const answersTo = (ids: readonly string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 8 })), anyValue, { maxKeys: ids.length + 3 }) as fc.Arbitrary<FormValues>;

const choiceArb = fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,6}$/), { minLength: 2, maxLength: 5 }).map((values) =>
  values.map((value) => ({ value, label: `选项${value}` })),
);

const fieldArb: fc.Arbitrary<FormField> = fc.oneof(
  fc.record({ type: fc.constant('tick' as const), required: fc.boolean() }),
  fc.record({ type: fc.constantFrom('single' as const, 'multiple' as const), required: fc.boolean(), choices: choiceArb }),
  fc.record({ type: fc.constant('date' as const), required: fc.boolean() }),
  fc.record({
    type: fc.constant('text' as const),
    required: fc.boolean(),
    maxLength: fc.integer({ min: 1, max: 200 }),
    pattern: fc.option(fc.constantFrom('^1\\d{10}$', '\\d{12,25}', '[\\u4e00-\\u9fff]+'), { nil: undefined }),
    patternHint: fc.option(fc.constant('请按提示填写'), { nil: undefined }),
  }),
).map((f) => ({ ...f, id: 'x', label: '某项' }) as FormField);

const formArb = fc
  .array(fieldArb, { minLength: 1, maxLength: 8 })
  .map((fields) => FormSchema.parse({ fields: fields.map((f, i) => ({ ...f, id: `f${i}`, label: `第${i + 1}项` })) }));

describe('validateForm on random answers', () => {
  const check = (form: FormSchema, values: FormValues): void => {
    const issues = validateForm(form, values);
    const paths = issues.map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const issue of issues) {
      const field = form.fields.some((f) => f.id === issue.path);
      expect(field || Object.hasOwn(values, issue.path)).toBe(true);
      expect(issue.message).not.toContain('cases.form');
      // A stranger's key is quoted as sent; a field's message has every placeholder filled.
      if (field) expect(issue.message).not.toMatch(/\{\w+\}/);
    }
  };

  it('never throws for the catalogue forms, and names only real paths, once each', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withForms).chain(({ form }) => fc.tuple(fc.constant(form), answersTo(form.fields.map((f) => f.id)))),
        ([form, values]) => check(form, values),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws for random forms', () => {
    fc.assert(
      fc.property(
        formArb.chain((form) => fc.tuple(fc.constant(form), answersTo(form.fields.map((f) => f.id)))),
        ([form, values]) => check(form, values),
      ),
      { numRuns: 500 },
    );
  });

  it('accepts any valid answers to a random form without patterns', () => {
    const validFor = (field: FormField): fc.Arbitrary<FormValues[string] | undefined> => {
      switch (field.type) {
        case 'tick':
          return field.required ? fc.constant(true) : fc.option(fc.boolean(), { nil: undefined });
        case 'single':
          return fc.constantFrom(...field.choices.map((c) => c.value));
        case 'multiple':
          return fc.subarray(field.choices.map((c) => c.value), { minLength: field.required ? 1 : 0 });
        case 'date':
          return fc
            .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10));
        case 'text':
          return fc.string({ unit: fc.constantFrom(...'村民张三李四王五abc123'), minLength: 1, maxLength: field.maxLength });
      }
    };
    const unpatterned = formArb.map((form) => ({
      fields: form.fields.map((f) => (f.type === 'text' ? { ...f, pattern: undefined, patternHint: undefined } : f)),
    }));
    fc.assert(
      fc.property(
        unpatterned.chain((form) =>
          fc.tuple(fc.constant(form), fc.tuple(...form.fields.map(validFor))),
        ),
        ([form, answers]) => {
          const values: FormValues = {};
          form.fields.forEach((f, i) => {
            const v = answers[i];
            if (v !== undefined) values[f.id] = v;
          });
          expect(validateForm(form, values)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the catalogue forms', () => {
  it('cover all self-service matters and the matters the seed documents name', () => {
    expect(withForms.length).toBeGreaterThanOrEqual(20);
    for (const m of catalog.matters.filter((m) => m.selfService)) expect(m.form, m.name).toBeDefined();
    for (const name of ['老年优待证', '医疗救助', '最低生活保障', '临时救助', '高龄', '残疾人生活补贴', '城乡居民基本养老保险待遇申领', '失业登记', '农机购置', '危房改造', '居民身份证', '社会保障卡']) {
      const matter = catalog.matters.find((m) => m.name.includes(name));
      expect(matter?.form, name).toBeDefined();
    }
  });

  it('are internally consistent', () => {
    // What the ID card says is never asked again, only shown prefilled (少填).
    const cardLabels = /^(姓名|性别|民族|出生日期|公民身份号码|身份证号码?|住址|户籍地址)$/;
    for (const { matter, form } of withForms) {
      const where = (f: FormField) => `${matter.name} ${f.id}`;
      const ids = form.fields.map((f) => f.id);
      expect(new Set(ids).size, matter.name).toBe(ids.length);
      expect(new Set(form.fields.map((f) => f.label)).size, matter.name).toBe(ids.length);
      for (const f of form.fields) {
        if (f.type === 'single' || f.type === 'multiple') {
          expect(new Set(f.choices.map((c) => c.value)).size, where(f)).toBe(f.choices.length);
          expect(new Set(f.choices.map((c) => c.label)).size, where(f)).toBe(f.choices.length);
        }
        if (f.type === 'date' && f.prefill !== undefined) expect(['birthDate', 'today'], where(f)).toContain(f.prefill);
        if (f.type === 'text') {
          if (f.pattern !== undefined) {
            expect(() => new RegExp(f.pattern!, 'u'), where(f)).not.toThrow();
            expect(f.patternHint, where(f)).toBeTruthy();
          }
          if (f.label.includes('电话')) expect(f.pattern, where(f)).toBe('^1\\d{10}$');
          expect(f.prefill, where(f)).not.toBe('today');
        }
        if (cardLabels.test(f.label)) expect('prefill' in f && f.prefill !== undefined, where(f)).toBe(true);
      }
      // "N个√ + 1个签名": choices and ticks outnumber what has to be written.
      const written = form.fields.filter((f) => f.type === 'text' && f.prefill === undefined).length;
      expect(written, matter.name).toBeLessThan(form.fields.length / 2);
    }
  });
});
