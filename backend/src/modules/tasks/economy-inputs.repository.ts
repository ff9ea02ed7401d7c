import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SectionConfig, TaskContent, TaskState } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

/** One task of an economy section of a cycle, with its section and unit. */
export interface EconomyInputRow {
  task_id: string;
  section_id: string;
  section_title: string;
  section_config: SectionConfig | null;
  parent_key: string | null;
  /** Null for the nämnd-level task. */
  unit_id: string | null;
  unit_name: string | null;
  state: TaskState;
  content: TaskContent | null;
}

/**
 * Every task of the cycle's economy sections, in template order, units in organisation order
 * (sort order, then name) within a section. The one query behind the nämnd economy table
 * (task page), the memo's figures and the figures a frozen report keeps.
 */
function economyTasksSql(cycleOf: string): string {
  return `SELECT t.id AS task_id, s.id AS section_id, s.title AS section_title, s.config AS section_config, s.parent_key,
                 t.unit_id, u.name AS unit_name, t.state, t.content
            FROM cycle_section s
            JOIN task t ON t.section_id = s.id
            LEFT JOIN organisation_unit u ON u.id = t.unit_id
           WHERE s.kind = 'economy' AND s.cycle_id = ${cycleOf}
           ORDER BY s.sort_order, u.sort_order, u.name, t.id`;
}

const BY_CYCLE = economyTasksSql('$1');
const BY_TASK = economyTasksSql('(SELECT cycle_id FROM task WHERE id = $1)');

/** Reads only (the tasks are written by TasksService). */
@Injectable()
export class EconomyInputsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The economy tasks of a cycle. */
  byCycle(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<EconomyInputRow[]> {
    return manager.query(BY_CYCLE, [cycleId]);
  }

  /** The economy tasks of the cycle the task belongs to. */
  byTaskCycle(taskId: string, manager: EntityManager = this.dataSource.manager): Promise<EconomyInputRow[]> {
    return manager.query(BY_TASK, [taskId]);
  }
}
