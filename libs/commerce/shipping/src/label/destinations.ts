/**
 * Where the shop ships to, and the checks an address must pass before a label is made. The
 * network is the EU, the United Kingdom, the United States, Switzerland and Norway; anything
 * else is refused with the reason (not retriable: dead-lettered), never labelled wrongly.
 *
 * The label is printed with PDF's standard fonts (Helvetica: Windows-1252 glyphs only), so an
 * address line with other characters (Greek, Cyrillic, CJK, emoji) would come out as garbage on
 * the parcel. Such an address is refused too, naming the field and the characters.
 */
import { type FieldIssue, type OrderPlacedV1 } from '@shopstream/commerce-contracts';
import { UnshippableOrderError } from './unshippable-order.error';

/** The 27 EU member states. */
export const EU_COUNTRIES: readonly string[] = Object.freeze(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/** Every country a label can be made for (ISO 3166-1 alpha-2). */
export const SUPPORTED_COUNTRIES: ReadonlySet<string> = new Set([
  ...EU_COUNTRIES,
  'GB',
  'US',
  'CH',
  'NO',
]);

/** The characters of Windows-1252 above 0x7F that are not Latin-1 (€, „, “, ”, –, …). */
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Whether the standard PDF fonts can print `char` (printable Windows-1252). */
export function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return CP1252_EXTRAS.includes(char);
}

/** The characters of `text` the label cannot print, each once, in order. */
export function unprintableCharacters(text: string): string[] {
  return [...new Set([...text].filter((c) => !isPrintable(c)))];
}

/**
 * Throws {@link UnshippableOrderError} when no label can be made for the order's address.
 *
 * @example
 * checkDestination(order); // throws for country "JP": SHIPPING_ERR_UNSUPPORTED_COUNTRY
 */
export function checkDestination(order: Pick<OrderPlacedV1, 'orderId' | 'shippingAddress'>): void {
  const address = order.shippingAddress;
  if (!SUPPORTED_COUNTRIES.has(address.country)) {
    throw new UnshippableOrderError('SHIPPING_ERR_UNSUPPORTED_COUNTRY', order.orderId, [
      {
        field: 'shippingAddress.country',
        message: `no labels for "${address.country}": the network covers the EU, GB, US, CH and NO`,
      },
    ]);
  }
  const issues: FieldIssue[] = [];
  for (const [field, value] of Object.entries(address)) {
    const bad = unprintableCharacters(value ?? '');
    if (bad.length > 0) {
      issues.push({
        field: `shippingAddress.${field}`,
        message: `has characters a label cannot print: ${bad.map((c) => JSON.stringify(c)).join(' ')}`,
      });
    }
  }
  if (issues.length > 0) {
    throw new UnshippableOrderError('SHIPPING_ERR_UNPRINTABLE_ADDRESS', order.orderId, issues);
  }
}
