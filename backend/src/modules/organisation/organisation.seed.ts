import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationUnitKind } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { claimSeedRun } from '../../database/seed-runs';
import { OrganisationRepository } from './organisation.repository';
import { UnitsRepository } from './units.repository';

interface SeedUnit {
  name: string;
  kind: OrganisationUnitKind;
  code?: string;
  children?: SeedUnit[];
}

interface SeedCommittee {
  municipality: string;
  name: string;
  diaryPrefix: string;
  units: SeedUnit[];
}

const unit = (name: string, code?: string): SeedUnit => ({ name, kind: 'unit', code });

/**
 * Socialnämnden's organisation as the reference reports show it: Gnesta's delårsrapport 2021
 * (three verksamhetsområden and their enheter, reference 003) and Nacka's tertialbokslut
 * (Barn och familjeenheten, Omsorgsenheten; references 000 and 004).
 */
export const DEMO_ORGANISATION: readonly SeedCommittee[] = [
  {
    municipality: 'Gnesta kommun',
    name: 'Socialnämnden',
    diaryPrefix: 'SN',
    units: [
      {
        name: 'Socialförvaltningen',
        kind: 'administration',
        children: [
          { name: 'Förvaltningsledning', kind: 'operating_area', code: 'FL' },
          {
            name: 'Stöd och vägledning',
            kind: 'operating_area',
            code: 'SoV',
            children: [
              unit('Verksamhetschef'),
              unit('Utredning och stöd'),
              unit('Stöd till arbete'),
              unit('Vuxenutbildning'),
            ],
          },
          {
            name: 'Äldre, funktionsstöd, hälso- och sjukvård',
            kind: 'operating_area',
            code: 'ÄFH',
            children: [unit('Stab'), unit('LSS'), unit('SoL FN'), unit('SoL ÄO'), unit('Hälso- och sjukvårdsenheten', 'HSE')],
          },
          {
            name: 'Administration och bistånd',
            kind: 'operating_area',
            code: 'AoB',
            children: [unit('Stab'), unit('LSS'), unit('SoL FN'), unit('SoL ÄO'), unit('Övriga beslut')],
          },
        ],
      },
    ],
  },
  {
    municipality: 'Nacka kommun',
    name: 'Socialnämnden',
    diaryPrefix: 'SN',
    units: [unit('Barn och familjeenheten', 'BoF'), unit('Omsorgsenheten', 'OE')],
  },
];

const SEED_NAME = 'demo-organisation';

@Injectable()
export class OrganisationSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly committees: OrganisationRepository,
    private readonly units: UnitsRepository,
  ) {}

  /**
   * Seeds the demo organisation once. The seed_run marker is inserted in the same transaction,
   * so two processes starting together seed it exactly once.
   */
  async seedOnce(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await claimSeedRun(manager, SEED_NAME))) return false;
      for (const committee of DEMO_ORGANISATION) await this.insertCommittee(manager, committee);
      this.logger.log(`Seeded the demo organisation (${DEMO_ORGANISATION.length} committees)`);
      return true;
    });
  }

  private async insertCommittee(manager: EntityManager, seed: SeedCommittee): Promise<void> {
    const committeeId = await this.committees.insertCommittee(manager, seed);
    const insertUnits = async (units: readonly SeedUnit[], parentId: string | null) => {
      for (const [index, seedUnit] of units.entries()) {
        const saved = await this.units.insert(manager, {
          committeeId,
          parentId,
          kind: seedUnit.kind,
          name: seedUnit.name,
          code: seedUnit.code ?? null,
          sortOrder: index + 1,
        });
        await insertUnits(seedUnit.children ?? [], saved.id);
      }
    };
    await insertUnits(seed.units, null);
  }
}
