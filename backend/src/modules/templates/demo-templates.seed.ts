import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkTemplateSections, ReportKind, SectionConfig, TemplateSectionInput } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { claimSeedRun } from '../../database/seed-runs';
import { TemplatesRepository } from './templates.repository';

type SeedSection = Omit<TemplateSectionInput, 'unitIds'> & { unitNames?: string[] };

/**
 * Gnesta's economy tables (reference 003): helårsbudget, and the budget deviation of the result
 * and of the forecast per april and per augusti. Gnesta prints the deviations as "Resultat" and
 * "Prognos"; the headings say what the columns hold (built from each column's measure and period).
 */
const GNESTA_ECONOMY: SectionConfig = {
  economy: {
    unit: 'tkr',
    columns: ['annual_budget', 'earlier_result', 'earlier_forecast', 'budget_deviation', 'forecast_deviation'],
  },
};

/** Nacka's sick-leave model (reference 000): short up to 59 days, long from 60, two decimals. */
const NACKA_SICK_LEAVE: SectionConfig = { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 } };

/** Nacka's state grants (reference 000, chapter 5), as printed. */
const NACKA_STATE_GRANTS: SectionConfig = {
  table: {
    columns: [
      { key: 'bidrag', label: 'Bidrag som beviljats/erhållits perioden', type: 'text', required: true },
      { key: 'myndighet', label: 'Myndighet (statlig medfinansiär)', type: 'text' },
      { key: 'annan-namnd', label: 'Annan inblandad nämnd/verksamhet', type: 'text' },
      { key: 'sokt', label: 'Sökt belopp tkr (år)', type: 'number', sum: true },
      { key: 'erhallet', label: 'Erhållet/reserverat belopp tkr', type: 'number', sum: true },
      { key: 'prognos', label: 'Prognos tkr år', type: 'number', sum: true },
    ],
    totalLabel: 'Summa',
  },
};

