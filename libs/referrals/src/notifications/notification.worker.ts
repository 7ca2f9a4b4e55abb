import { promises as fs } from 'fs';
import * as path from 'path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { deletedCount, scheduleRetry } from '@mmn/database';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { type MailSettings, notificationMessageId, referralMail, type ReferralMail, toEml } from './referral-mail';

const POLL_MS = 2000;
const BATCH = 50;
const MAX_ATTEMPTS = 10;
const MAIL_BACKOFF = { baseSeconds: 30, maxSeconds: 3600 };

interface PendingRow {
  id: string;
  kind: string;
  referral_id: string | null;
  email: string;
  attempts: number;
}

/**
 * Delivers notification_outbox rows: by default as .eml files under DATA_DIR/mail, over SMTP when SMTP_URL is
 * set. Rows are claimed FOR UPDATE SKIP LOCKED, so the background loop and a direct deliverPending() never send
 * one twice; failures are retried with back-off.
 */
@Injectable()
export class NotificationWorker extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'notification-delivery', everyMs: POLL_MS, maxBackoffMs: 60_000 };
  private queue: Promise<unknown> = Promise.resolve();
  private prunedAt = 0;
  private transport?: {
    sendMail(mail: { messageId: string; from: string; to: string; subject: string; text: string }): Promise<unknown>;
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    super();
  }

  get mailSettings(): MailSettings {
    return { publicUrl: this.config.publicUrl, from: this.config.mailFrom };
  }

  get mailDir(): string {
    return path.join(this.config.dataDir, 'mail');
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await this.queue;
  }

  protected async runOnce(): Promise<void> {
    if (Date.now() - this.prunedAt > 60 * 60 * 1000) {
      this.prunedAt = Date.now();
      await this.prune();
    }
    await this.deliverPending();
  }

  /** Unsent notifications: how many, the oldest's age, how many have failed at least once, and how many gave up. */
  async backlog(): Promise<{ pending: number; oldestAgeSeconds: number | null; failing: number; abandoned: number }> {
    const [row] = await this.dataSource.query<
      { pending: number; oldest: number | null; failing: number; abandoned: number }[]
    >(
      `SELECT count(*) FILTER (WHERE "attempts" < $1)::int AS pending,
              extract(epoch FROM now() - min("created_at") FILTER (WHERE "attempts" < $1))::float AS oldest,
              count(*) FILTER (WHERE "attempts" > 0 AND "attempts" < $1)::int AS failing,
              count(*) FILTER (WHERE "attempts" >= $1)::int AS abandoned
         FROM "notification_outbox" WHERE "sent_at" IS NULL`,
      [MAX_ATTEMPTS],
    );
    return {
      pending: row.pending,
      oldestAgeSeconds: row.oldest === null ? null : Math.round(row.oldest * 10) / 10,
      failing: row.failing,
      abandoned: row.abandoned,
    };
  }

  /** Sent mail is kept 30 days; wrong claim attempts only matter inside their one-hour window, kept a day. */
  async prune(): Promise<{ notifications: number; claimFailures: number }> {
    const notifications = await this.dataSource.query<unknown[]>(
      `DELETE FROM "notification_outbox" WHERE "sent_at" < now() - interval '30 days' RETURNING 1`,
    );
    const claimFailures = await this.dataSource.query<unknown[]>(
      `DELETE FROM "claim_failures" WHERE "at" < now() - interval '1 day' RETURNING 1`,
    );
    return { notifications: deletedCount(notifications), claimFailures: deletedCount(claimFailures) };
  }

  /**
   * Sends everything due now, batch after batch; returns how many were delivered. Runs one at a time in this
   * process (a call waits for the one in flight), so when it returns nothing due is left half-sent.
   */
  deliverPending(): Promise<number> {
    const run = this.queue.then(async () => {
      let sent = 0;
      for (let batch = await this.deliverBatch(); batch > 0; batch = await this.deliverBatch()) sent += batch;
      return sent;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Up to BATCH notifications, each claimed, sent and marked sent in a transaction of its own: a crash or a lost
   * database connection after a send can repeat only the message in flight, never those sent before it (one
   * transaction around the batch rolled them all back, and they went out again). Returns how many were sent.
   */
  private async deliverBatch(): Promise<number> {
    let sent = 0;
    for (let i = 0; i < BATCH; i++) {
      const outcome = await this.deliverOne();
      if (outcome === 'none') break;
      if (outcome === 'sent') sent++;
    }
    return sent;
  }

  private deliverOne(): Promise<'sent' | 'failed' | 'none'> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<PendingRow[]>(
        `SELECT o."id", o."kind", o."referral_id", o."attempts", u."email" FROM "notification_outbox" o JOIN "users" u ON u."id" = o."recipient_user_id"
         WHERE o."sent_at" IS NULL AND o."next_attempt_at" <= now() AND o."attempts" < $1
         ORDER BY o."id" LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
        [MAX_ATTEMPTS],
      );
      if (!row) return 'none';
      try {
        await this.send(referralMail(row.email, row.kind, row.referral_id, this.mailSettings), row.id);
      } catch (error) {
        await scheduleRetry(manager, 'notification_outbox', [row.id], error, MAIL_BACKOFF);
        return 'failed';
      }
      await manager.query(
        `UPDATE "notification_outbox" SET "sent_at" = now(), "attempts" = "attempts" + 1 WHERE "id" = $1`,
        [row.id],
      );
      return 'sent';
    });
  }

  private async send(mail: ReferralMail, id: string): Promise<void> {
    if (this.config.smtpUrl) {
      if (!this.transport) {
        const nodemailer = await import('nodemailer');
        this.transport = nodemailer.createTransport(this.config.smtpUrl);
      }
      await this.transport.sendMail({
        // One Message-ID per notification: should a crash make it go out twice, the receiver can tell.
        messageId: notificationMessageId(id, this.mailSettings.from),
        from: this.mailSettings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return;
    }
    await fs.mkdir(this.mailDir, { recursive: true });
    await fs.writeFile(path.join(this.mailDir, `${Date.now()}-${id}.eml`), toEml(mail, this.mailSettings.from), {
      mode: 0o600,
    });
  }
}
