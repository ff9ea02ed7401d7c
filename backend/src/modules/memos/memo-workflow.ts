import { Injectable } from '@nestjs/common';
import { Action, can, checkMemoContent, type ResourceScope, type RoleGrant } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { type CycleHeader, CycleHeaders } from '../cycles/cycle-headers';
import type { WorkflowRecord, WorkflowStepWrite, WorkflowSubject } from '../workflow/workflow-subject';
import { ReportsService } from '../reports/reports.service';
import { WorkflowService } from '../workflow/workflow.service';
import { type MemoRow, MemosRepository } from './memos.repository';

/** The workflow table's actions, as the memo's own permissions grant them. */
const MEMO_ACTION: Partial<Record<Action, Action>> = {
  'task.write': 'memo.edit',
  'task.submit': 'memo.edit',
  'task.review': 'memo.review',
  'task.reopen': 'memo.reopen',
};

/** The memo sits at its cycle's nämnd. */
export function memoScope(cycle: CycleHeader): ResourceScope {
  return { committeeId: cycle.committeeId, unitPath: [] };
}

/** The memo actions a person holds on the cycle, translated to the workflow table's actions. */
export function memoActionsHeld(grants: readonly RoleGrant[], cycle: CycleHeader): Action[] {
  const scope = memoScope(cycle);
  const out: Action[] = [];
  for (const [taskAction, memoAction] of Object.entries(MEMO_ACTION) as Array<[Action, Action]>) {
    if (can(grants, memoAction, scope)) out.push(taskAction);
  }
  return out;
}

/** A cycle's memo as the workflow sees it: not stored yet (id null) until the first save. */
export interface MemoRecord extends WorkflowRecord {
  cycle: CycleHeader;
  row: MemoRow | null;
}

export function memoRecord(cycle: CycleHeader, row: MemoRow | null): MemoRecord {
  return { id: row?.id ?? null, state: row?.state ?? 'not_started', version: row?.version ?? 0, committeeId: cycle.committeeId, cycle, row };
}

export const MemoErrors = {
  invalid: (errors: string[]) => new DomainError('memo_invalid', 'Tjänsteskrivelsen kan inte sparas.', errors),
  reportNotFrozen: () =>
    new DomainError('memo_report_not_frozen', 'Rapporten är inte fastställd ännu. Fastställ rapporten på sidan Sammanställning innan tjänsteskrivelsen lämnas in.'),
  incomplete: (errors: string[]) => new DomainError('memo_incomplete', 'Tjänsteskrivelsen är inte färdig och kan inte lämnas in än.', errors),
};

/** The tjänsteskrivelse as a subject of the workflow (workflow-subject.ts), keyed by its cycle's id. */
@Injectable()
export class MemoWorkflowSubject implements WorkflowSubject<MemoRecord> {
  readonly type = 'memo' as const;

  constructor(
    private readonly repository: MemosRepository,
    private readonly cycles: CycleHeaders,
    private readonly workflow: WorkflowService,
    private readonly reports: ReportsService,
  ) {}

  async lock(manager: EntityManager, cycleId: string): Promise<MemoRecord> {
    const cycle = await this.cycles.get(manager, cycleId);
    return memoRecord(cycle, await this.repository.find(cycleId, manager, true));
  }

  async heldActions(_manager: EntityManager, record: MemoRecord, grants: readonly RoleGrant[]): Promise<readonly Action[]> {
    return memoActionsHeld(grants, record.cycle);
  }

  submitter(manager: EntityManager, record: MemoRecord & { id: string }): Promise<string | null> {
    return this.workflow.lastSubmitter(manager, 'memo', record.id);
  }

  async writeState(manager: EntityManager, step: WorkflowStepWrite<MemoRecord>): Promise<void> {
    if (step.transition === 'submit') {
      const complete = checkMemoContent(step.record.row?.content, { forSubmit: true });
      if (!complete.ok) throw MemoErrors.incomplete(complete.errors);
      // The memo proposes the frozen report: without one there is nothing to decide on.
      if ((await this.reports.frozenVersion(step.record.cycle.id, manager)) === null) throw MemoErrors.reportNotFrozen();
    }
    await this.repository.updateState(step.record.id, step.to, manager);
  }

  unsaved(): DomainError {
    // Only "start" is legal before the first save, and the first save is what starts the draft.
    return new DomainError('illegal_transition', 'Spara tjänsteskrivelsen först; då påbörjas utkastet.');
  }
}
