/**
 * Sends mail over SMTP with nodemailer (the only file that knows nodemailer): one transport
 * (a connection per mail, no pool), whose timeouts stay well under the transaction that wraps
 * a send (see SentMessageRepository), so a slow server fails the send, not the record.
 */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { type SendReceipt } from '@shopstream/mailer-data';
import { SmtpSendError } from './smtp-send.error';

export interface SmtpOptions {
  host: string;
  port: number;
  /** The From header, e.g. `shopstream <orders@shopstream.local>`. */
  from: string;
  /** Connect, greeting and idle-socket timeouts in ms. @default 10000, 10000, 20000 */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
}

export const SMTP_OPTIONS = Symbol('SMTP_OPTIONS');

/** One mail to send. */
export interface Mail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header, with angle brackets. */
  messageId: string;
  headers?: Record<string, string>;
}

@Injectable()
export class SmtpSender implements OnApplicationShutdown {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(@Inject(SMTP_OPTIONS) private readonly options: SmtpOptions) {
    const t = options.timeouts ?? {};
    this.transport = createTransport({
      host: options.host,
      port: options.port,
      secure: false, // STARTTLS when the server offers it (MailDev does not)
      connectionTimeout: t.connectionMs ?? 10_000,
      greetingTimeout: t.greetingMs ?? 10_000,
      socketTimeout: t.socketMs ?? 20_000,
    });
  }

  /** @throws SmtpSendError with `retriable` set (see smtp-send.error.ts). */
  async send(mail: Mail): Promise<SendReceipt> {
    try {
      const info = (await this.transport.sendMail({
        from: this.options.from,
        to: { name: mail.to.name, address: mail.to.address },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers ?? {},
      })) as { response?: string };
      return info.response === undefined ? {} : { response: info.response };
    } catch (error) {
      throw new SmtpSendError(error);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
