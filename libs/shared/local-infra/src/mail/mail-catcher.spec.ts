// The mail catcher end to end: nodemailer (the mailer's library) sends over real SMTP, and the
// mail is read back through MailDev's HTTP API, as the mailer's tests will do.
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMailCatcher } from '../testing';
import { startMailCatcher, type MailCatcher } from './mail-catcher';

describe('mail catcher (MailDev)', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    const started = Date.now();
    catcher = await startTestMailCatcher();
    console.info(`MailDev start: ${Date.now() - started} ms`);
  });
  afterAll(() => catcher?.stop());

  it('captures a mail sent over SMTP and serves it over HTTP', async () => {
    const transport = createTransport({ host: catcher.host, port: catcher.smtpPort });
    await transport.sendMail({
      from: '"shopstream" <orders@shopstream.test>',
      to: '"Ada Lovelace" <ada@example.com>',
      subject: 'Your order ord_42 is confirmed',
      text: 'Thank you for your order ord_42: 2 items, EUR 59.80.',
      html: '<p>Thank you for your order <b>ord_42</b>.</p>',
      headers: { 'X-Order-Id': 'ord_42' },
    });
    transport.close();

    const mail = await catcher.client.waitForMail((m) => m.subject.includes('ord_42'));
    expect(mail.to).toEqual([{ address: 'ada@example.com', name: 'Ada Lovelace' }]);
    expect(mail.from).toEqual([{ address: 'orders@shopstream.test', name: 'shopstream' }]);
    expect(mail.text).toContain('EUR 59.80');
    expect(mail.html).toContain('<b>ord_42</b>');
    expect(mail.headers['x-order-id']).toBe('ord_42');
    expect((await catcher.client.get(mail.id)).subject).toBe(mail.subject);
    expect(await catcher.client.source(mail.id)).toMatch(/^Subject: Your order ord_42/m);
  });

  it('shows a web inbox to a person', async () => {
    const page = await fetch(catcher.webUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/MailDev/);
  });

  it('empties the inbox on request', async () => {
    await catcher.client.deleteAll();
    expect(await catcher.client.list()).toEqual([]);
  });

  it('refuses ports that are already taken instead of talking to someone else', async () => {
    await expect(
      startMailCatcher({ smtpPort: catcher.smtpPort, webPort: catcher.webPort }),
    ).rejects.toThrow(/already in use/);
  });
});
