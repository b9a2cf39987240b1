// @shopstream/commerce-mailer: the mailer service (order.placed → one confirmation mail per
// event over SMTP) and its read model.
export { MailerModule, type MailerOptions } from './mailer.module';
export {
  MAILER_RETRY,
  createMailerApp,
  type MailerDeliveryOptions,
} from './bootstrap/create-mailer-app';
export {
  MESSAGE_ID_DOMAIN,
  OrderPlacedHandler,
  messageIdFor,
} from './handlers/order-placed.handler';
export { MessagesController, toView, type SentMessageView } from './http/messages.controller';
export { SMTP_OPTIONS, SmtpSender, type Mail, type SmtpOptions } from './mail/smtp-sender';
export { SmtpSendError } from './mail/smtp-send.error';
export {
  escapeHtml,
  renderOrderConfirmation,
  type RenderedMail,
} from './mail/order-confirmation.template';
export { formatMoney } from './mail/money';
export {
  DATABASE_HEALTH_TIMEOUT_MS,
  MAILER_DATABASE_URL,
  MailerDatabase,
} from './database/mailer-database';
