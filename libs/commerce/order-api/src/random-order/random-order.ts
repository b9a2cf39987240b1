/**
 * A realistic random `POST /orders` body for demos (`npm run order`): one of a few customers,
 * 1–4 different catalog products with small quantities, and sometimes (about a third of the
 * time) a promo code that applies to that basket, so every generated order is accepted.
 */
import {
  CATALOG,
  CATALOG_CURRENCY,
  type CreateOrderRequest,
  PROMOS,
  applyPromoRule,
} from '@shopstream/commerce-contracts';

const CUSTOMERS = [
  {
    id: 'cus_ada',
    name: 'Ada Lovelace',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'GB',
    street: '12 St James Sq',
  },
  {
    id: 'cus_grace',
    name: 'Grace Hopper',
    city: 'New York',
    postalCode: '10001',
    country: 'US',
    street: '350 Fifth Avenue',
  },
  {
    id: 'cus_alan',
    name: 'Alan Turing',
    city: 'Manchester',
    postalCode: 'M13 9PL',
    country: 'GB',
    street: 'Oxford Road 1',
  },
  {
    id: 'cus_hedy',
    name: 'Hedy Lamarr',
    city: 'Wien',
    postalCode: '1010',
    country: 'AT',
    street: 'Stephansplatz 1',
  },
  {
    id: 'cus_emmy',
    name: 'Emmy Noether',
    city: 'Berlin',
    postalCode: '10117',
    country: 'DE',
    street: 'Friedrichstraße 123',
  },
  {
    id: 'cus_marie',
    name: 'Marie Curie',
    city: 'Paris',
    postalCode: '75005',
    country: 'FR',
    street: '11 Rue Pierre et Marie Curie',
  },
] as const;

/** A number in [0, 1), like Math.random. */
export type Random = () => number;

function pick<T>(list: readonly T[], random: Random): T {
  return list[Math.floor(random() * list.length)]!;
}

/**
 * @example
 * const body = randomOrderRequest(); // { customer, items: [{ sku, quantity }], promoCode?, ... }
 */
export function randomOrderRequest(random: Random = Math.random): CreateOrderRequest {
  const who = pick(CUSTOMERS, random);
  const lineCount = 1 + Math.floor(random() * 4);
  const products = [...CATALOG];
  const items: CreateOrderRequest['items'] = [];
  for (let i = 0; i < lineCount; i++) {
    const [product] = products.splice(Math.floor(random() * products.length), 1);
    items.push({ sku: product!.sku, quantity: 1 + Math.floor(random() * 3) });
  }
  const subtotal = items.reduce(
    (sum, line) => sum + line.quantity * CATALOG.find((p) => p.sku === line.sku)!.unitPriceCents,
    0,
  );
  const applicable = PROMOS.filter((p) => applyPromoRule(subtotal, p.rule).applies);
  const promo = random() < 1 / 3 && applicable.length > 0 ? pick(applicable, random) : undefined;
  const [first] = who.name.split(' ');
  return {
    customer: {
      id: who.id,
      email: `${first!.toLowerCase()}@example.com`,
      name: who.name,
    },
    items,
    ...(promo === undefined ? {} : { promoCode: promo.code }),
    shippingAddress: {
      name: who.name,
      line1: who.street,
      city: who.city,
      postalCode: who.postalCode,
      country: who.country,
    },
    currency: CATALOG_CURRENCY,
  };
}
