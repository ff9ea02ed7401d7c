import { TestBed } from '@angular/core/testing';
import { OrganisationUnitNode } from '@rapportflode/domain';
import { OrganisationTreeComponent } from './organisation-tree.component';

const node = (name: string, kind: OrganisationUnitNode['kind'], children: OrganisationUnitNode[] = [], code: string | null = null) => ({
  id: name,
  name,
  kind,
  code,
  active: true,
  children,
});

describe('OrganisationTreeComponent', () => {
  it('shows every unit nested under its parent, with its Swedish kind and code', async () => {
    const fixture = TestBed.createComponent(OrganisationTreeComponent);
    fixture.componentRef.setInput('label', 'Organisationen under Socialnämnden');
    fixture.componentRef.setInput('nodes', [
      node('Socialförvaltningen', 'administration', [
        node('Stöd och vägledning', 'operating_area', [node('Vuxenutbildning', 'unit')], 'SoV'),
      ]),
    ]);
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;

    const tree = root.querySelector('ul[aria-label="Organisationen under Socialnämnden"]');
    expect(tree).not.toBeNull();
    const nested = root.querySelector('li[data-kind="operating_area"] li[data-kind="unit"] .name');
    expect(nested?.textContent?.trim()).toBe('Vuxenutbildning');
    const area = root.querySelector('li[data-kind="operating_area"] > .unit');
    expect(area?.textContent).toContain('SoV');
    expect(area?.textContent).toContain('Verksamhetsområde');
  });

  it('marks an inactive unit so nobody assigns work to it', async () => {
    const fixture = TestBed.createComponent(OrganisationTreeComponent);
    fixture.componentRef.setInput('nodes', [{ ...node('Omsorgsenheten', 'unit'), active: false }]);
    await fixture.whenStable();
    const item: HTMLElement = fixture.nativeElement.querySelector('li');
    expect(item.classList).toContain('inactive');
    expect(item.textContent).toContain('inaktiv');
  });
});
