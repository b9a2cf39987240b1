/**
 * Customer and shipping address, in two strictness levels from one shape:
 *
 * - **input** (`*InputSchema`, `.strict()`): what `POST /orders` accepts. An unknown field is
 *   an error, so a client's typo (`postcode`) is reported instead of silently dropped.
 * - **event** (`customerSchema`, `shippingAddressSchema`): what `order.placed` carries.
 *   Unknown fields are dropped, not rejected: a consumer built against v1 keeps working when
 *   the producer adds an optional field (the tolerant-reader rule for additive changes).
 */
import { z } from 'zod';
import {
  countryCodeSchema,
  customerIdSchema,
  emailSchema,
  mustBe,
  text,
} from './primitives.schema';

const customerShape = {
  id: customerIdSchema,
  email: emailSchema,
  name: text(200).describe('Full name, as the shop shows it.'),
};

const shippingAddressShape = {
  name: text(200).describe('Recipient, as printed on the label.'),
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  postalCode: z
    .string({ error: mustBe('a postal code') })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,15}$/, {
      error: 'must be 1 to 16 letters, digits, spaces or "-"',
    }),
  country: countryCodeSchema,
};

/** The customer of an `order.placed` event. */
export const customerSchema = z
  .object(customerShape, { error: mustBe('an object') })
  .meta({ id: 'Customer', description: 'Who placed the order.' });

/** The shipping address of an `order.placed` event. */
export const shippingAddressSchema = z
  .object(shippingAddressShape, { error: mustBe('an object') })
  .meta({ id: 'ShippingAddress', description: 'Where the order goes.' });

/** The customer in a `POST /orders` body; unknown fields are rejected. */
export const customerInputSchema = z
  .strictObject(customerShape, { error: mustBe('an object') })
  .meta({ id: 'CustomerInput', description: 'Who places the order.' });

/** The shipping address in a `POST /orders` body; unknown fields are rejected. */
export const shippingAddressInputSchema = z
  .strictObject(shippingAddressShape, { error: mustBe('an object') })
  .meta({ id: 'ShippingAddressInput', description: 'Where the order goes.' });

export type Customer = z.infer<typeof customerSchema>;
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;
