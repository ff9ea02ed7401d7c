import type { Action, RoleGrant, TaskState } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { WorkflowRecord, WorkflowStepWrite, WorkflowSubject } from './workflow-subject';
import type { NewTransition, WorkflowRepository } from './workflow.repository';
import { WorkflowService } from './workflow.service';

/** A subject kept in memory: what a new kind of subject implements (see workflow-subject.ts). */
class MemorySubject implements WorkflowSubject {
  readonly type = 'memo' as const;
  written: Array<{ id: string; to: TaskState }> = [];
  constructor(
    public record: WorkflowRecord,
    private readonly held: Action[],
    private readonly submittedBy: string | null = null,
  ) {}
  async lock(): Promise<WorkflowRecord> {
    return { ...this.record };
  }
  async heldActions(): Promise<readonly Action[]> {
    return this.held;
  }
  async submitter(): Promise<string | null> {
    return this.submittedBy;
  }
  async writeState(_manager: EntityManager, step: WorkflowStepWrite<WorkflowRecord>): Promise<void> {
    this.written.push({ id: step.record.id, to: step.to });
  }
}

function setUp(selfApprovalAllowed = false) {
  const history: Array<{ type: string; steps: readonly NewTransition[] }> = [];
  const audits: AuditEntry[] = [];
  const repository = {
    insert: async (_m: EntityManager, type: string, steps: readonly NewTransition[]) => void history.push({ type, steps }),
  } as unknown as WorkflowRepository;
  const audit = {
    record: async (_m: EntityManager, entry: AuditEntry) => void audits.push(entry),
    recordMany: async (_m: EntityManager, entries: readonly AuditEntry[]) => void audits.push(...entries),
  } as unknown as AuditService;
  const manager = { query: async () => [{ self_approval_allowed: selfApprovalAllowed }] } as unknown as EntityManager;
  return { service: new WorkflowService(repository, audit), history, audits, manager };
}

const actor = { userId: 'u-lena', grants: [] as RoleGrant[], ip: '10.0.0.1' };
const stored = (state: TaskState, version = 3): WorkflowRecord => ({ id: 'm-1', state, version, committeeId: 'c-1' });

