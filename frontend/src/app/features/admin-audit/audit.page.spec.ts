import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API_PATHS, AuditListResponse } from '@rapportflode/api-contract';
import { AuditPage, auditActionLabel, auditFilterFor, auditSubject, stockholmDayStart } from './audit.page';

describe('the audit log page', () => {
  it('names the events in Swedish and shows an unknown code as it is', () => {
    expect(auditActionLabel('unit.move')).toBe('Enhet flyttad');
    expect(auditActionLabel('user.sessions_revoke')).toBe('Sessioner avslutade');
    expect(auditActionLabel('auth.sign_in')).toBe('Inloggning');
    expect(auditActionLabel('report.approve')).toBe('report.approve');
    expect(auditActionLabel('toString')).toBe('toString');
  });

  it('says in a few words what an event is about', () => {
    expect(auditSubject({ entityType: 'user', before: null, after: { name: 'Anna Andersson', email: 'a@x.se' } })).toBe(
      'Person – Anna Andersson',
    );
    expect(
      auditSubject({ entityType: 'role_assignment', before: { role: 'unit_head', userId: 'u' }, after: null }),
    ).toBe('Roll – Enhetschef');
    expect(
      auditSubject({
        entityType: 'committee',
        before: null,
        after: { name: 'Socialnämnden', municipality: 'Gnesta kommun' },
      }),
    ).toBe('Nämnd – Socialnämnden, Gnesta kommun');
    expect(auditSubject({ entityType: 'user', before: null, after: { revoked: 1 } })).toBe('Person – 1 session');
    expect(auditSubject({ entityType: 'user', before: null, after: null })).toBe('Person');
  });

  it('filters whole days in Stockholm time, the Till day included', () => {
    expect(stockholmDayStart('2021-09-24')).toBe('2021-09-23T22:00:00.000Z'); // summer time
    expect(stockholmDayStart('2021-01-15')).toBe('2021-01-14T23:00:00.000Z'); // winter time
    expect(stockholmDayStart('2021-03-28')).toBe('2021-03-27T23:00:00.000Z'); // the day clocks go forward
    expect(auditFilterFor('unit', '2021-09-01', '2021-09-30')).toEqual({
      entityType: 'unit',
      from: '2021-08-31T22:00:00.000Z',
      to: '2021-09-30T22:00:00.000Z',
      page: 1,
    });
    expect(auditFilterFor('', '', '')).toEqual({ entityType: undefined, from: undefined, to: undefined, page: 1 });
  });

  it('lists the events with who did what, the total and the page count', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AuditPage);
    // The resource's request is pending until answered, so whenStable would wait for it: tick instead.
    TestBed.tick();
    const response: AuditListResponse = {
      events: [
        {
          id: '2',
          occurredAt: '2021-09-24T06:00:00Z',
          actor: { id: 'a', name: 'Sara Admin' },
          action: 'unit.create',
          entityType: 'unit',
          entityId: 'u1',
          before: null,
          after: { name: 'Vuxenutbildning' },
        },
        {
          id: '1',
          occurredAt: '2021-09-23T06:00:00Z',
          actor: null,
          action: 'user.password_reset_requested',
          entityType: 'user',
          entityId: 'u2',
          before: null,
          after: null,
        },
      ],
      page: 1,
      pageSize: 50,
      total: 120,
    };
    http.expectOne((req) => req.url === API_PATHS.audit && req.params.get('page') === '1').flush(response);
    await fixture.whenStable();

    const root: HTMLElement = fixture.nativeElement;
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe('120 händelser');
    expect(root.textContent).toContain('Sida 1 av 3');
    const rows = Array.from(root.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, 4)
        .map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2021-09-24 08:00', 'Sara Admin', 'Enhet skapad', 'Enhet – Vuxenutbildning'],
      ['2021-09-23 08:00', 'System', 'Lösenordsåterställning begärd', 'Person'],
    ]);
    const buttons = Array.from(root.querySelectorAll('button'));
    const next = buttons.find((button) => button.textContent?.trim() === 'Nästa') as HTMLButtonElement;
    expect(buttons.find((button) => button.textContent?.trim() === 'Föregående')?.disabled).toBe(true);
    next.click();
    TestBed.tick();
    http.expectOne((req) => req.url === API_PATHS.audit && req.params.get('page') === '2');
    http.verify();
  });
});
