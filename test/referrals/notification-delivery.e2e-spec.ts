/**
 * Found by `npm run soak` (issue 16): the notification worker sent a batch of up to 50 messages inside one
 * transaction, so a database restart (or a crash) after some sends rolled all of them back and every one went out
 * again. Each message is now claimed, sent and marked in its own transaction, with one Message-ID per notification.
 */
import { SMTPServer } from 'smtp-server';
import { freePort } from '@mmn/runtime';
import { NotificationWorker } from '@mmn/referrals';
import { createTestApp, sql, type TestApp } from '@mmn/testing';
import { register } from '../directory/directory-helpers';

describe('notification delivery when the database connection is lost mid-send', () => {
  let t: TestApp;
  let sink: SMTPServer;
  const received: { messageId: string; subject: string }[] = [];
  let terminate = false;

  beforeAll(async () => {
    const port = await freePort();
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const head = Buffer.concat(chunks).toString().split('\r\n\r\n')[0];
          const header = (name: string) => new RegExp(`^${name}: *(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '?';
          received.push({ messageId: header('Message-ID'), subject: header('Subject') });
          if (terminate && received.length === 2) {
            terminate = false;
            // The second message is on its way: the worker's connection goes, as in a database restart.
            void sql(
              t,
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND state = 'idle in transaction' AND query ILIKE '%notification_outbox%'`,
            ).finally(() => callback());
          } else callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', () => resolve()));
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  });

  it('sends again only the message in flight, never those already sent', async () => {
    const patient = await register(t, 'PATIENT');
    const rows = await sql<{ id: string }>(
      t,
      `INSERT INTO notification_outbox (recipient_user_id, kind) VALUES ($1, 'CREATED'), ($1, 'ACCEPTED'), ($1, 'COMPLETED')
       RETURNING id`,
      [patient.userId],
    );
    terminate = true;
    const worker = t.app.get(NotificationWorker);
    for (let i = 0; i < 40; i++) {
      await worker.deliverPending().catch(() => undefined);
      const [{ unsent }] = await sql<{ unsent: number }>(
        t,
        'SELECT count(*)::int AS unsent FROM notification_outbox WHERE sent_at IS NULL',
      );
      if (unsent === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // Told apart by subject (one kind each), so the count does not depend on the Message-ID.
    const subjects = ['A referral was sent to you', 'A referral was accepted', 'A referral was completed'];
    const count = (subject: string) => received.filter((m) => m.subject.startsWith(subject)).length;
    expect(subjects.map(count)).toEqual([1, expect.any(Number), 1]);
    // The one in flight when the connection went may go out twice (SMTP has no transactions), no other.
    expect(count(subjects[1])).toBeGreaterThanOrEqual(1);
    expect(count(subjects[1])).toBeLessThanOrEqual(2);
    expect(received).toHaveLength(subjects.map(count).reduce((a, b) => a + b, 0));
    // Each notification keeps one Message-ID on every attempt, so a receiver can tell a repeat.
    for (const [i, subject] of subjects.entries())
      for (const m of received.filter((x) => x.subject.startsWith(subject)))
        expect(m.messageId).toBe(`<notification-${rows[i].id}@example.test>`);
  });
});
