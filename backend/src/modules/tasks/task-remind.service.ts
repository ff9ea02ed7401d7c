import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RemindTaskResponse } from '@rapportflode/api-contract';
import { REMINDED_STATES, swedishToday } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { JobName, manualReminderJobId } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { RedisClient } from '../../queue/redis-client';
import { AuditService } from '../audit/audit.service';
import { TaskDirectory } from './task-directory';
import type { TaskActor } from './tasks.service';
import { TasksRepository } from './tasks.repository';

const TIME = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

/** How long the request waits for Redis before it says the reminder could not be queued. */
const QUEUE_WAIT_MS = 3_000;

const RemindErrors = {
  notFound: () => new DomainError('not_found', 'Det som efterfrågades finns inte.'),
  notNeeded: () => new DomainError('reminder_not_needed', 'Avsnittet är redan inlämnat, så det behövs ingen påminnelse.'),
  noRecipients: () =>
    new DomainError(
      'reminder_no_recipients',
      'Ingen har behörighet att skriva avsnittet, så påminnelsen har ingen mottagare. Ge någon en roll för enheten under Personer.',
    ),
  alreadySent: (at: Date, by: string | null) =>
    new DomainError(
      'reminder_already_sent',
      `En påminnelse om avsnittet är redan skickad i dag (kl. ${TIME.format(at)}${by ? ` av ${by}` : ''}). Nästa kan skickas i morgon.`,
      undefined,
      { alreadySent: true },
    ),
  queueUnavailable: () => new DomainError('queue_unavailable', 'Påminnelsen kunde inte köas just nu. Försök igen om en stund.'),
};

/** "Påminnelse köad till Anna Andersson", "… till Anna Andersson och Bo Berg", "… till A, B och C". */
export function queuedMessage(names: readonly string[]): string {
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
  return `Påminnelse köad till ${list}`;
}

/**
 * "Skicka påminnelse nu": a secretary (whoever manages the cycle) reminds the writers of one
 * unfinished task at once. At most once per task and Stockholm day: the request locks the task
 * row, looks for today's `task.remind` in the audit log (409 reminder_already_sent if there is
 * one), records it and queues the job (ManualReminders sends it) with the id
 * manualReminderJobId(task, day) before it commits; Redis away rolls it all back (503). Two
 * secretaries at once: the second waits for the first's lock and then finds its audit row.
 */
@Injectable()
export class TaskRemindService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TasksRepository,
    private readonly directory: TaskDirectory,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    private readonly redis: RedisClient,
    private readonly clock: Clock,
  ) {}

  async remind(id: string, actor: Pick<TaskActor, 'userId' | 'ip'>): Promise<RemindTaskResponse> {
    const day = swedishToday(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.row(manager, id, true);
      if (!row) throw RemindErrors.notFound();
      if (!REMINDED_STATES.includes(row.state)) throw RemindErrors.notNeeded();
      const earlier = await this.audit.latestWith(manager, 'task.remind', id, 'day', day);
      if (earlier) throw RemindErrors.alreadySent(new Date(earlier.occurred_at), earlier.actor_name);
      const writers = await this.directory.writers(id);
      if (writers.length === 0) throw RemindErrors.noRecipients();
      const recipients = writers.map((w) => w.name);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'task.remind',
        entityType: 'task',
        entityId: id,
        committeeId: row.committee_id,
        after: { day, recipients },
        ip: actor.ip,
      });
      await this.enqueue({ taskId: id, day, actorId: actor.userId });
      return { recipients, message: queuedMessage(recipients) };
    });
  }

  /** Queues the job, failing fast (and the request with it) while Redis is away. */
  private async enqueue(payload: { taskId: string; day: string; actorId: string }): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Redis in ${QUEUE_WAIT_MS} ms`)), QUEUE_WAIT_MS);
    });
    try {
      await Promise.race([
        this.redis
          .ready()
          .then(() => this.queues.enqueue(JobName.ManualReminder, payload, { jobId: manualReminderJobId(payload.taskId, payload.day), delayMs: 0 })),
        timeout,
      ]);
    } catch (error) {
      this.logger.warn(`Manual reminder of task ${payload.taskId} not queued: ${(error as Error).message}`);
      throw RemindErrors.queueUnavailable();
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
