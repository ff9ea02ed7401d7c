import { Injectable, Logger } from '@nestjs/common';
import { kallelseDeadline, stockholmInstant } from '@rapportflode/domain';
import { atMost } from '../../common/at-most';
import { Clock } from '../../common/clock';
import { buildJobId, JobName } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { MeetingsRepository } from './meetings.repository';

/** The hour (Stockholm) the secretary is reminded on the kallelse's last day. */
export const KALLELSE_REMINDER_HOUR = 8;

export const meetingMailJobId = (mailId: string) => buildJobId('meeting-mail', mailId);
export const kallelseDeadlineJobId = (meetingId: string, date: string) => buildJobId('kallelse-deadline', meetingId, date);

/**
 * The meetings' queued jobs, enqueued after commit with ids from the data: one per outbox row of
 * meeting_mail, and one per planned meeting on its kallelse's last day (08.00), which reminds the
 * secretaries when the kallelse has not gone out. `reconcile` rebuilds both from PostgreSQL (at
 * the worker's start and on its timer), so a Redis that lost its data loses nothing.
 */
@Injectable()
export class MeetingSchedule {
  private readonly logger = new Logger('Meetings');

  constructor(
    private readonly repository: MeetingsRepository,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  /** For request paths: never fails the request, never holds it longer than `waitMs`. */
  async afterCommit(target: { meetingId: string } | { committeeId: string } | { mailIds: readonly string[] }, waitMs = 3_000): Promise<void> {
    const work = this.schedule(target).catch((error: Error) => {
      this.logger.warn(`Meeting jobs of ${JSON.stringify(target)} not queued now (${error.message}); reconciliation will add them`);
    });
    await atMost(work, waitMs);
  }

  /** Every pending mail and every planned meeting's deadline job, again (ids make it idempotent). */
  async reconcile(): Promise<{ mails: number; deadlines: number }> {
    const mails = await this.repository.pendingMails();
    await this.enqueueMails(mails);
    const deadlines = await this.enqueueDeadlines(null, null);
    return { mails: mails.length, deadlines };
  }

  private async schedule(target: { meetingId: string } | { committeeId: string } | { mailIds: readonly string[] }): Promise<void> {
    if ('mailIds' in target) return this.enqueueMails(target.mailIds);
    await this.enqueueDeadlines('meetingId' in target ? target.meetingId : null, 'committeeId' in target ? target.committeeId : null);
  }

  private async enqueueMails(ids: readonly string[]): Promise<void> {
    await this.queue.enqueueMany(
      JobName.MeetingMail,
      ids.map((mailId) => ({ payload: { mailId }, jobId: meetingMailJobId(mailId) })),
    );
  }

  private async enqueueDeadlines(meetingId: string | null, committeeId: string | null): Promise<number> {
    const meetings = (await this.repository.meetingsAwaitingKallelse(meetingId)).filter((m) => !committeeId || m.committee_id === committeeId);
    const now = this.clock.now().getTime();
    const jobs = meetings.map((m) => {
      const date = kallelseDeadline(m.meeting_date, m.kallelse_working_days);
      const dueAt = Date.parse(stockholmInstant(date, KALLELSE_REMINDER_HOUR));
      return { payload: { meetingId: m.id, date }, jobId: kallelseDeadlineJobId(m.id, date), delayMs: Math.max(0, dueAt - now) };
    });
    await this.queue.enqueueMany(JobName.KallelseDeadline, jobs);
    return jobs.length;
  }
}
