import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API_PATHS, ImportResponse } from '@rapportflode/api-contract';
import { ImportPage, importSummaryText } from './import.page';

const preview = (overrides: Partial<ImportResponse> = {}): ImportResponse => ({
  committed: false,
  fileName: 'organisation.csv',
  encoding: 'windows-1252',
  rows: [
    {
      line: 2,
      municipality: 'Gnesta kommun',
      committee: 'Socialnämnden',
      path: ['Socialförvaltningen', 'Stöd och vägledning', 'Vuxenutbildning'],
      kind: 'unit',
      person: { name: 'Anna Andersson', email: 'anna@gnesta.se', title: null, role: 'unit_head' },
      effect: 'Ny enhet, Ny person, Får rollen Enhetschef',
    },
  ],
  errors: [],
  summary: { committees: 0, units: 1, users: 1, roles: 1 },
  ...overrides,
});

async function setUp() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(ImportPage);
  await fixture.whenStable();
  const root: HTMLElement = fixture.nativeElement;
  const input = root.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['Kommun;Nämnd\n'], 'organisation.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: { 0: file, length: 1, item: () => file } });
  input.dispatchEvent(new Event('change'));
  await fixture.whenStable();
  const button = (name: string) =>
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as
      | HTMLButtonElement
      | undefined;
  return { http, fixture, root, button };
}

describe('the import page', () => {
  it('sums up what an import creates, in Swedish', () => {
    expect(importSummaryText({ committees: 2, units: 14, users: 3, roles: 5 })).toBe(
      '2 nya nämnder, 14 nya enheter, 3 nya personer, 5 nya roller',
    );
    expect(importSummaryText({ committees: 1, units: 1, users: 1, roles: 0 })).toBe(
      '1 ny nämnd, 1 ny enhet, 1 ny person, 0 nya roller',
    );
  });

  it('shows the errors of a file and does not let it be imported', async () => {
    const { http, fixture, root, button } = await setUp();
    button('Förhandsgranska')?.click();
    http
      .expectOne(`${API_PATHS.organisationImport}?dryRun=true`)
      .flush(preview({ errors: [{ line: 3, column: 'E-post', message: 'E-postadressen "anna@" är inte giltig.' }] }));
    await fixture.whenStable();

    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Filen innehåller 1 fel. Inget importeras förrän de är rättade.',
    );
    const errorTable = root.querySelector('table[aria-labelledby="errors-heading"]');
    expect(errorTable?.querySelector('tbody tr')?.textContent).toContain('E-postadressen "anna@" är inte giltig.');
    expect(button('Importera')?.disabled).toBe(true);
    http.verify();
  });

  it('previews a correct file row by row, then imports it and says what was created', async () => {
    const { http, fixture, root, button } = await setUp();
    button('Förhandsgranska')?.click();
    http.expectOne(`${API_PATHS.organisationImport}?dryRun=true`).flush(preview());
    await fixture.whenStable();

    const cells = Array.from(root.querySelectorAll('table[aria-labelledby="rows-heading"] tbody td')).map((td) =>
      td.textContent?.trim(),
    );
    expect(cells).toEqual([
      '2',
      'Socialnämnden, Gnesta kommun',
      'Socialförvaltningen / Stöd och vägledning / Vuxenutbildning',
      'Enhet',
      'Anna Andersson (anna@gnesta.se)',
      'Enhetschef',
      'Ny enhet, Ny person, Får rollen Enhetschef',
    ]);
    const importButton = button('Importera') as HTMLButtonElement;
    expect(importButton.disabled).toBe(false);

    importButton.click();
    http.expectOne(`${API_PATHS.organisationImport}?dryRun=false`).flush(preview({ committed: true }));
    await fixture.whenStable();
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Importen är klar: 0 nya nämnder, 1 ny enhet, 1 ny person, 1 ny roll.',
    );
    expect(button('Importera')).toBeUndefined();
    http.verify();
  });
});
