/**
 * `order.placed` → one confirmation mail to the customer, at most once per event as far as
 * the database can tell (see SentMessageRepository.sendOnce): a redelivered event finds its
 * record and sends nothing. The Message-ID is derived from the event id, so in the remaining
 * window (SMTP accepted, the record not committed) the mail sent again is the same message.
 *
 * - contract violation → `ContractError` (not retriable): dead-lettered at once;
 * - SMTP refused the mail for good (5xx) → `SmtpSendError`, not retriable: dead-lettered;
 * - SMTP down, a 4xx, the database down → retried with backoff (MAILER_RETRY), then
 *   dead-lettered; a re-drive of `orders.dlq` sends them once SMTP is back.
 */
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ORDER_PLACED_V1, parseEventRecord } from '@shopstream/commerce-contracts';
import { SpsContext } from '@shopstream/sps-nest';
import { MailerDatabase } from '../database/mailer-database';
import { renderOrderConfirmation } from '../mail/order-confirmation.template';
import { SmtpSender } from '../mail/smtp-sender';

/** The domain of every Message-ID the mailer sends. */
export const MESSAGE_ID_DOMAIN = 'shopstream.local';

/**
 * The Message-ID of the confirmation for one event.
 *
 * @example
 * messageIdFor('0d6c…'); // '<0d6c…@shopstream.local>'
 */
export function messageIdFor(eventId: string): string {
  return `<${eventId}@${MESSAGE_ID_DOMAIN}>`;
}

@Controller()
export class OrderPlacedHandler {
  private readonly log = new Logger(OrderPlacedHandler.name);

  constructor(
    private readonly database: MailerDatabase,
    private readonly smtp: SmtpSender,
  ) {}

  @EventPattern(ORDER_PLACED_V1.type)
  async onOrderPlaced(@Ctx() ctx: SpsContext): Promise<void> {
    const { eventId, payload: order } = parseEventRecord(ORDER_PLACED_V1, ctx.message);
    const mail = renderOrderConfirmation(order);
    const messageId = messageIdFor(eventId);
    const outcome = await this.database.sentMessages.sendOnce(
      {
        eventId,
        orderId: order.orderId,
        messageId,
        toAddress: order.customer.email,
        subject: mail.subject,
      },
      () =>
        this.smtp.send({
          to: { name: order.customer.name, address: order.customer.email },
          ...mail,
          messageId,
          headers: { 'X-Shopstream-Order-Id': order.orderId, 'X-Shopstream-Event-Id': eventId },
        }),
    );
    this.log.log({
      msg: `confirmation for ${order.orderId}: ${outcome}`,
      orderId: order.orderId,
      eventId,
      outcome,
      at: `${ctx.stream}/${ctx.partition}@${String(ctx.index)}`,
      attempt: ctx.attempt,
    });
  }
}
