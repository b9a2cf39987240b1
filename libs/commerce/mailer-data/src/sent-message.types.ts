// What the mailer records about the confirmations it sends.

/** A confirmation about to be sent: everything about it is known before SMTP is called. */
export interface OutgoingMessage {
  /** The `event-id` of the `order.placed` record: the idempotency key. */
  eventId: string;
  orderId: string;
  /** The Message-ID header, `<event-id@shopstream.local>`. */
  messageId: string;
  toAddress: string;
  subject: string;
}

/** A sent confirmation. */
export interface SentMessage extends OutgoingMessage {
  /** When the SMTP server accepted it. */
  sentAt: Date;
  /** The server's final reply, e.g. `250 Message Queued`; `null` if the transport gave none. */
  smtpResponse: string | null;
}

/** What the send step reports back. */
export interface SendReceipt {
  /** The SMTP server's final reply. */
  response?: string;
}

/**
 * What {@link SentMessageRepository.sendOnce} did: `sent` (the send ran and its record is
 * committed) or `duplicate` (this event's mail was sent before: the send did not run).
 */
export type SendOutcome = 'sent' | 'duplicate';
