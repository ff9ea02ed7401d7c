import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REMINDED_STATES, reminderJobId, type TaskState } from '@rapportflode/domain';
import { AppConfig } from '../../config/app-config.service';
import { WorkflowService } from '../workflow/workflow.service';
import { TaskDirectory, TaskPerson } from '../tasks/task-directory';
import { DigestItem, digestMessage, reminderMessage, returnMessage } from './reminder-mail';
import { ReminderOutbox } from './reminder-outbox';
import { planOf } from './reminder-scheduler.service';
import { reminderFacts } from './reminder-sender.service';
import { RemindersRepository } from './reminders.repository';
import { returnFacts } from './return-mail.service';

/** The states in which a return or reopening is still to be answered (resumed as a draft included). */
const RETURN_OPEN_STATES: readonly TaskState[] = ['returned', 'reopened', 'draft'];

export interface DigestOutcome {
  people: number;
  sent: number;
  failed: number;
  cancelled: number;
}

/**
 * The daily digest (a person's reminder_delivery = daily_digest): at 08.15 on working days
 * (DIGEST_TIME), one mail per person with every reminder the sender left `digest` for them.
 *
 * A run at one instant is one job (id digestJobId(dueAt)), for everybody. Per person it writes one
 * reminder_digest row (unique per person and instant), claims it, gathers the person's waiting
 * reminders into it, and sends it through ReminderOutbox, which marks the digest and the reminders
 * it carries `sent` (or `failed`) together. A retry, a second worker or a re-run after a crash finds
 * the row and finishes or skips it: one digest per person and instant, as for single reminders.
 * Before gathering, a waiting reminder whose task no longer needs it (submitted, approved, deadline
 * moved: its id is no longer in the task's plan) is `cancelled`, and one for a person no longer
 * active likewise: a digest never tells anybody to do what is already done. A return or reopening
 * (ReturnMails) waiting for the digest is listed with its reason.
 */
@Injectable()
export class ReminderDigests {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly tasks: TaskDirectory,
    private readonly outbox: ReminderOutbox,
    private readonly config: AppConfig,
    private readonly workflow: WorkflowService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The run at `dueAt`: cancels what is no longer needed, then one mail per person. */
  async run(dueAt: string): Promise<DigestOutcome> {
    const cancelled = await this.cancelUnneeded();
    const people = await this.repository.digestRecipients(dueAt);
    let sent = 0;
    let failed = 0;
    let error: unknown = null;
    for (const id of people) {
      try {
        const delivery = await this.sendOne(id, dueAt);
        if (delivery === 'sent') sent += 1;
        if (delivery === 'failed') failed += 1;
      } catch (e) {
        // The others still get theirs; the job fails afterwards and its retry finishes this one.
        error = e;
        this.logger.warn(`Digest for ${id} at ${dueAt} not sent now: ${(e as Error).message}`);
      }
    }
    if (error) throw error;
    return { people: people.length, sent, failed, cancelled };
  }

  /** Marks `cancelled` the waiting reminders nobody should get any more. */
  private async cancelUnneeded(): Promise<number> {
    const waiting = await this.repository.waiting();
    if (waiting.length === 0) return 0;
    const tasks = await this.tasks.factsOf(waiting.map((w) => w.task_id));
    const plans = new Map([...tasks.values()].map((task) => [task.id, { task, ids: new Set(planOf(task).map((p) => p.jobId)) }]));
    const active = await this.repository.activePeople(waiting.map((w) => w.recipient_user_id));
    const unneeded = waiting.filter((w) => {
      const plan = plans.get(w.task_id);
      if (!plan || !active.has(w.recipient_user_id)) return true;
      // A return or reopening is news while the writer still works on it (not handed in again).
      if (w.kind === 'returned' || w.kind === 'reopened') return !RETURN_OPEN_STATES.includes(plan.task.state);
      // A manual reminder is sent at once, never through a digest.
      if (w.kind === 'manual') return true;
      if (!plan.ids.has(reminderJobId(w.task_id, w.kind, w.offset, w.due_at.toISOString()))) return true;
      return w.kind === 'review_nudge' ? plan.task.state !== 'submitted' : !REMINDED_STATES.includes(plan.task.state);
    });
    if (unneeded.length === 0) return 0;
    return this.repository.cancelWaiting(unneeded.map((w) => w.id));
  }

  private async sendOne(personId: string, dueAt: string): Promise<'sent' | 'failed' | 'done_before' | 'empty'> {
    // The person's digest row of this instant, claimed by this attempt (or skipped: finished, or
    // being sent by a live attempt elsewhere, which the outbox waits for).
    const digest = await this.repository.digestRow(personId, dueAt, ReminderOutbox.CLAIM_MS);
    if (!digest || digest.status !== 'pending') return 'done_before';
    if (!digest.fresh && !(await this.outbox.claim('reminder_digest', digest.id))) return 'done_before';

    // Gather under the claim, so that what is marked sent is what this mail lists.
    const items = await this.repository.gather(personId, digest.id);
    const person = await this.repository.person(personId);
    if (items.length === 0 || !person) {
      // Everything it would have carried was cancelled: no mail, and no row saying one went out.
      await this.repository.deleteEmptyDigest(digest.id);
      return 'empty';
    }

    const tasks = await this.tasks.factsOf(items.map((i) => i.task_id));
    const contacts = new Map<string, TaskPerson>();
    const publicUrl = this.config.get('PUBLIC_URL');
    const lines: DigestItem[] = [];
    for (const item of items) {
      const task = tasks.get(item.task_id);
      if (!task) continue;
      const secretaries: TaskPerson[] = await this.tasks.secretaries(task.id);
      for (const s of secretaries) if (s.id !== personId && contacts.size < 2) contacts.set(s.id, s);
      if (item.kind === 'returned' || item.kind === 'reopened') {
        const step = await this.workflow.latestStepWithSubmitter(this.dataSource.manager, 'task', task.id, item.kind === 'returned' ? 'return' : 'reopen');
        if (!step) continue;
        const message = returnMessage(returnFacts(task, item.kind, step, person.name, publicUrl));
        lines.push({ lead: message.lead, taskId: task.id, cycleTitle: task.cycle_title, committeeName: task.committee_name });
        continue;
      }
      const dueAtIso = item.due_at.toISOString();
      const planned = planOf(task).find((p) => p.kind === item.kind && p.offset === item.offset && p.dueAt === dueAtIso);
      if (!planned) continue;
      const message = reminderMessage(reminderFacts(task, planned, person, secretaries, publicUrl));
      lines.push({ lead: message.lead, taskId: task.id, cycleTitle: task.cycle_title, committeeName: task.committee_name });
    }
    const listed = new Set(lines.map((line) => line.taskId));
    const unlisted = items.filter((item) => !listed.has(item.task_id)).map((item) => item.id);
    if (unlisted.length > 0) {
      await this.repository.cancelGathered(unlisted);
    }
    if (lines.length === 0) {
      await this.repository.deleteEmptyDigest(digest.id);
      return 'empty';
    }
    const mail = digestMessage({ recipientName: person.name, items: lines, contacts: [...contacts.values()], publicUrl });
    return this.outbox.deliver(
      'reminder_digest',
      digest.id,
      { to: person.email, subject: mail.subject, text: mail.text, html: mail.html, messageId: this.outbox.messageId('digest', digest.id) },
      { claimed: true },
    );
  }
}
