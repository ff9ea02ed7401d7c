import { TestBed } from '@angular/core/testing';
import { checkSectionConfig, type InternalControlConfig } from '@rapportflode/domain';
import { ControlLayoutComponent } from './control-layout.component';

describe('ControlLayoutComponent (internal control in the template editor)', () => {
  async function layout(config: InternalControlConfig | null) {
    const fixture = TestBed.createComponent(ControlLayoutComponent);
    fixture.componentRef.setInput('id', 'ik');
    fixture.componentRef.setInput('config', config);
    const sent: InternalControlConfig[] = [];
    fixture.componentInstance.configChange.subscribe((c) => {
      sent.push(c);
      fixture.componentRef.setInput('config', c);
    });
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, sent };
  }
  const change = (root: HTMLElement, selector: string, value: string | boolean) => {
    const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (!el) throw new Error(`no ${selector}`);
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
    else el.value = value;
    el.dispatchEvent(new Event('change'));
  };

  it('shows today’s layout for a section without settings and sends only what differs from it', async () => {
    const { fixture, root, sent } = await layout(null);
    expect(root.querySelector<HTMLSelectElement>('#ik-ic-layout')?.value).toBe('plan');
    change(root, '#ik-ic-layout', 'audit_recommendations');
    await fixture.whenStable();
    change(root, '#ik-ic-hide-empty', true);
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('#ik-ic-add-status')?.click();
    await fixture.whenStable();
    change(root, '#ik-ic-status-0', 'Troligen klart i år');
    await fixture.whenStable();
    const last = sent[sent.length - 1];
    expect(last).toEqual({ layout: 'audit_recommendations', hideEmptyColumns: true, statuses: [{ key: 'status-1', label: 'Troligen klart i år' }] });
    expect(checkSectionConfig('internal_control', { internalControl: last }).ok).toBe(true);
    change(root, '#ik-ic-layout', 'plan');
    await fixture.whenStable();
    expect(sent[sent.length - 1]).toEqual({ hideEmptyColumns: true, statuses: [{ key: 'status-1', label: 'Troligen klart i år' }] });
  });

  it('adds control results for the plan, and offers them only with the plan', async () => {
    const { fixture, root, sent } = await layout(null);
    root.querySelector<HTMLButtonElement>('#ik-ic-add-result')?.click();
    await fixture.whenStable();
    change(root, '#ik-ic-result-0', 'Delvis genomförd');
    await fixture.whenStable();
    expect(sent[sent.length - 1]).toEqual({ results: [{ key: 'resultat-1', label: 'Delvis genomförd' }] });
    change(root, '#ik-ic-layout', 'systematic_controls');
    await fixture.whenStable();
    expect(root.querySelector('#ik-ic-add-result')).toBeNull();
  });

  it('keeps the hand-in rule it does not show', async () => {
    const { fixture, root, sent } = await layout({ requireResults: true });
    change(root, '#ik-ic-risk-groups', 'tables');
    await fixture.whenStable();
    expect(sent).toEqual([{ requireResults: true, riskGroups: 'tables' }]);
  });

  it('offers the risk groups as heading rows inside the table, and the first column again as the default', async () => {
    const { fixture, root, sent } = await layout(null);
    const options = Array.from(root.querySelectorAll<HTMLOptionElement>('#ik-ic-risk-groups option')).map((o) => o.textContent?.trim());
    expect(options).toEqual(['Som första kolumn', 'En tabell per rubrik', 'Som rubrikrad i tabellen']);
    change(root, '#ik-ic-risk-groups', 'rows');
    await fixture.whenStable();
    expect(sent[sent.length - 1]).toEqual({ riskGroups: 'rows' });
    fixture.componentRef.setInput('config', { riskGroups: 'rows' });
    await fixture.whenStable();
    expect(root.querySelector<HTMLSelectElement>('#ik-ic-risk-groups')?.value).toBe('rows');
    change(root, '#ik-ic-risk-groups', 'column');
    await fixture.whenStable();
    expect(sent[sent.length - 1]).toEqual({});
  });
});
