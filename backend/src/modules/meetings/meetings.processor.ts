import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { kallelseDeadline, stockholmInstant } from '@rapportflode/domain';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads, QueueName } from '../../queue/queue.constants';
import { RedisClient } from '../../queue/redis-client';
import { NotificationsService } from '../notifications/notifications.service';
import { type Delivery, ReminderOutbox } from '../reminders/reminder-outbox';
import { KallelseService } from './kallelse.service';
import { absenceMessage, deadlineMessage, type MeetingMessage } from './meeting-mail';
import { KALLELSE_REMINDER_HOUR, MeetingSchedule } from './meeting-schedule';
import { MeetingsRepository } from './meetings.repository';

export type MeetingMailOutcome = Delivery | 'gone';
export type DeadlineOutcome = 'reminded' | 'not_needed' | 'done_before' | 'moved';

/**
 * The worker side of the meetings queue: each meeting mail sent once through the outbox
 * (reminder-outbox.ts), and the kallelse's last day, which reminds the nämnd's secretaries (in
 * Notiser and by mail, once per day and person) when the kallelse has not gone out.
 */
@Processor(QueueName.Meetings, { concurrency: 10 })
export class MeetingsProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MeetingsRepository,
    private readonly outbox: ReminderOutbox,
    private readonly kallelse: KallelseService,
    private readonly schedule: MeetingSchedule,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<MeetingMailOutcome | DeadlineOutcome> {
    switch (job.name as JobName) {
      case JobName.MeetingMail:
        return this.sendMail((job.data as JobPayloads[JobName.MeetingMail]).mailId);
      case JobName.KallelseDeadline: {
        const data = job.data as JobPayloads[JobName.KallelseDeadline];
        const early = Date.parse(stockholmInstant(data.date, KALLELSE_REMINDER_HOUR)) - this.clock.now().getTime();
        if (early > 0) {
          await job.moveToDelayed(Date.now() + early, token);
          throw new DelayedError();
        }
        return this.deadline(data.meetingId, data.date);
      }
      default:
        throw new Error(`No handler for job ${job.name} on queue ${QueueName.Meetings}`);
    }
  }

  async sendMail(mailId: string): Promise<MeetingMailOutcome> {
    const row = await this.repository.mail(mailId);
    if (!row) return 'gone';
    if (row.status !== 'pending') return 'done_before';
    const meeting = await this.repository.find(row.meeting_id);
    if (!meeting) return 'gone';
    const url = `${this.config.get('PUBLIC_URL')}/sammantraden/${meeting.id}`;
    let message: MeetingMessage | null = null;
    if (row.kind === 'kallelse' && row.version !== null) {
      message = await this.kallelse.kallelseMail(meeting.id, row.version, row.recipient_name);
    } else if (row.kind === 'absence') {
      const userId = row.dedupe_key.split('|')[2];
      const member = await this.repository.userName(userId);
      const absence = (await this.repository.absences(meeting.id)).find((a) => a.user_id === userId);
      message = absenceMessage({
        recipientName: row.recipient_name,
        memberName: member?.name ?? 'En ledamot',
        committee: meeting.committee_name,
        date: meeting.meeting_date,
        startTime: meeting.start_time,
        message: absence?.message ?? null,
        url,
      });
    } else if (row.kind === 'deadline') {
      message = deadlineMessage({
        recipientName: row.recipient_name,
        committee: meeting.committee_name,
        date: meeting.meeting_date,
        startTime: meeting.start_time,
        deadline: row.dedupe_key.split('|')[2],
        url,
      });
    }
    if (!message) return 'gone';
    return this.outbox.deliver('meeting_mail', row.id, { to: row.recipient, ...message, messageId: this.outbox.messageId('meeting', row.id) });
  }

  /** The kallelse's last day: the secretaries reminded once, unless it went out or the day moved. */
  async deadline(meetingId: string, date: string): Promise<DeadlineOutcome> {
    const [waiting] = await this.repository.meetingsAwaitingKallelse(meetingId);
    if (!waiting) return 'not_needed';
    if (kallelseDeadline(waiting.meeting_date, waiting.kallelse_working_days) !== date) return 'moved';
    const meeting = await this.repository.find(meetingId);
    if (!meeting) return 'not_needed';
    const ids = await this.dataSource.transaction(async (manager) => {
      const secretaries = await this.repository.secretaries(meeting.committee_id, manager);
      const inserted = await this.repository.insertMails(
        meetingId,
        null,
        'deadline',
        secretaries.map((s) => ({ key: `deadline|${meetingId}|${date}|${s.email.toLowerCase()}`, email: s.email, name: s.name })),
        manager,
      );
      if (inserted.length) {
        await this.notifications.notify(
          manager,
          secretaries.map((s) => s.id),
          null,
          'reminder',
          `Kallelsen till ${meeting.committee_name}s sammanträde ${meeting.meeting_date} ska skickas senast i dag (${date}).`,
          null,
        );
      }
      return inserted;
    });
    if (ids.length === 0) return 'done_before';
    for (const id of ids) await this.sendMail(id);
    return 'reminded';
  }
}

/** Rebuilds the meetings' jobs from PostgreSQL at the worker's start, when Redis answers again, and on a timer. */
@Injectable()
export class MeetingsReconciliation implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Meetings');
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly onReady = () => void this.run('redis-ready');

  constructor(
    private readonly schedule: MeetingSchedule,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.redis.client.on('ready', this.onReady);
    void this.run('start-up');
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.redis.client.off('ready', this.onReady);
  }

  async run(reason: string): Promise<void> {
    clearTimeout(this.timer);
    if (this.stopped) return;
    try {
      const done = await this.schedule.reconcile();
      this.logger.log(`Meeting jobs reconciled (${reason}): ${done.mails} pending mails, ${done.deadlines} kallelse deadlines`);
    } catch (error) {
      this.logger.warn(`Meeting jobs not reconciled (${reason}): ${(error as Error).message}`);
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run('timer'), Math.round(this.config.get('REMINDER_RECONCILE_MINUTES') * 60_000));
    this.timer.unref();
  }
}
