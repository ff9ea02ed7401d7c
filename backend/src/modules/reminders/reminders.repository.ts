import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReminderKind } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { TaskPerson } from '../tasks/task-directory';

/** The outbox tables: a reminder's own mail, and the daily digest that carries several. */
/** The outbox tables: their claim and status columns are written here, by the outbox (reminder-outbox.ts), for every module that sends through it. */
export type OutboxTable = 'sent_reminder' | 'reminder_digest' | 'meeting_mail';

/** What a writer is told of besides the reminder plan: their task was returned or reopened. */
export type ReturnKind = 'returned' | 'reopened';

/** The kinds of sent_reminder rows: the planned reminders, the return mails and the manual reminder ("Skicka påminnelse nu"). */
export type OutboxKind = ReminderKind | ReturnKind | 'manual';

/** What makes one reminder to one person unique (with the channel). */
export interface ReminderKey {
  taskId: string;
  kind: OutboxKind;
  offset: number;
  dueAt: string;
  personId: string;
}

/** A reminder waiting in sent_reminder for a person's digest. */
export interface WaitingReminder {
  id: string;
  task_id: string;
  kind: OutboxKind;
  offset: number;
  due_at: Date;
  recipient_user_id: string;
}

/** An outbox row as found or written: `fresh` when this statement wrote it (and, if pending, claimed it). */
export interface OutboxRow {
  id: string;
  status: string;
  fresh: boolean;
}

/** A session-level advisory lock on a connection of its own. */
export interface AdvisoryLock {
  tryLock(): Promise<boolean>;
  unlock(): Promise<void>;
  release(): Promise<void>;
}

const WAITING_COLUMNS = `id, task_id, kind, "offset", due_at, recipient_user_id`;

