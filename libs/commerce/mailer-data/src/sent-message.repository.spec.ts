// The mailer's sent-message repository against a real PostgreSQL 18, migrated by the real
// `prisma migrate deploy` (the checked-in migrations), as the local stack does it.
import { MIGRATE_DEPLOY_DONE, runPrismaCli } from '@shopstream/local-infra';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailerPrismaClient, type MailerPrismaClient } from './mailer.client';
import { MAILER_DATABASE_URL_ENV } from './mailer-database';
import { SentMessageRepository } from './sent-message.repository';
import { type OutgoingMessage } from './sent-message.types';

function aMessage(eventId: string, orderId = `ord_${eventId}`): OutgoingMessage {
  return {
    eventId,
    orderId,
    messageId: `<${eventId}@shopstream.local>`,
    toAddress: 'ada@example.com',
    subject: `Your order ${orderId}`,
  };
}

describe('SentMessageRepository', () => {
  let server: TestPostgres;
  let prisma: MailerPrismaClient;
  let repository: SentMessageRepository;

  beforeAll(async () => {
    server = await startTestPostgres();
    const { url } = await server.ensureDatabase('mailer');
    const { output } = await runPrismaCli(['migrate', 'deploy'], {
      configFile: join(__dirname, '../prisma.config.ts'),
      env: { [MAILER_DATABASE_URL_ENV]: url },
      doneWhen: MIGRATE_DEPLOY_DONE,
    });
    expect(output).toMatch(/All migrations have been successfully applied/);
    prisma = createMailerPrismaClient(url);
    repository = new SentMessageRepository(prisma, { transactionTimeoutMs: 10_000 });
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.stop();
  });

  it('sends and records a message, and never sends it again for the same event', async () => {
    const sends: string[] = [];
    const send = () => {
      sends.push('sent');
      return Promise.resolve({ response: '250 Message Queued' });
    };
    expect(await repository.sendOnce(aMessage('evt_1'), send)).toBe('sent');
    expect(await repository.sendOnce(aMessage('evt_1'), send)).toBe('duplicate');
    expect(sends).toHaveLength(1);
    expect(await repository.findByEvent('evt_1')).toMatchObject({
      ...aMessage('evt_1'),
      sentAt: expect.any(Date),
      smtpResponse: '250 Message Queued',
    });
  });

  it('records nothing when the send fails, so the redelivery sends', async () => {
    await expect(
      repository.sendOnce(aMessage('evt_2'), () => Promise.reject(new Error('ECONNREFUSED'))),
    ).rejects.toThrow('ECONNREFUSED');
    expect(await repository.findByEvent('evt_2')).toBeNull();
    expect(await repository.sendOnce(aMessage('evt_2'), () => Promise.resolve({}))).toBe('sent');
  });

  it('sends once when deliveries of one event race (the second waits for the first)', async () => {
    let sends = 0;
    const slowSend = async () => {
      sends++;
      await new Promise((r) => setTimeout(r, 100));
      return {};
    };
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => repository.sendOnce(aMessage('evt_3'), slowSend)),
    );
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'sent']);
    expect(sends).toBe(1);
  });

  it('lists the mails of an order and the latest ones', async () => {
    await repository.sendOnce(aMessage('evt_4a', 'ord_4'), () => Promise.resolve({}));
    await repository.sendOnce(aMessage('evt_4b', 'ord_4'), () => Promise.resolve({}));
    expect((await repository.findByOrder('ord_4')).map((m) => m.eventId)).toEqual([
      'evt_4a',
      'evt_4b',
    ]);
    expect((await repository.findLatest(2)).map((m) => m.eventId)).toEqual(['evt_4b', 'evt_4a']);
  });
});
