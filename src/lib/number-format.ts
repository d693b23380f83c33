/**
 * Number formatters, made once per locale and options and kept: `toLocaleString(locale, options)`
 * and `new Intl.NumberFormat` build an ICU formatter on every call, which on a page of rows (money
 * in each, counts in each Spark cell) is a measurable part of the first render, on the server too.
 */
const made = new Map<string, Intl.NumberFormat>();

export function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    made.set(key, format);
  }
  return format;
}