/** The reminders module's tables: sent_reminder and reminder_digest (and reads of the people they go to). */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Whether anybody wants digests or has reminders waiting for one, and the earliest waiting instant not yet gathered. */
  async digestState(): Promise<{ wanted: boolean; overdue: Date | null }> {
    const [state]: Array<{ wanted: boolean; overdue: Date | null }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM app_user WHERE active AND reminder_delivery = 'daily_digest')
              OR EXISTS (SELECT 1 FROM sent_reminder WHERE status = 'digest') AS wanted,
              (SELECT min(due_at) FROM sent_reminder WHERE status = 'digest' AND digest_id IS NULL) AS overdue`,
    );
    return state;
  }

  /** The in-app record of a reminder, `sent` at `at`; false when it was there already. */
  async insertInApp(manager: EntityManager, key: ReminderKey, at: Date): Promise<boolean> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, sent_at)
       VALUES ($1, $2, $3, $4, $5, 'in_app', 'sent', $6) ON CONFLICT DO NOTHING RETURNING id`,
      [key.taskId, key.kind, key.offset, key.dueAt, key.personId, at],
    );
    return rows.length > 0;
  }

  /**
   * The e-mail row of a reminder: a new one (`pending` and claimed for `claimMs` by this attempt,
   * or `digest`), or the one already there.
   */
  async emailRow(manager: EntityManager, key: ReminderKey, at: Date, status: 'pending' | 'digest', claimMs: number): Promise<OutboxRow | undefined> {
    const params = [key.taskId, key.kind, key.offset, key.dueAt, key.personId];
    const [fresh]: Array<{ id: string; status: string }> = await manager.query(
      `INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, sent_at, claimed_until, attempts)
       VALUES ($1, $2, $3, $4, $5, 'email', $6::text, $7,
               CASE WHEN $6::text = 'pending' THEN now() + $8 * interval '1 millisecond' END, CASE WHEN $6::text = 'pending' THEN 1 ELSE 0 END)
       ON CONFLICT DO NOTHING RETURNING id, status`,
      [...params, status, at, claimMs],
    );
    if (fresh) return { ...fresh, fresh: true };
    const [existing]: Array<{ id: string; status: string }> = await manager.query(
      `SELECT id, status FROM sent_reminder
        WHERE task_id = $1 AND kind = $2 AND "offset" = $3 AND due_at = $4 AND recipient_user_id = $5 AND channel = 'email'`,
      params,
    );
    return existing ? { ...existing, fresh: false } : undefined;
  }

  /** Everybody a digest run at `dueAt` is for: reminders not yet gathered, or a digest of this instant not finished. */
  async digestRecipients(dueAt: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT recipient_user_id AS id FROM sent_reminder WHERE status = 'digest' AND digest_id IS NULL
       UNION SELECT recipient_user_id FROM reminder_digest WHERE due_at = $1 AND status = 'pending'`,
      [dueAt],
    );
    return rows.map((row) => row.id);
  }

  /** The reminders waiting for a digest and not yet gathered into one. */
  async waiting(): Promise<WaitingReminder[]> {
    return this.dataSource.query(`SELECT ${WAITING_COLUMNS} FROM sent_reminder WHERE status = 'digest' AND digest_id IS NULL`);
  }

  /** Of the people named, those still active. */
  async activePeople(ids: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM app_user WHERE active AND id = ANY($1::uuid[])`, [
      [...new Set(ids)],
    ]);
    return new Set(rows.map((row) => row.id));
  }

  /**
   * A task's latest step of this kind (return or reopen): who made it, why, and who handed in the
   * round it answers (the submit before it). A read of the workflow's history for the mail only.
   */
  async person(id: string): Promise<TaskPerson | undefined> {
    const [person]: TaskPerson[] = await this.dataSource.query(
      `SELECT id, name, email, reminder_delivery AS delivery FROM app_user WHERE id = $1`,
      [id],
    );
    return person;
  }

  /** Marks `cancelled` the waiting reminders named that are still waiting and not gathered; how many. */
  async cancelWaiting(ids: readonly string[]): Promise<number> {
    const result: Array<{ id: string }> = await this.dataSource.query(
      `WITH cancelled AS (
         UPDATE sent_reminder SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'digest' AND digest_id IS NULL RETURNING id)
       SELECT id FROM cancelled`,
      [ids],
    );
    return result.length;
  }

  /** Marks `cancelled` gathered reminders the digest does not list. */
  async cancelGathered(ids: readonly string[]): Promise<void> {
    await this.dataSource.query(`UPDATE sent_reminder SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'digest'`, [ids]);
  }

  /** The person's digest row of the instant: a new one claimed for `claimMs` (`fresh`), or the one already there. */
  async digestRow(personId: string, dueAt: string, claimMs: number): Promise<OutboxRow | undefined> {
    const [digest]: OutboxRow[] = await this.dataSource.query(
      `WITH fresh AS (
         INSERT INTO reminder_digest (recipient_user_id, due_at, claimed_until, attempts)
         VALUES ($1, $2, now() + $3 * interval '1 millisecond', 1) ON CONFLICT DO NOTHING RETURNING id, status
       )
       SELECT id, status, true AS fresh FROM fresh
       UNION ALL
       SELECT id, status, false FROM reminder_digest WHERE recipient_user_id = $1 AND due_at = $2 AND NOT EXISTS (SELECT 1 FROM fresh)`,
      [personId, dueAt, claimMs],
    );
    return digest;
  }

  /** Gathers the person's waiting reminders into the digest and returns what it carries, in order. */
  async gather(personId: string, digestId: string): Promise<WaitingReminder[]> {
    await this.dataSource.query(
      `UPDATE sent_reminder SET digest_id = $2 WHERE recipient_user_id = $1 AND status = 'digest' AND digest_id IS NULL`,
      [personId, digestId],
    );
    return this.dataSource.query(
      `SELECT ${WAITING_COLUMNS} FROM sent_reminder WHERE digest_id = $1 AND status = 'digest' ORDER BY due_at, id`,
      [digestId],
    );
  }

  /** Removes a digest row that carries nothing (no mail, and no row saying one went out). */
  async deleteEmptyDigest(digestId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM reminder_digest WHERE id = $1 AND status = 'pending'`, [digestId]);
  }

  /** Renews the claim on a pending outbox row. */
  async renewClaim(table: OutboxTable, rowId: string, claimMs: number): Promise<void> {
    await this.dataSource.query(`UPDATE ${table} SET claimed_until = now() + $2 * interval '1 millisecond' WHERE id = $1 AND status = 'pending'`, [
      rowId,
      claimMs,
    ]);
  }

  /** Claims a pending outbox row whose claim is free or lapsed; false when it was not to be had. */
  async claim(table: OutboxTable, rowId: string, claimMs: number): Promise<boolean> {
    // (WITH … SELECT: TypeORM returns an UPDATE's rows wrapped with its count; a SELECT's as they are.)
    const [claimed]: Array<{ attempts: number }> = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE ${table} SET claimed_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
          WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
         RETURNING attempts)
       SELECT attempts FROM claimed`,
      [rowId, claimMs],
    );
    return claimed !== undefined;
  }

  /** An outbox row's status and how long its claim still runs (ms). */
  async claimState(table: OutboxTable, rowId: string): Promise<{ status: string; wait_ms: number } | undefined> {
    const [row]: Array<{ status: string; wait_ms: number }> = await this.dataSource.query(
      `SELECT status, GREATEST(0, EXTRACT(EPOCH FROM claimed_until - now()) * 1000)::int AS wait_ms FROM ${table} WHERE id = $1`,
      [rowId],
    );
    return row;
  }

  /** Finishes a pending reminder mail: `sent`, `failed` or back to `pending`, with the error and no claim. */
  async finishReminder(rowId: string, status: string, error: string | null, at: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE sent_reminder SET status = $2, error = $3, claimed_until = NULL, sent_at = COALESCE($4, sent_at)
        WHERE id = $1 AND status = 'pending'`,
      [rowId, status, error, at],
    );
  }

  /** Finishes a pending meeting mail (kallelse, förhinder, the kallelse's last day). */
  async finishMeetingMail(rowId: string, status: string, error: string | null, at: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE meeting_mail SET status = $2, error = $3, claimed_until = NULL, sent_at = COALESCE($4, sent_at) WHERE id = $1 AND status = 'pending'`,
      [rowId, status, error, at],
    );
  }

  /** Finishes a pending digest, and (once it is no longer pending) the reminders it carries alike. */
  async finishDigest(rowId: string, status: string, error: string | null, at: Date | null): Promise<void> {
    await this.dataSource.query(
      `WITH digest AS (
         UPDATE reminder_digest SET status = $2, error = $3, claimed_until = NULL, sent_at = $4 WHERE id = $1 AND status = 'pending' RETURNING id, status
       )
       UPDATE sent_reminder SET status = digest.status, error = $3, sent_at = COALESCE($4, sent_at)
         FROM digest WHERE sent_reminder.digest_id = digest.id AND sent_reminder.status = 'digest' AND digest.status <> 'pending'`,
      [rowId, status, error, at],
    );
  }

  /** A session-level advisory lock (namespace `lockClass`, key hashed), held on a connection of its own until unlocked or released. */
  async advisoryLock(lockClass: number, key: string): Promise<AdvisoryLock> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect().catch(async (error: unknown) => {
      await runner.release().catch(() => undefined);
      throw error;
    });
    return {
      tryLock: async () => {
        const [{ locked }]: Array<{ locked: boolean }> = await runner.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [lockClass, key]);
        return locked;
      },
      unlock: async () => {
        await runner.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [lockClass, key]);
      },
      release: () => runner.release(),
    };
  }
}
