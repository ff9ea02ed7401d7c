import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { checkEconomyConfig, type EconomyTableConfig } from '@rapportflode/domain';
import { EconomyLayoutComponent } from './economy-layout.component';
import {
  addColumnGroup,
  moveEconomyColumn,
  removeColumnGroup,
  renameColumnGroup,
  setColumnGroup,
  withEconomyColumn,
  withEconomyOptions,
} from './economy-layout';

const MINUS = '\u2212';

describe('the economy layout in the template editor', () => {
  const base: EconomyTableConfig = { unit: 'tkr', columns: ['net', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'] };

  it('moves a column and keeps the order it is given, a new column going where it is usually printed', () => {
    const moved = moveEconomyColumn(base, 'budget_net', -1);
    expect(moved.columns).toEqual(['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation']);
    expect(moveEconomyColumn(moved, 'budget_net', -1)).toBe(moved);
    const withIncome = withEconomyColumn(moved, 'income', true);
    expect(withIncome.columns).toEqual(['income', 'budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation']);
    const check = checkEconomyConfig(withIncome);
    expect(check.ok && check.config.columns).toEqual(withIncome.columns);
  });

  it('builds groups the check accepts, and takes a removed column out of its group', () => {
    let config = addColumnGroup(addColumnGroup(base));
    config = renameColumnGroup(renameColumnGroup(config, 0, 'Perioden'), 1, 'Helår');
    for (const column of ['net', 'budget_net', 'budget_deviation'] as const) config = setColumnGroup(config, column, 0);
    for (const column of ['forecast_deviation', 'annual_budget', 'forecast'] as const) config = setColumnGroup(config, column, 1);
    expect(config.groups).toEqual([
      { label: 'Perioden', columns: ['net', 'budget_net', 'budget_deviation'] },
      { label: 'Helår', columns: ['annual_budget', 'forecast', 'forecast_deviation'] },
    ]);
    expect(checkEconomyConfig(config)).toEqual({ ok: true, config });
    const without = withEconomyColumn(config, 'forecast_deviation', false);
    expect(without.groups?.[1]).toEqual({ label: 'Helår', columns: ['annual_budget', 'forecast'] });
    expect(setColumnGroup(config, 'net', null).groups?.[0].columns).toEqual(['budget_net', 'budget_deviation']);
    expect(removeColumnGroup(removeColumnGroup(config, 0), 0)).toEqual(base);
  });

  it('leaves out options at their default, and decimals in tkr', () => {
    const set = withEconomyOptions({ ...base, unit: 'mnkr' }, { signs: 'costs_positive', decimals: 2, totalLabel: ' Summa nämnden ', rowHeading: 'Kostnadsslag', subtotalPosition: 'below' });
    expect(set).toEqual({ ...base, unit: 'mnkr', signs: 'costs_positive', decimals: 2, totalLabel: 'Summa nämnden', rowHeading: 'Kostnadsslag', subtotalPosition: 'below' });
    expect(withEconomyOptions(set, { unit: 'tkr', signs: 'net_cost_negative', totalLabel: 'Summa', rowHeading: '', subtotalPosition: 'above' })).toEqual(base);
  });
});

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EconomyLayoutComponent],
  template: `<rf-economy-layout id="s1" [config]="config()" (configChange)="config.set($event)" />`,
})
class HostComponent {
  readonly config = signal<EconomyTableConfig>({
    unit: 'mnkr',
    columns: ['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
    groups: [
      { label: 'Perioden', columns: ['budget_net', 'net', 'budget_deviation'] },
      { label: 'Helår', columns: ['annual_budget', 'forecast', 'forecast_deviation'] },
    ],
  });
}

describe('EconomyLayoutComponent', () => {
  async function host() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }
  const change = async (fixture: { whenStable: () => Promise<unknown> }, element: HTMLInputElement | HTMLSelectElement, value: string) => {
    element.value = value;
    element.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };

  it('shows the printed table with the group row and follows the sign, decimals and total label chosen', async () => {
    const { fixture, root } = await host();
    const preview = () => root.querySelector('#s1-economy-preview') as HTMLElement;
    expect(Array.from(preview().querySelectorAll('tr.group th')).map((th) => [th.textContent?.trim(), th.getAttribute('colspan')])).toEqual([
      ['Perioden', '3'],
      ['Helår', '3'],
    ]);
    expect(preview().textContent).toContain('Negativa belopp är nettokostnader.');
    await change(fixture, root.querySelector('#s1-economy-signs') as HTMLSelectElement, 'costs_positive');
    await change(fixture, root.querySelector('#s1-economy-decimals') as HTMLSelectElement, '2');
    await change(fixture, root.querySelector('#s1-economy-total-label') as HTMLInputElement, 'Summa nettokostnad');
    await change(fixture, root.querySelector('#s1-economy-row-heading') as HTMLInputElement, 'Kostnadsslag');
    expect(fixture.componentInstance.config()).toMatchObject({ signs: 'costs_positive', decimals: 2, totalLabel: 'Summa nettokostnad', rowHeading: 'Kostnadsslag' });
    expect(preview().textContent).toContain('Kostnader och nettokostnader anges med positiva belopp; en positiv avvikelse är bättre än budget.');
    const total = preview().querySelector('tr.total') as HTMLElement;
    expect(total.querySelector('th')?.textContent?.trim()).toBe('Summa nettokostnad');
    // Net costs positive, two decimals: the sample's budget netto is positive.
    expect(total.querySelectorAll('td')[0].textContent?.trim()).toMatch(/^\d+,\d\d$/);
    expect(preview().querySelector('thead tr:last-child th')?.textContent?.trim()).toBe('Kostnadsslag');
  });

  it('moves a column with its buttons and with Alt+arrow, focus staying on the moved column', async () => {
    const { fixture, root } = await host();
    (root.querySelector('#s1-economy-down-budget_net') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(fixture.componentInstance.config().columns.slice(0, 2)).toEqual(['net', 'budget_net']);
    expect(document.activeElement?.id).toBe('s1-economy-down-budget_net');
    const row = (root.querySelector('#s1-economy-include-budget_net') as HTMLElement).closest('tr') as HTMLElement;
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    await fixture.whenStable();
    expect(fixture.componentInstance.config().columns.slice(0, 2)).toEqual(['budget_net', 'net']);
    const table = root.querySelector('#s1-economy-columns') as HTMLElement;
    expect(Array.from(table.querySelectorAll('tbody th')).slice(0, 3).map((th) => th.textContent?.trim())).toEqual(['Budget netto', 'Utfall netto', 'Budgetavvikelse']);
  });

  it('prints figures of the sample with the Swedish minus in the default convention', async () => {
    const { root } = await host();
    const cells = Array.from(root.querySelectorAll('#s1-economy-preview tbody td')).map((td) => td.textContent?.trim() ?? '');
    expect(cells.some((text) => text.startsWith(MINUS))).toBe(true);
  });
});
