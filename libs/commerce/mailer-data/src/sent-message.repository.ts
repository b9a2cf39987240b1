/**
 * The mailer's record of sent confirmations, and the rule that makes sending idempotent:
 * check, send, record — inside ONE database transaction.
 *
 *   BEGIN
 *   INSERT INTO sent_messages (...) VALUES (...) ON CONFLICT DO NOTHING   -- check (and claim)
 *     0 rows → this event's mail was sent: COMMIT, do not send             -- duplicate
 *   send over SMTP                                                          -- send
 *   UPDATE sent_messages SET sent_at = now(), smtp_response = ...          -- record
 *   COMMIT
 *
 * The uncommitted row holds the primary key, so a concurrent delivery of the same event (two
 * members during a rebalance) waits for this one and then finds the row: one mail. A failed
 * send rolls the row back, so the redelivery sends. What remains is the at-least-once window:
 * SMTP accepted the mail but the COMMIT did not happen (crash, database gone, transaction
 * timeout); the redelivery sends again, with the same Message-ID (see the mailer's README).
 */
import { type PrismaClient } from './generated/prisma/client';
import {
  type OutgoingMessage,
  type SendOutcome,
  type SendReceipt,
  type SentMessage,
} from './sent-message.types';

export interface SentMessageRepositoryOptions {
  /**
   * How long the transaction may stay open around the send (Prisma's `timeout`): longer than
   * the SMTP client's own timeouts, or a slow but successful send would be rolled back.
   * @default 60000
   */
  transactionTimeoutMs?: number;
  /** How long to wait for a pooled connection (Prisma's `maxWait`). @default 5000 */
  maxWaitMs?: number;
}

export class SentMessageRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: SentMessageRepositoryOptions = {},
  ) {}

  /**
   * Runs `send` unless this event's mail was sent before, and records it in the same
   * transaction. Throws what `send` throws (and then nothing is recorded).
   *
   * @example
   * ```ts
   * await repository.sendOnce(message, () => smtp.sendMail({ ... }));
   * ```
   */
  sendOnce(message: OutgoingMessage, send: () => Promise<SendReceipt>): Promise<SendOutcome> {
    return this.prisma.$transaction(
      async (tx): Promise<SendOutcome> => {
        const claimed = await tx.sentMessage.createMany({
          data: [{ ...message, sentAt: new Date() }],
          skipDuplicates: true,
        });
        if (claimed.count === 0) return 'duplicate';
        const receipt = await send();
        await tx.sentMessage.update({
          where: { eventId: message.eventId },
          data: { sentAt: new Date(), smtpResponse: receipt.response ?? null },
        });
        return 'sent';
      },
      {
        timeout: this.options.transactionTimeoutMs ?? 60_000,
        maxWait: this.options.maxWaitMs ?? 5_000,
      },
    );
  }

  /** The mails sent for one order, oldest first. */
  findByOrder(orderId: string): Promise<SentMessage[]> {
    return this.prisma.sentMessage.findMany({
      where: { orderId },
      orderBy: [{ sentAt: 'asc' }, { eventId: 'asc' }],
    });
  }

  /** The most recent mails, newest first. */
  findLatest(limit: number): Promise<SentMessage[]> {
    return this.prisma.sentMessage.findMany({
      orderBy: [{ sentAt: 'desc' }, { eventId: 'asc' }],
      take: limit,
    });
  }

  /** The mail sent for one event, or `null`. */
  findByEvent(eventId: string): Promise<SentMessage | null> {
    return this.prisma.sentMessage.findUnique({ where: { eventId } });
  }
}
