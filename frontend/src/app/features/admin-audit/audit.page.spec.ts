import { auditActionLabel, auditFilterFor, auditSubject, stockholmDayStart } from './audit.page';

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
});
