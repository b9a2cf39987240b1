/**
 * The mailer's read model, for tests and the console: `GET /messages?orderId=` (the mails sent
 * for an order, oldest first) or `GET /messages` (the latest 50, newest first), as a JSON
 * array of {@link SentMessageView} (like order-store's `GET /orders?customerId=`).
 */
import { Controller, Get, Query } from '@nestjs/common';
import { type SentMessage } from '@shopstream/mailer-data';
import { MailerDatabase } from '../database/mailer-database';

/** One sent confirmation, as JSON. */
export interface SentMessageView {
  eventId: string;
  orderId: string;
  messageId: string;
  to: string;
  subject: string;
  /** ISO 8601 UTC. */
  sentAt: string;
  smtpResponse: string | null;
}

export function toView(message: SentMessage): SentMessageView {
  return {
    eventId: message.eventId,
    orderId: message.orderId,
    messageId: message.messageId,
    to: message.toAddress,
    subject: message.subject,
    sentAt: message.sentAt.toISOString(),
    smtpResponse: message.smtpResponse,
  };
}

@Controller('messages')
export class MessagesController {
  constructor(private readonly database: MailerDatabase) {}

  @Get()
  async list(@Query('orderId') orderId: string | undefined): Promise<SentMessageView[]> {
    const repository = this.database.sentMessages;
    const messages =
      orderId === undefined || orderId === ''
        ? await repository.findLatest(50)
        : await repository.findByOrder(orderId);
    return messages.map(toView);
  }
}
