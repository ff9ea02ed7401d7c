import type { EconomyContent, EconomyTableConfig, SectionConfig, TaskState } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import { EconomyInputs } from './economy-inputs';
import type { EconomyInputRow, EconomyInputsRepository } from './economy-inputs.repository';

const GNESTA: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'budget_deviation', 'forecast_deviation'] };
const MNKR: EconomyTableConfig = { unit: 'mnkr', columns: ['annual_budget', 'budget_deviation', 'forecast_deviation'] };

const table = (...rows: Array<[string, number, number, number]>): EconomyContent => ({
  type: 'economy',
  rows: rows.map(([label, budget, result, forecast], i) => ({
    key: `r${i + 1}`,
    label,
    values: { annual_budget: budget, budget_deviation: result, forecast_deviation: forecast },
  })),
});

let taskNumber = 0;
const task = (
  section: { id: string; title: string; config: EconomyTableConfig; parentKey?: string | null },
  unit: { id: string; name: string } | null,
  state: TaskState,
  content: EconomyContent | null,
): EconomyInputRow => ({
  task_id: `t${++taskNumber}`,
  section_id: section.id,
  section_title: section.title,
  section_config: { economy: section.config } as SectionConfig,
  parent_key: section.parentKey ?? null,
  unit_id: unit?.id ?? null,
  unit_name: unit?.name ?? null,
  state,
  content,
});

/** EconomyInputs over fixed rows, as the repository answers them (template order, then organisation order). */
function inputs(rows: EconomyInputRow[]): EconomyInputs {
  const repository = { byCycle: async () => rows, byTaskCycle: async () => rows } as unknown as EconomyInputsRepository;
  return new EconomyInputs(repository);
}

const manager = undefined as unknown as EntityManager;
const committeeSection = { id: 's-n', title: 'Nämndens resultat per augusti', config: GNESTA };
const unitSection = { id: 's-u', title: 'Ekonomi per enhet', config: GNESTA };
const vux = { id: 'u-vux', name: 'Vuxenutbildning' };
const stab = { id: 'u-stab', name: 'Stab' };

describe('EconomyInputs.approvedFigures (what the memo is checked against and a freeze keeps)', () => {
  it("reads the approved nämnd-level table's result and forecast per row and the total", async () => {
    const rows = [
      task(committeeSection, null, 'approved', table(['Socialnämnden', -26, 17, 20], ['Förvaltningsledning', -2800, -458, -503])),
      task(unitSection, vux, 'approved', table(['Vuxenutbildning', -100, -1686, -1700])),
    ];
    expect(await inputs(rows).approvedFigures('c', manager)).toEqual({
      rows: [
        { label: 'Socialnämnden', result: 17, forecast: 20 },
        { label: 'Förvaltningsledning', result: -458, forecast: -503 },
      ],
      total: { result: -441, forecast: -483 },
    });
  });

  it('converts a table in mnkr to tkr', async () => {
    const rows = [task({ ...committeeSection, config: MNKR }, null, 'approved', table(['Socialnämnden', -26, 1.5, -2.25]))];
    expect(await inputs(rows).approvedFigures('c', manager)).toEqual({
      rows: [{ label: 'Socialnämnden', result: 1500, forecast: -2250 }],
      total: { result: 1500, forecast: -2250 },
    });
  });

  it('without an approved nämnd-level table: the nämnd table computed from the approved unit tables only', async () => {
    const rows = [
      task(committeeSection, null, 'submitted', table(['Socialnämnden', -26, 17, 20])),
      task(unitSection, stab, 'approved', table(['Stab', -10, 4, 6], ['Kansli', -5, 1, 1])),
      task(unitSection, vux, 'draft', table(['Vuxenutbildning', -100, -1686, -1700])),
    ];
    expect(await inputs(rows).approvedFigures('c', manager)).toEqual({
      rows: [{ label: 'Stab', result: 5, forecast: 7 }],
      total: { result: 5, forecast: 7 },
    });
  });

  it('answers null when nothing is approved', async () => {
    const rows = [task(committeeSection, null, 'draft', table(['Socialnämnden', -26, 17, 20])), task(unitSection, vux, 'submitted', null)];
    expect(await inputs(rows).approvedFigures('c', manager)).toBeNull();
  });
});

describe('EconomyInputs.committeeTable (the nämnd table beside a nämnd-level economy task)', () => {
  it("takes the units of the sibling unit-level section first, and builds the table from the approved ones", async () => {
    const me = task({ ...committeeSection, parentKey: 'ekonomi' }, null, 'draft', null);
    const rows = [
      me,
      task({ id: 's-other', title: 'Investeringar per enhet', config: GNESTA, parentKey: null }, vux, 'approved', table(['Vuxenutbildning', 0, 1, 1])),
      task({ ...unitSection, parentKey: 'ekonomi' }, stab, 'approved', table(['Stab', -10, 4, 6])),
      task({ ...unitSection, parentKey: 'ekonomi' }, vux, 'draft', null),
    ];
    const found = await inputs(rows).committeeTable(me.task_id, manager);
    expect(found?.sectionTitle).toBe('Ekonomi per enhet');
    expect(found?.units).toEqual([
      { unitId: 'u-stab', unitName: 'Stab', state: 'approved' },
      { unitId: 'u-vux', unitName: 'Vuxenutbildning', state: 'draft' },
    ]);
    expect(found?.content.rows.map((r) => r.label)).toEqual(['Stab']);
  });

  it('is null for a unit-level task and without a unit-level section', async () => {
    const me = task(committeeSection, null, 'draft', null);
    const unit = task(unitSection, vux, 'draft', null);
    expect(await inputs([me, unit]).committeeTable(unit.task_id, manager)).toBeNull();
    expect(await inputs([me]).committeeTable(me.task_id, manager)).toBeNull();
  });
});
