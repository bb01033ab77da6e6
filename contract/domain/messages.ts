export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageTable = Record<string, string>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}

/** Looks a code up in the chosen locale, then zh-CN (which is complete), then shows the code itself. */
export function translate(
  tables: Record<Locale, MessageTable>,
  locale: Locale,
  code: string,
  params?: Record<string, string | number>,
): string {
  const template = tables[locale][code] ?? tables['zh-CN'][code] ?? code;
  return interpolate(template, params);
}
