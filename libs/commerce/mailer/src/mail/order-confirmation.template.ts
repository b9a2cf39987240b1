/**
 * The order confirmation a customer gets: subject, plain text and HTML, from the
 * `order.placed` event alone (lines with the names and prices the customer saw, totals, the
 * promo code, the shipping address). Every value from the event is HTML-escaped.
 */
import { type OrderPlacedV1 } from '@shopstream/commerce-contracts';
import { formatMoney } from './money';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function addressLines(order: OrderPlacedV1): string[] {
  const a = order.shippingAddress;
  return [a.name, a.line1, ...(a.line2 ? [a.line2] : []), `${a.postalCode} ${a.city}`, a.country];
}

function moneyLines(order: OrderPlacedV1): Array<[string, string]> {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const { subtotalCents, discountCents, totalCents } = order.totals;
  return [
    ['Subtotal', money(subtotalCents)],
    ...(discountCents > 0 || order.promoCode
      ? [
          [
            `Discount${order.promoCode ? ` (${order.promoCode})` : ''}`,
            `−${money(discountCents)}`,
          ] as [string, string],
        ]
      : []),
    ['Total', money(totalCents)],
  ];
}

/**
 * @example
 * const { subject, text, html } = renderOrderConfirmation(order);
 */
export function renderOrderConfirmation(order: OrderPlacedV1): RenderedMail {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const placed = `${order.placedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const subject = `Your shopstream order ${order.orderId}`;

  const text = [
    `Hello ${order.customer.name},`,
    '',
    `thank you for your order ${order.orderId}, placed on ${placed}.`,
    '',
    ...order.items.map(
      (l) =>
        `  ${l.quantity} × ${l.name} (${l.sku}) at ${money(l.unitPriceCents)}: ${money(l.quantity * l.unitPriceCents)}`,
    ),
    '',
    ...moneyLines(order).map(([label, value]) => `${label}: ${value}`),
    '',
    'Shipping to:',
    ...addressLines(order).map((line) => `  ${line}`),
    '',
    'shopstream',
    '',
  ].join('\n');

  const e = escapeHtml;
  const rows = order.items
    .map(
      (l) =>
        `<tr><td>${l.quantity} ×</td><td>${e(l.name)}<br><small>${e(l.sku)}</small></td>` +
        `<td align="right">${e(money(l.unitPriceCents))}</td><td align="right">${e(money(l.quantity * l.unitPriceCents))}</td></tr>`,
    )
    .join('\n');
  const sums = moneyLines(order)
    .map(
      ([label, value]) =>
        `<tr><td colspan="3" align="right">${e(label)}</td><td align="right">${e(value)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: sans-serif">
<p>Hello ${e(order.customer.name)},</p>
<p>thank you for your order <strong>${e(order.orderId)}</strong>, placed on ${e(placed)}.</p>
<table cellpadding="4">
<thead><tr><th></th><th align="left">Item</th><th align="right">Price</th><th align="right">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot>
${sums}
</tfoot>
</table>
<p>Shipping to:<br>${addressLines(order).map(e).join('<br>')}</p>
<p>shopstream</p>
</body></html>
`;
  return { subject, text, html };
}
