/**
 * Stream and consumer-group names of the shop (DESIGN.md). Services import these instead of
 * spelling the strings, so a rename is one change and a typo is a compile error.
 */
export const STREAMS = {
  /** Every completed order, key = order id. */
  orders: 'orders',
  /** Stock events from the ERP ledger (`stock.low`). */
  stock: 'stock',
} as const;

export const GROUPS = {
  orderStore: 'order-store',
  mailer: 'mailer',
  shipping: 'shipping',
  erpStock: 'erp-stock',
  crm: 'crm',
  promoCounter: 'promo-counter',
} as const;

export type StreamKey = keyof typeof STREAMS;
export type GroupName = (typeof GROUPS)[keyof typeof GROUPS];
