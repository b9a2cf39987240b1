/**
 * Money for people: integer minor units → `€55.80`. The number of minor units comes from the
 * currency (Intl knows EUR has 2 and JPY 0), so the division is right for any ISO 4217 code.
 */
const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format;
}

/**
 * @example
 * formatMoney(5580, 'EUR'); // '€55.80'
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = formatOf(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
