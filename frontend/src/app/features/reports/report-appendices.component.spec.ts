import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { ReportAppendixListResponse } from '@rapportflode/api-contract';
import { Observable, of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { ApiClient } from '../../core/api-client';
import { nextVersionText, pagesText, ReportAppendicesComponent } from './report-appendices.component';

const LIST: ReportAppendixListResponse = {
  nextVersion: 1,
  versions: [],
  appendices: [
    { id: 'a1', position: 1, title: 'Revisionsrapport', fileName: 'revision.pdf', pages: 12, size: 1000, uploadedAt: '2026-09-01T10:00:00.000Z' },
    { id: 'a2', position: 2, title: 'Nyckeltal', fileName: 'nyckeltal.pdf', pages: 1, size: 500, uploadedAt: '2026-09-01T10:05:00.000Z' },
  ],
};

describe('ReportAppendicesComponent (Bilagor on the report page)', () => {
  async function render(list: ReportAppendixListResponse, canEdit = true, answer?: (path: string, body: unknown) => Observable<unknown>) {
    const calls: Array<{ path: string; body: unknown }> = [];
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        {
          provide: ApiClient,
          useValue: {
            call: (endpoint: { method: string; path: string }, _params: unknown, body?: unknown) => {
              calls.push({ path: `${endpoint.method} ${endpoint.path}`, body });
              if (endpoint.method === 'GET') return of(list);
              return answer ? answer(endpoint.path, body) : of(list);
            },
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ReportAppendicesComponent);
    fixture.componentRef.setInput('cycleId', 'c1');
    fixture.componentRef.setInput('canEdit', canEdit);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement, calls };
  }

  it('lists the bilagor in order with their files and pages, and offers moves only where they can go', async () => {
    const { root } = await render(LIST);
    expect(Array.from(root.querySelectorAll('#appendix-list > li > a')).map((a) => a.textContent?.trim())).toEqual(['Revisionsrapport', 'Nyckeltal']);
    expect(root.querySelector('#appendix-list')?.textContent).toContain('(revision.pdf, 12 sidor)');
    expect(root.querySelector<HTMLButtonElement>('#appendix-up-a1')?.disabled).toBe(true);
    expect(root.querySelector<HTMLButtonElement>('#appendix-down-a1')?.disabled).toBe(false);
    expect(root.querySelector<HTMLButtonElement>('#appendix-down-a2')?.disabled).toBe(true);
    expect(pagesText(1)).toBe('1 sida');
  });

  it('sends a move and a removal, and says what happened', async () => {
    const { fixture, root, calls } = await render(LIST);
    root.querySelector<HTMLButtonElement>('#appendix-down-a1')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(calls.at(-1)).toEqual({ path: 'PUT /cycles/:cycleId/report/appendices/:appendixId', body: { position: 2 } });
    expect(root.querySelector('#appendix-status')?.textContent).toContain('"Revisionsrapport" är nu bilaga 2 av de uppladdade.');
    root.querySelector<HTMLButtonElement>('#appendix-remove-a2')!.click();
    await fixture.whenStable();
    expect(calls.at(-1)?.path).toBe('POST /cycles/:cycleId/report/appendices/:appendixId/delete');
  });

  it('refuses a file that is not a PDF before sending it, and shows the server’s Swedish refusal', async () => {
    const refusal = new HttpErrorResponse({ status: 400, error: { statusCode: 400, code: 'appendix_title_invalid', message: 'Ge bilagan en rubrik på högst 300 tecken.' } });
    const { fixture, root, calls } = await render(LIST, true, () => throwError(() => refusal));
    const input = root.querySelector<HTMLInputElement>('#appendix-file')!;
    const notPdf = new File(['hej'], 'anteckning.txt', { type: 'text/plain' });
    Object.defineProperty(input, 'files', { value: [notPdf] });
    input.dispatchEvent(new Event('change'));
    root.querySelector<HTMLFormElement>('form.upload')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('#appendix-errors')?.textContent).toContain('Bilagan måste vara en PDF-fil.');
    expect(calls.filter((c) => c.path.startsWith('POST'))).toEqual([]);
    root.querySelector<HTMLButtonElement>('#appendix-rename-a1')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('#appendix-errors')?.textContent).toContain('Ge bilagan en rubrik på högst 300 tecken.');
  });

  it('after a freeze says which version the list goes into, shows what version 1 holds, and keeps the list editable', async () => {
    const frozen: ReportAppendixListResponse = {
      nextVersion: 2,
      versions: [{ version: 1, appendices: [{ ...LIST.appendices[0], title: 'Revisionsrapport (v1)' }] }],
      appendices: [LIST.appendices[0], { id: 'b1', position: 2, title: 'Ny bilaga', fileName: 'ny.pdf', pages: 3, size: 700, uploadedAt: '2026-09-02T10:00:00.000Z' }],
    };
    const { fixture, root, calls } = await render(frozen);
    expect(root.querySelector('#appendices-next-version')?.textContent?.trim()).toBe(
      'Bilagorna i listan kommer med i version 2 när den fastställs. Version 1 behåller de bilagor den fastställdes med.',
    );
    const v1 = root.querySelector('#appendices-version-1');
    expect(v1?.textContent).toContain('Version 1 har bilagan:');
    expect(Array.from(v1?.querySelectorAll('li > a') ?? []).map((a) => a.textContent?.trim())).toEqual(['Revisionsrapport (v1)']);
    expect(v1?.querySelector('a')?.getAttribute('href')).toBe('/api/cycles/c1/report/appendices/a1/file');
    expect(Array.from(root.querySelectorAll('#appendix-list > li > a')).map((a) => a.textContent?.trim())).toEqual(['Revisionsrapport', 'Ny bilaga']);
    expect(root.querySelector('#appendix-upload')).not.toBeNull();
    // Removing a bilaga version 1 holds says its file stays for version 1; another is simply removed.
    root.querySelector<HTMLButtonElement>('#appendix-remove-a1')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(calls.at(-1)?.path).toBe('POST /cycles/:cycleId/report/appendices/:appendixId/delete');
    expect(root.querySelector('#appendix-status')?.textContent).toContain('"Revisionsrapport" togs bort ur listan. Filen finns kvar i version 1.');
    root.querySelector<HTMLButtonElement>('#appendix-remove-b1')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('#appendix-status')?.textContent).toContain('"Ny bilaga" togs bort.');
  });

  it('names a frozen version without uploaded bilagor, and no version before the first freeze', async () => {
    const { root } = await render({ ...LIST, nextVersion: 3, versions: [{ version: 1, appendices: [] }, { version: 2, appendices: [] }] });
    expect(root.querySelector('#appendices-version-1')?.textContent).toContain('Version 1 har inga uppladdade bilagor.');
    expect(root.querySelector('#appendices-next-version')?.textContent).toContain('kommer med i version 3 när den fastställs. Version 1 och 2 behåller de bilagor de fastställdes med.');
    TestBed.resetTestingModule();
    const before = await render(LIST);
    expect(before.root.querySelector('#appendices-next-version')).toBeNull();
    expect(before.root.querySelector('[id^="appendices-version-"]')).toBeNull();
    expect(nextVersionText({ nextVersion: 4, versions: [1, 2, 3].map((version) => ({ version, appendices: [] })) })).toContain('Version 1, 2 och 3 behåller');
  });
});
