import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads } from '../../queue/queue.constants';
import { TaskDirectory } from '../tasks/task-directory';
import { WorkflowService } from '../workflow/workflow.service';
import { returnMessage } from './reminder-mail';
import { ReminderOutbox } from './reminder-outbox';
import { RemindersRepository, ReturnKind } from './reminders.repository';

type ReturnPayload = JobPayloads[JobName.ReturnMail];

export type ReturnMailOutcome = { sent: number; failed: number; digest: number } | { skipped: 'subject_gone' | 'no_submitter' | 'done_before' };

const KIND: Record<ReturnPayload['transition'], ReturnKind> = { return: 'returned', reopen: 'reopened' };

/**
 * The mail that tells the writer who handed a task in that it was returned or reopened, by their
 * reminder choice: at once, or in the next daily digest (ReminderDigests lists it with the day's
 * reminders). It goes through the reminders' outbox (sent_reminder, kind `returned`/`reopened`,
 * offset the submission round, due instant the step's): the row's unique key sends it once, however
 * often the job runs. Only tasks are workflow subjects with this mail today; a memo would add its
 * subject to the payload and its own facts here.
 */
@Injectable()
export class ReturnMails {
  constructor(
    private readonly repository: RemindersRepository,
    private readonly tasks: TaskDirectory,
    private readonly outbox: ReminderOutbox,
    private readonly config: AppConfig,
    private readonly workflow: WorkflowService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async send(data: ReturnPayload): Promise<ReturnMailOutcome> {
    const task = await this.tasks.facts(data.subjectId);
    if (!task) return { skipped: 'subject_gone' };
    const step = await this.workflow.latestStepWithSubmitter(this.dataSource.manager, 'task', task.id, data.transition);
    const person = step?.submitter_id ? await this.repository.person(step.submitter_id) : undefined;
    if (!step || !person) return { skipped: 'no_submitter' };
    const active = await this.repository.activePeople([person.id]);
    if (!active.has(person.id)) return { skipped: 'no_submitter' };

    const key = { taskId: task.id, kind: KIND[data.transition], offset: data.round, dueAt: data.at, personId: person.id };
    const toDigest = person.delivery === 'daily_digest';
    const email = await this.repository.transaction((manager) =>
      this.repository.emailRow(manager, key, new Date(), toDigest ? 'digest' : 'pending', ReminderOutbox.CLAIM_MS),
    );
    if (!email) return { skipped: 'done_before' };
    if (email.status === 'digest') return { sent: 0, failed: 0, digest: 1 };
    if (email.status !== 'pending') return { skipped: 'done_before' };
    const message = returnMessage(returnFacts(task, key.kind, step, person.name, this.config.get('PUBLIC_URL')));
    const delivery = await this.outbox.deliver(
      'sent_reminder',
      email.id,
      { to: person.email, subject: message.subject, text: message.text, html: message.html, messageId: this.outbox.messageId('reminder', email.id) },
      { claimed: email.fresh },
    );
    if (delivery === 'done_before') return { skipped: 'done_before' };
    return { sent: delivery === 'sent' ? 1 : 0, failed: delivery === 'failed' ? 1 : 0, digest: 0 };
  }
}

/** The return mail's facts from the task and its step. */
export function returnFacts(
  task: { id: string; section_number: string; section_title: string; unit_name: string | null; cycle_title: string; committee_name: string },
  kind: ReturnKind,
  step: { actor_name: string; text: string | null },
  recipientName: string,
  publicUrl: string,
) {
  return {
    kind,
    taskId: task.id,
    sectionNumber: task.section_number,
    sectionTitle: task.section_title,
    unitName: task.unit_name,
    cycleTitle: task.cycle_title,
    committeeName: task.committee_name,
    actorName: step.actor_name,
    reason: step.text,
    recipientName,
    publicUrl,
  };
}
