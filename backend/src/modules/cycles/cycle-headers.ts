import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { CycleHeader, CyclesRepository } from './cycles.repository';

export type { CycleHeader } from './cycles.repository';

/**
 * A cycle's header for other modules (memos, reports): nämnd, municipality, title, report kind,
 * year, period end, diarienummer and meeting date (see `CycleHeader`). Provided by
 * CycleHeadersModule (cycles/cycle-headers.module.ts), which any module may import without
 * pulling in CyclesModule's own imports.
 *
 * `get(manager, cycleId)`: pass the transaction's EntityManager to read inside it (undefined: outside
 * any). Throws DomainError 'not_found' when there is no such cycle.
 */
@Injectable()
export class CycleHeaders {
  constructor(private readonly cycles: CyclesRepository) {}

  async get(manager: EntityManager | undefined, cycleId: string): Promise<CycleHeader> {
    const header = await this.cycles.header(cycleId, manager);
    if (!header) throw new DomainError('not_found', 'Det som efterfrågades finns inte.');
    return header;
  }
}
