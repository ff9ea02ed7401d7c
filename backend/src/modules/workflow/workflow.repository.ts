import { Injectable } from '@nestjs/common';
import type { TaskState, Transition } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import type { WorkflowSubjectType } from './workflow-subject';

/** One recorded step of a subject's history. */
export interface TransitionRow {
  transition: Transition;
  from: TaskState;
  to: TaskState;
  actorName: string;
  text: string | null;
  at: Date;
}

export interface NewTransition {
  subjectId: string;
  transition: Transition;
  from: TaskState;
  to: TaskState;
  actorId: string;
  text: string | null;
}

/** Each subject's history table and the column naming the subject. */
const HISTORY: Readonly<Record<WorkflowSubjectType, { table: string; column: string }>> = {
  task: { table: 'task_transition', column: 'task_id' },
  memo: { table: 'memo_transition', column: 'memo_id' },
};

/**
 * The workflow history (task_transition, memo_transition): the only place that writes or reads
 * those tables. The table is chosen by the subject's type, never from input.
 */
@Injectable()
export class WorkflowRepository {
  /** Records steps, in the order given, in one statement. */
  async insert(manager: EntityManager, type: WorkflowSubjectType, steps: readonly NewTransition[]): Promise<void> {
    if (steps.length === 0) return;
    const { table, column } = HISTORY[type];
    if (steps.length === 1) {
      const [s] = steps;
      await manager.query(
        `INSERT INTO ${table} (${column}, transition, from_state, to_state, actor_id, text) VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.subjectId, s.transition, s.from, s.to, s.actorId, s.text],
      );
      return;
    }
    await manager.query(
      `INSERT INTO ${table} (${column}, transition, from_state, to_state, actor_id, text)
       SELECT (e.step->>'subjectId')::uuid, e.step->>'transition', e.step->>'from', e.step->>'to', (e.step->>'actorId')::uuid, e.step->>'text'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(step, ord)
        ORDER BY e.ord`,
      [JSON.stringify(steps)],
    );
  }

  /** The subject's history, oldest first. */
  history(manager: EntityManager, type: WorkflowSubjectType, subjectId: string): Promise<TransitionRow[]> {
    const { table, column } = HISTORY[type];
    return manager.query(
      `SELECT tr.transition, tr.from_state AS "from", tr.to_state AS "to", COALESCE(u.name, 'Okänd') AS "actorName",
              tr.text, tr.occurred_at AS at
         FROM ${table} tr LEFT JOIN app_user u ON u.id = tr.actor_id WHERE tr.${column} = $1 ORDER BY tr.id`,
      [subjectId],
    );
  }

  /** Who made the subject's latest submit, when anybody. */
  async lastSubmitter(manager: EntityManager, type: WorkflowSubjectType, subjectId: string): Promise<string | null> {
    const { table, column } = HISTORY[type];
    const [row]: Array<{ actor_id: string | null }> = await manager.query(
      `SELECT actor_id FROM ${table} WHERE ${column} = $1 AND transition = 'submit' ORDER BY id DESC LIMIT 1`,
      [subjectId],
    );
    return row?.actor_id ?? null;
  }

  /** The subject's latest step of that transition: who made it, its text, and who made the submit before it. */
  async latestStepWithSubmitter(
    manager: EntityManager,
    type: WorkflowSubjectType,
    subjectId: string,
    transition: Transition,
  ): Promise<{ actor_name: string; text: string | null; submitter_id: string | null } | undefined> {
    const { table, column } = HISTORY[type];
    const [row] = await manager.query(
      `SELECT COALESCE(u.name, 'Okänd') AS actor_name, tr.text,
              (SELECT s.actor_id FROM ${table} s WHERE s.${column} = tr.${column} AND s.transition = 'submit' AND s.id < tr.id
                ORDER BY s.id DESC LIMIT 1) AS submitter_id
         FROM ${table} tr LEFT JOIN app_user u ON u.id = tr.actor_id
        WHERE tr.${column} = $1 AND tr.transition = $2 ORDER BY tr.id DESC LIMIT 1`,
      [subjectId, transition],
    );
    return row;
  }

  /** Each subject's latest step of that transition (who and when), for those that have one. */
  latestSteps(
    manager: EntityManager,
    type: WorkflowSubjectType,
    subjectIds: readonly string[],
    transition: Transition,
  ): Promise<Array<{ subject_id: string; actor_name: string | null; occurred_at: Date }>> {
    const { table, column } = HISTORY[type];
    return manager.query(
      `SELECT DISTINCT ON (tr.${column}) tr.${column} AS subject_id, u.name AS actor_name, tr.occurred_at
         FROM ${table} tr LEFT JOIN app_user u ON u.id = tr.actor_id
        WHERE tr.${column} = ANY($1::uuid[]) AND tr.transition = $2
        ORDER BY tr.${column}, tr.id DESC`,
      [[...new Set(subjectIds)], transition],
    );
  }
}