describe('WorkflowService: one workflow for every subject', () => {
  it('takes a step: writes the state, records the history and the audit entry in the subject’s name', async () => {
    const { service, history, audits, manager } = setUp();
    const subject = new MemorySubject(stored('draft'), ['task.write', 'task.submit']);
    const step = await service.transition(manager, subject, 'cycle-1', { transition: 'submit', version: 3 }, actor);
    expect(step).toMatchObject({ from: 'draft', to: 'submitted', text: null });
    expect(subject.written).toEqual([{ id: 'm-1', to: 'submitted' }]);
    expect(history).toEqual([
      { type: 'memo', steps: [{ subjectId: 'm-1', transition: 'submit', from: 'draft', to: 'submitted', actorId: 'u-lena', text: null }] },
    ]);
    expect(audits).toEqual([
      {
        actorUserId: 'u-lena',
        action: 'memo.submit',
        entityType: 'memo',
        entityId: 'm-1',
        committeeId: 'c-1',
        before: { state: 'draft', version: 3 },
        after: { state: 'submitted', text: null },
        ip: '10.0.0.1',
      },
    ]);
  });

  it('refuses with today’s codes and the subject’s words, and writes nothing', async () => {
    const { service, history, manager } = setUp();
    const approved = new MemorySubject(stored('approved'), ['task.write', 'task.submit']);
    await expect(service.transition(manager, approved, 'k', { transition: 'submit', version: 2 }, actor)).rejects.toMatchObject({
      code: 'version_conflict',
      message: 'Tjänsteskrivelsen har ändrats sedan du öppnade den. Ladda om sidan och försök igen.',
    });
    await expect(service.transition(manager, approved, 'k', { transition: 'submit', version: 3 }, actor)).rejects.toMatchObject({
      code: 'illegal_transition',
      message: 'Tjänsteskrivelsen är godkänd och kan inte lämnas in nu.',
    });
    await expect(service.transition(manager, approved, 'k', { transition: 'reopen', version: 3 }, actor)).rejects.toMatchObject({
      code: 'transition_not_allowed',
    });
    const reopener = new MemorySubject(stored('approved'), ['task.reopen']);
    await expect(service.transition(manager, reopener, 'k', { transition: 'reopen', version: 3, text: ' ' }, actor)).rejects.toMatchObject({
      code: 'text_required',
      message: 'Ange varför tjänsteskrivelsen öppnas igen.',
    });
    expect(approved.written).toEqual([]);
    expect(history).toEqual([]);
  });

  it('refuses the submitter approving their own round, and audits it when the installation allows it', async () => {
    const strict = setUp(false);
    const own = new MemorySubject(stored('submitted'), ['task.review'], 'u-lena');
    await expect(strict.service.transition(strict.manager, own, 'k', { transition: 'approve', version: 3 }, actor)).rejects.toMatchObject({
      code: 'self_approval_refused',
    });
    const relaxed = setUp(true);
    await relaxed.service.transition(relaxed.manager, own, 'k', { transition: 'approve', version: 3 }, actor);
    expect(relaxed.audits.map((a) => a.action)).toEqual(['memo.approve', 'memo.self_approval']);
    expect(relaxed.audits[1].after).toEqual({ submittedBy: 'u-lena', setting: 'self_approval_allowed' });
  });

  it('starts a draft on the first save and resumes a returned one; a draft saves without a step', async () => {
    const { service, history, audits, manager } = setUp();
    expect(await service.autoTransition(manager, 'task', { ...stored('not_started'), id: 't-1' }, ['task.write'], actor)).toBe('draft');
    expect(await service.autoTransition(manager, 'task', { ...stored('returned'), id: 't-2' }, ['task.write'], actor)).toBe('draft');
    expect(await service.autoTransition(manager, 'task', { ...stored('draft'), id: 't-3' }, ['task.write'], actor)).toBe('draft');
    expect(history.map((h) => h.steps.map((s) => `${s.subjectId}:${s.transition}`))).toEqual([['t-1:start'], ['t-2:resume']]);
    expect(audits.map((a) => a.action)).toEqual(['task.start', 'task.resume']);
    await expect(service.autoTransition(manager, 'task', { ...stored('not_started'), id: 't-4' }, [], actor, { notAllowedCode: 'not_allowed' })).rejects.toMatchObject({
      code: 'not_allowed',
    });
  });

  it('records the steps of a bulk save in one statement each for history and audit', async () => {
    const { service, history, audits, manager } = setUp();
    const states = await service.autoTransitionMany(
      manager,
      'task',
      [
        { id: 'a', state: 'not_started', version: 0, committeeId: 'c-1' },
        { id: 'b', state: 'draft', version: 4, committeeId: 'c-1' },
        { id: 'c', state: 'reopened', version: 7, committeeId: 'c-1' },
      ],
      actor,
      'Import från ekonomisystemet: ekonomi.csv',
    );
    expect([...states]).toEqual([
      ['a', 'draft'],
      ['b', 'draft'],
      ['c', 'draft'],
    ]);
    expect(history).toHaveLength(1);
    expect(history[0].steps.map((s) => [s.subjectId, s.transition, s.text])).toEqual([
      ['a', 'start', 'Import från ekonomisystemet: ekonomi.csv'],
      ['c', 'resume', 'Import från ekonomisystemet: ekonomi.csv'],
    ]);
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([
      ['task.start', 'a'],
      ['task.resume', 'c'],
    ]);
  });

  it('opens a save only while the subject is editable', async () => {
    const { service, manager } = setUp();
    await expect(service.openForSave(manager, new MemorySubject(stored('submitted'), ['task.write']), 'k', actor)).rejects.toMatchObject({
      code: 'memo_locked',
      message: 'Tjänsteskrivelsen är inlämnad och väntar på granskning; den kan inte ändras nu.',
    });
    await expect(service.openForSave(manager, new MemorySubject(stored('reopened'), ['task.write']), 'k', actor)).resolves.toMatchObject({
      record: { state: 'reopened' },
      held: ['task.write'],
    });
  });
});