/** Net investments against the decided budget (Nacka chapter 4, Gnesta's investeringsuppföljning). */
const INVESTMENTS: SectionConfig = {
  table: {
    columns: [
      { key: 'projekt', label: 'Projekt', type: 'text', required: true },
      { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
      { key: 'utfall', label: 'Utfall tkr', type: 'number', sum: true },
      { key: 'prognos', label: 'Prognos tkr', type: 'number', sum: true },
      { key: 'kommentar', label: 'Kommentar', type: 'text' },
    ],
    totalLabel: 'Summa investeringar',
  },
};

const FUTURE_FUNDS: SectionConfig = {
  table: {
    columns: [
      { key: 'insats', label: 'Insats', type: 'text', required: true },
      { key: 'beviljat', label: 'Beviljade medel tkr', type: 'number', sum: true },
      { key: 'utfall', label: 'Utfall tkr', type: 'number', sum: true },
      { key: 'kommentar', label: 'Kommentar', type: 'text' },
    ],
    totalLabel: 'Summa',
  },
};

/** Gnesta's responsible areas in the åtgärdsplan (reference 003). */
const GNESTA_ACTION_PLAN: SectionConfig = { actionPlan: { areas: ['FL', 'SOV', 'AoB', 'ÄFH'] } };

const withConfig = (section: SeedSection, config: SectionConfig): SeedSection => ({ ...section, config });

interface SeedTemplate {
  municipality: string;
  committee: string;
  name: string;
  reportKind: ReportKind;
  sections: SeedSection[];
}

const s = (
  key: string,
  parentKey: string | null,
  title: string,
  kind: SeedSection['kind'] = 'narrative',
  responsibility: SeedSection['responsibility'] = 'committee',
  reviewerRole: SeedSection['reviewerRole'] = 'economist',
  unitNames?: string[],
): SeedSection => ({ key, parentKey, title, kind, responsibility, reviewerRole, unitNames });

/**
 * The structures of the reference reports: Nacka's Tertialbokslut 2 (chapters 1–9 of
 * reference 000) and Gnesta's Delårsrapport (reference 003).
 */
export const DEMO_TEMPLATES: readonly SeedTemplate[] = [
  {
    municipality: 'Nacka kommun',
    committee: 'Socialnämnden',
    name: 'Tertialbokslut 2',
    reportKind: 'interim_report',
    sections: [
      s('sammanfattning', null, 'Sammanfattning'),
      s('viktigaste-handelserna', 'sammanfattning', 'Tre viktigaste händelserna'),
      s('nulagesbeskrivning', 'sammanfattning', 'Nulägesbeskrivning', 'narrative', 'all_units'),
      s('verksamhetsresultat', null, 'Verksamhetsresultat'),
      s('skattepengarna', 'verksamhetsresultat', 'Maximalt värde för skattepengarna', 'goals'),
      s('utveckling', 'verksamhetsresultat', 'Bästa utveckling för alla', 'goals'),
      s('livsmiljoer', 'verksamhetsresultat', 'Attraktiva livsmiljöer i hela Nacka', 'goals'),
      s('tillvaxt', 'verksamhetsresultat', 'Stark balanserad tillväxt', 'goals'),
      s('ekonomiskt-resultat', null, 'Ekonomiskt resultat', 'economy', 'all_units'),
      withConfig(s('investeringar', null, 'Investeringar', 'table'), INVESTMENTS),
      withConfig(s('statsbidrag', null, 'Redovisning riktade statsbidrag', 'table'), NACKA_STATE_GRANTS),
      withConfig(s('sjukfranvaro', null, 'Sjukfrånvaro', 'sick_leave', 'all_units'), NACKA_SICK_LEAVE),
      s('atgardsplan', null, 'Åtgärdsplan', 'action_plan', 'chosen_units', 'economist', ['Barn och familjeenheten']),
      s('intern-kontroll', null, 'Intern kontrollplan', 'internal_control', 'committee', 'economist'),
      withConfig(s('framtidsfonder', null, 'Uppföljning av medel ur framtidsfonder', 'table'), FUTURE_FUNDS),
    ],
  },
  {
    municipality: 'Gnesta kommun',
    committee: 'Socialnämnden',
    name: 'Delårsrapport',
    reportKind: 'interim_report',
    sections: [
      s('inledning', null, 'Inledning och syfte'),
      s('styrdokument', 'inledning', 'Styrdokument'),
      s('omvarldsbevakning', 'inledning', 'Omvärldsbevakning'),
      s('handelser', null, 'Händelser av väsentlig betydelse', 'narrative', 'all_units'),
      s('ledning', null, 'Ledning och styrning'),
      s('volymbaserad-budget', 'ledning', 'Volymbaserad budget'),
      s('upphandling', 'ledning', 'Upphandling och avtal'),
      s('styrning', null, 'Styrning och uppföljning av den kommunala verksamheten'),
      s('kf-mal', 'styrning', 'Kommunfullmäktiges mål', 'goals', 'committee', 'director'),
      s('maluppfyllelse', 'styrning', 'Sammanfattning måluppfyllelse', 'goals', 'committee', 'director'),
      s('ekonomisk-hushallning', null, 'God ekonomisk hushållning och ekonomisk ställning'),
      withConfig(s('atgardsplan', 'ekonomisk-hushallning', 'Åtgärdsplan för budget i balans', 'action_plan'), GNESTA_ACTION_PLAN),
      withConfig(s('resultat', 'ekonomisk-hushallning', 'Nämndens resultat per augusti', 'economy'), GNESTA_ECONOMY),
      withConfig(
        s('ekonomi-per-omrade', 'ekonomisk-hushallning', 'Ekonomisk uppföljning per verksamhetsområde', 'economy', 'all_units'),
        GNESTA_ECONOMY,
      ),
      withConfig(s('investeringar', 'ekonomisk-hushallning', 'Nämndens investeringsuppföljning', 'table'), INVESTMENTS),
      s('intern-kontroll', null, 'Redovisning av internkontrollplan', 'internal_control', 'committee', 'reviewer'),
    ],
  },
];

@Injectable()
export class DemoTemplatesSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: TemplatesRepository,
  ) {}

  /** Once per database (seed_run marker), after the demo organisation. */
  async seedOnce(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await claimSeedRun(manager, 'demo-templates'))) return false;
      for (const template of DEMO_TEMPLATES) await this.insert(manager, template);
      this.logger.log(`Seeded ${DEMO_TEMPLATES.length} report templates`);
      return true;
    });
  }

  private async insert(manager: EntityManager, template: SeedTemplate): Promise<void> {
    const committeeId = await this.templates.committeeId(manager, template.municipality, template.committee);
    if (!committeeId) throw new Error(`Demo template ${template.name}: ${template.committee}, ${template.municipality} is missing`);
    const sections: TemplateSectionInput[] = [];
    for (const section of template.sections) {
      const unitIds: string[] = [];
      for (const name of section.unitNames ?? []) {
        const unitId = await this.templates.unitId(manager, committeeId, name);
        if (!unitId) throw new Error(`Demo template ${template.name}: unit ${name} is missing`);
        unitIds.push(unitId);
      }
      sections.push({ ...section, unitIds });
    }
    const checked = checkTemplateSections(sections);
    if (!checked.ok) throw new Error(`Demo template ${template.name} is invalid: ${checked.errors.join('; ')}`);
    const templateId = await this.templates.insert(manager, committeeId, { name: template.name, reportKind: template.reportKind, active: true });
    await this.templates.insertSections(manager, templateId, checked.sections);
  }
}
