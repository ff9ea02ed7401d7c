import { Injectable } from '@nestjs/common';
import type { CommitteeEconomyDto } from '@rapportflode/api-contract';
import { committeeEconomyContent, economicFigures, type EconomicFigures, type EconomyContent, economyConfigOf } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import { type EconomyInputRow, EconomyInputsRepository } from './economy-inputs.repository';

type EconomyTask = EconomyInputRow & { content: EconomyContent };

function hasEconomy(row: EconomyInputRow): row is EconomyTask {
  return row.content?.type === 'economy';
}

function unitInput(row: EconomyTask) {
  return { unitId: row.unit_id as string, name: row.unit_name ?? '', config: economyConfigOf(row.section_config), content: row.content };
}

/**
 * The economy figures of a cycle, from one query (economy-inputs.repository.ts): the nämnd table
 * a nämnd-level economy task shows beside its own, and the approved nämnd figures that the
 * tjänsteskrivelse is drafted and checked against and a frozen report version keeps.
 * Pass the transaction's manager to read inside it.
 */
@Injectable()
export class EconomyInputs {
  constructor(private readonly repository: EconomyInputsRepository) {}

  /**
   * For a nämnd-level economy task: the units' tables in the same cycle's unit-level economy
   * section (a sibling in the template first), and the nämnd table built from the approved ones.
   * Null for any other task, or when the cycle has no unit-level economy section.
   */
  async committeeTable(taskId: string, manager?: EntityManager): Promise<CommitteeEconomyDto | null> {
    const rows = await this.repository.byTaskCycle(taskId, manager);
    const me = rows.find((r) => r.task_id === taskId && r.unit_id === null);
    if (!me) return null;
    const siblings = rows
      .filter((r) => r.section_id !== me.section_id && r.unit_id !== null)
      // Stable: template and organisation order otherwise.
      .sort((a, b) => Number(b.parent_key === me.parent_key) - Number(a.parent_key === me.parent_key));
    if (siblings.length === 0) return null;
    const section = siblings.filter((r) => r.section_id === siblings[0].section_id);
    return {
      sectionTitle: siblings[0].section_title,
      units: section.map((r) => ({ unitId: r.unit_id as string, unitName: r.unit_name ?? '', state: r.state })),
      content: committeeEconomyContent(
        economyConfigOf(me.section_config),
        section.filter((r): r is EconomyTask => r.state === 'approved' && hasEconomy(r)).map(unitInput),
      ),
    };
  }

  /**
   * The approved nämnd figures now: the nämnd-level economy section when it is approved, else
   * the nämnd table computed from the approved unit tables (committeeEconomyContent). Null when
   * neither exists.
   */
  async approvedFigures(cycleId: string, manager?: EntityManager): Promise<EconomicFigures | null> {
    const rows = await this.repository.byCycle(cycleId, manager);
    const committeeLevel = rows.filter((r) => r.unit_id === null);
    const approvedCommittee = committeeLevel.find((r): r is EconomyTask => r.state === 'approved' && hasEconomy(r));
    if (approvedCommittee) return economicFigures(economyConfigOf(approvedCommittee.section_config), approvedCommittee.content);
    const units = rows.filter((r): r is EconomyTask => r.unit_id !== null && r.state === 'approved' && hasEconomy(r));
    if (units.length === 0) return null;
    const config = economyConfigOf(committeeLevel[0]?.section_config ?? units[0].section_config);
    return economicFigures(config, committeeEconomyContent(config, units.map(unitInput)));
  }
}
