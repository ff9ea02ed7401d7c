import { Injectable } from '@nestjs/common';
import type { MemoDto } from '@rapportflode/api-contract';
import { type MemoContent, memoFigureWarnings } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import type { CycleHeader } from '../cycles/cycle-headers';
import { ReportsService } from '../reports/reports.service';
import { EconomyInputs } from '../tasks/economy-inputs';

/**
 * The figures check of Ekonomiska konsekvenser: the figures in the text that no longer match
 * the latest frozen report version's (as the freeze kept them), else the approved ones now.
 */
@Injectable()
export class MemoFigures {
  constructor(
    private readonly economy: EconomyInputs,
    private readonly reports: ReportsService,
  ) {}

  async check(manager: EntityManager, cycle: CycleHeader, content: MemoContent): Promise<Pick<MemoDto, 'warnings' | 'figuresSource'>> {
    const frozen = await this.reports.frozenFigures(cycle.id, manager);
    const compareWith = frozen?.figures ?? (await this.economy.approvedFigures(cycle.id, manager));
    if (!compareWith) return { warnings: [], figuresSource: { kind: 'none' } };
    const warnings = memoFigureWarnings(content.economicConsequences, compareWith, {
      committee: cycle.committee,
      source: frozen ? 'den fastställda rapporten' : 'de godkända siffrorna',
    }).map((w) => w.message);
    return { warnings, figuresSource: frozen ? { kind: 'frozen', version: frozen.version } : { kind: 'approved' } };
  }
}
