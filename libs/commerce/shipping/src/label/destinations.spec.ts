import { ORDER_PLACED_V1 } from '@shopstream/commerce-contracts';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_COUNTRIES, checkDestination, unprintableCharacters } from './destinations';
import { UnshippableOrderError } from './unshippable-order.error';

const order = ORDER_PLACED_V1.example;
const to = (changes: Partial<typeof order.shippingAddress>) => ({
  orderId: order.orderId,
  shippingAddress: { ...order.shippingAddress, ...changes },
});

describe('checkDestination', () => {
  it('ships to the EU, GB, US, CH and NO: 31 countries', () => {
    expect(SUPPORTED_COUNTRIES.size).toBe(31);
    for (const country of ['DE', 'FR', 'GR', 'GB', 'US', 'CH', 'NO'])
      expect(() => checkDestination(to({ country }))).not.toThrow();
  });

  it('refuses any other country, not retriable, naming the field', () => {
    let error: unknown;
    try {
      checkDestination(to({ country: 'JP' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnshippableOrderError);
    expect(error).toMatchObject({
      code: 'SHIPPING_ERR_UNSUPPORTED_COUNTRY',
      retriable: false,
      message:
        'shippingAddress.country: no labels for "JP": the network covers the EU, GB, US, CH and NO',
    });
  });

  it('refuses an address the label fonts cannot print, and accepts Windows-1252 text', () => {
    expect(() =>
      checkDestination(to({ line1: 'Friedrichstraße 123', city: 'Zürich' })),
    ).not.toThrow();
    expect(() => checkDestination(to({ country: 'GR', city: 'Αθήνα' }))).toThrow(
      'shippingAddress.city: has characters a label cannot print: "Α" "θ" "ή" "ν" "α"',
    );
    expect(unprintableCharacters('Café „Zum Löwen“ – 5 €')).toEqual([]);
    expect(unprintableCharacters('Tokyo 東京 📦')).toEqual(['東', '京', '📦']);
  });
});
