import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { MailService, OutgoingMail } from '../mail/mail.service';
import { OutboxTable, RemindersRepository } from './reminders.repository';

export type { OutboxTable } from './reminders.repository';

/**
 * A refusal that no retry will change: the SMTP server answered 5xx to the recipient or to the
 * message itself (a bounce at SMTP: unknown mailbox, refused recipient, rejected content). A 5xx
 * to anything else (authentication, the sender address) is our configuration, not this person's
 * address, and is retried like a 4xx, a refused connection or a timeout, and then kept as a
 * failed job for the administrator.
 */
export function isPermanentRejection(error: unknown): boolean {
  const { responseCode, command, code } = (error ?? {}) as { responseCode?: number; command?: string; code?: string };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return false;
  return /^(RCPT|DATA)/i.test(command ?? '') || code === 'EENVELOPE' || code === 'EMESSAGE';
}

/** What the server said (its reply line when there is one), for the row's error column. */
function smtpError(error: unknown): string {
  const { response, message } = (error ?? {}) as { response?: string; message?: string };
  return String(response ?? message ?? error).slice(0, 1000);
}

/** How one outbox row ended in this attempt. */
export type Delivery = 'sent' | 'failed' | 'done_before';

/**
 * Sends the mail of one outbox row (a `pending` row of sent_reminder or reminder_digest) at most
 * once, and never loses it:
 * 1. The row was written `pending` by the caller, in the transaction of what it records (a fresh
 *    row may be written already claimed by the attempt that wrote it: `claimed`).
 * 2. The attempt claims the pending row with a short lease (claimed_until, renewed while it
 *    sends). A live claim by another attempt is waited for (it ends `sent`, `failed`, or gives the
 *    row back); a lapsed one is taken over: that attempt died (a killed worker, whose BullMQ job
 *    the stalled-job check hands to another worker).
 * 3. The mail is sent with a Message-ID built from the row id, so every attempt of the same mail
 *    carries the same id.
 * 4. The server's 250 marks the row `sent`. A permanent refusal (5xx to RCPT or DATA: a bounce
 *    at SMTP) marks it `failed` with the server's answer and does not throw: retrying cannot
 *    help, and the row says why. Anything else (connection refused, a timeout, 4xx) leaves it
 *    `pending` with the error, gives the claim back and rethrows, so BullMQ retries with backoff.
 *
 * No loss: a mail is only ever recorded `sent` after the server accepted it, and a pending row is
 * always finished by a later attempt (the retry, the stalled-job re-run, or the failed job retried
 * from the admin page). Duplicates: one narrow window is left. If the process dies (or loses the
 * database) after the SMTP server answered 250 and before the `sent` update committed, the row is
 * still pending and the next attempt sends the mail again. SMTP has no way to make a delivery and
 * a database write one atomic step; the shared Message-ID lets mail clients that de-duplicate
 * by it show that second copy once. A claim that lapses while its attempt is still alive (a
 * process frozen for longer than CLAIM_MS) could also let two attempts send; the lease is renewed
 * every CLAIM_MS / 3 while a send runs, so only a stall of the whole process can do that.
 *
 * A digest row finishes together with the reminders it carries: `sent` or `failed` marks them the
 * same in the same statement.
 */
@Injectable()
export class ReminderOutbox {
  /** How long a claim on a pending mail lasts without renewal: how soon a dead attempt's mail is taken over. */
  static CLAIM_MS = 6_000;

  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The same Message-ID for every attempt of one mail: the outbox row's id, at MAIL_FROM's domain. */
  messageId(kind: 'reminder' | 'digest' | 'meeting', rowId: string): string {
    const domain = /@([^\s>]+)>?\s*$/.exec(this.config.get('MAIL_FROM'))?.[1] ?? 'rapportflode.localhost';
    return `<${kind}.${rowId}@${domain}>`;
  }

  /** Steps 2–4 for one pending row; `claimed` when the caller's insert already took the claim. */
  async deliver(table: OutboxTable, rowId: string, mail: OutgoingMail, options: { claimed?: boolean } = {}): Promise<Delivery> {
    if (!options.claimed && !(await this.claim(table, rowId))) return 'done_before';

    const renew = setInterval(() => {
      this.repository
        .renewClaim(table, rowId, ReminderOutbox.CLAIM_MS)
        .catch((error: Error) => this.logger.warn(`Could not renew the claim on ${table} ${rowId}: ${error.message}`));
    }, ReminderOutbox.CLAIM_MS / 3);
    renew.unref();
    try {
      await this.mail.send(mail);
    } catch (error) {
      clearInterval(renew);
      const permanent = isPermanentRejection(error);
      await this.finish(table, rowId, permanent ? 'failed' : 'pending', smtpError(error));
      if (!permanent) throw error;
      this.logger.warn(`Reminder mail to ${mail.to} refused by the SMTP server, not retried: ${smtpError(error)}`);
      return 'failed';
    }
    clearInterval(renew);
    // The mail is out: record it, trying a little harder than once (a row left pending here is
    // the one window in which the mail would be sent again).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.finish(table, rowId, 'sent', null);
        return 'sent';
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** Step 2: takes the claim, waiting for a live one; false when another attempt finished the row. */
  async claim(table: OutboxTable, rowId: string): Promise<boolean> {
    const waitUntil = Date.now() + 4 * ReminderOutbox.CLAIM_MS;
    for (;;) {
      if (await this.repository.claim(table, rowId, ReminderOutbox.CLAIM_MS)) return true;
      const row = await this.repository.claimState(table, rowId);
      if (!row || row.status !== 'pending') return false;
      if (Date.now() > waitUntil) throw new Error(`Reminder mail ${rowId} is still being sent by another attempt`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(20, row.wait_ms))));
    }
  }

  /** Step 4: `sent`, `failed` (with the server's answer), or back to `pending` with the error and no claim. */
  private async finish(table: OutboxTable, rowId: string, status: 'sent' | 'failed' | 'pending', error: string | null): Promise<void> {
    const at = status === 'sent' ? this.clock.now() : null;
    if (table === 'sent_reminder') await this.repository.finishReminder(rowId, status, error, at);
    else if (table === 'meeting_mail') await this.repository.finishMeetingMail(rowId, status, error, at);
    else await this.repository.finishDigest(rowId, status, error, at);
  }
}
