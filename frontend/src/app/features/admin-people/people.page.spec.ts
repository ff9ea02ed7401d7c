import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { API_PATHS, type CommitteeDto, type UserDto } from '@rapportflode/api-contract';
import type { Action, OrganisationUnitNode } from '@rapportflode/domain';
import { AuthService } from '../../core/auth.service';
import { PeoplePage, roleText, scopeOptionGroups, sessionsRevokedText } from './people.page';

const unit = (
  id: string,
  name: string,
  children: OrganisationUnitNode[] = [],
  active = true,
): OrganisationUnitNode => ({
  id,
  name,
  kind: children.length ? 'administration' : 'unit',
  code: null,
  active,
  children,
});

const committees: CommitteeDto[] = [
  {
    id: 'gnesta',
    municipality: 'Gnesta kommun',
    name: 'Socialnämnden',
    diaryPrefix: 'SN',
    units: [
      unit('sf', 'Socialförvaltningen', [
        unit('sov', 'Stöd och vägledning', [unit('vux', 'Vuxenutbildning'), unit('old', 'Nedlagd enhet', [], false)]),
      ]),
    ],
  },
  {
    id: 'nacka',
    municipality: 'Nacka kommun',
    name: 'Socialnämnden',
    diaryPrefix: null,
    units: [unit('omsorg', 'Omsorgsenheten')],
  },
];

const labels = (groups: ReturnType<typeof scopeOptionGroups>) =>
  groups.map((group) => [group.label, group.options.map((option) => option.label)]);

describe('where a role can be given (the Var menu of the people page)', () => {
  it('offers an installation-wide administrator the whole installation, each committee and each active unit indented by depth', () => {
    const groups = scopeOptionGroups(committees, [{ role: 'admin', committeeId: null, unitId: null }]);
    expect(labels(groups)).toEqual([
      [null, ['Hela installationen']],
      [
        'Socialnämnden, Gnesta kommun',
        [
          'Socialnämnden, Gnesta kommun (hela nämnden)',
          '— Socialförvaltningen',
          '— — Stöd och vägledning',
          '— — — Vuxenutbildning',
        ],
      ],
      ['Socialnämnden, Nacka kommun', ['Socialnämnden, Nacka kommun (hela nämnden)', '— Omsorgsenheten']],
    ]);
    const vux = groups[1].options[3];
    expect(vux).toMatchObject({ committeeId: 'gnesta', unitId: 'vux' });
    expect(groups[1].options[0]).toMatchObject({ committeeId: 'gnesta', unitId: null });
    expect(groups[0].options[0]).toMatchObject({ committeeId: null, unitId: null });
  });

  it('offers a committee administrator only their own committee, not the whole installation', () => {
    const groups = scopeOptionGroups(committees, [
      { role: 'admin', committeeId: 'nacka', unitId: null },
      // Installation-wide, but a role that does not manage roles.
      { role: 'reader', committeeId: null, unitId: null },
    ]);
    expect(labels(groups)).toEqual([
      ['Socialnämnden, Nacka kommun', ['Socialnämnden, Nacka kommun (hela nämnden)', '— Omsorgsenheten']],
    ]);
  });

  it('offers nothing to someone who does not manage roles', () => {
    expect(scopeOptionGroups(committees, [{ role: 'director', committeeId: 'gnesta', unitId: null }])).toEqual([]);
  });
});

describe('texts of the people page', () => {
  it('shows a role with where it holds, and how many sessions ended', () => {
    expect(roleText({ role: 'unit_head', scopeName: 'Vuxenutbildning (Socialnämnden, Gnesta kommun)' })).toBe(
      'Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun)',
    );
    expect(sessionsRevokedText(3)).toBe('3 sessioner avslutades.');
    expect(sessionsRevokedText(1)).toBe('1 session avslutades.');
    expect(sessionsRevokedText(0)).toBe('0 sessioner avslutades.');
  });
});

describe('the people page', () => {
  const anna: UserDto = {
    id: 'anna',
    name: 'Anna Andersson',
    email: 'anna@gnesta.se',
    title: 'Enhetschef',
    active: true,
    hasPassword: true,
    roles: [
      {
        id: 'r1',
        role: 'unit_head',
        committeeId: 'gnesta',
        unitId: 'vux',
        scopeName: 'Vuxenutbildning (Socialnämnden, Gnesta kommun)',
      },
    ],
  };

  function setUp(actions: Action[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            user: signal({ roles: [{ role: 'admin', committeeId: null, unitId: null }] }),
            can: (action: Action) => actions.includes(action),
          },
        },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PeoplePage);
    // Requests stay pending until answered, so whenStable would wait for them: tick instead.
    TestBed.tick();
    const root: HTMLElement = fixture.nativeElement;
    const buttonNamed = (name: string) =>
      root.querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement | null;
    return { http, fixture, root, buttonNamed };
  }

  it('lets an administrator manage a person, naming each button after the person', async () => {
    const { http, fixture, root, buttonNamed } = setUp(['users.read', 'users.manage', 'roles.manage']);
    http.expectOne(API_PATHS.users).flush({ users: [anna] });
    http.expectOne(API_PATHS.organisation).flush({ committees });
    await fixture.whenStable();

    const row = root.querySelector('tbody tr') as HTMLElement;
    expect(row.querySelector('th[scope="row"]')?.textContent?.trim()).toBe('Anna Andersson');
    expect(row.textContent).toContain('Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun)');
    expect(row.textContent).toContain('Aktiv');
    expect(
      buttonNamed('Ta bort rollen Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun) från Anna Andersson'),
    ).not.toBeNull();
    expect(buttonNamed('Ge roll till Anna Andersson')).not.toBeNull();
    expect(buttonNamed('Inaktivera Anna Andersson')).not.toBeNull();
    const scopes = Array.from(row.querySelectorAll('select[name="scope"] option')).map((option) =>
      option.textContent?.trim(),
    );
    expect(scopes).toContain('Hela installationen');
    expect(scopes).toContain('— — — Vuxenutbildning');
    expect(root.textContent).toContain('Ny person');

    buttonNamed('Logga ut överallt: Anna Andersson')?.click();
    http.expectOne({ method: 'DELETE', url: `${API_PATHS.users}/anna/sessions` }).flush({ revoked: 2 });
    await Promise.resolve();
    TestBed.tick();
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe('2 sessioner avslutades.');
    // The list is fetched again after the change.
    http.expectOne(API_PATHS.users).flush({ users: [anna] });
    http.verify();
  });

  it('gives a role where the administrator chose, and says so', async () => {
    const { http, fixture, root, buttonNamed } = setUp(['users.read', 'users.manage', 'roles.manage']);
    http.expectOne(API_PATHS.users).flush({ users: [{ ...anna, roles: [] }] });
    http.expectOne(API_PATHS.organisation).flush({ committees });
    await fixture.whenStable();

    const choose = (name: string, text: string) => {
      const select = root.querySelector(`select[name="${name}"]`) as HTMLSelectElement;
      select.value = Array.from(select.options).find((option) => option.textContent?.trim() === text)?.value ?? '';
    };
    choose('role', 'Förvaltningsekonom');
    choose('scope', 'Socialnämnden, Nacka kommun (hela nämnden)');
    buttonNamed('Ge roll till Anna Andersson')?.click();
    const request = http.expectOne({ method: 'POST', url: `${API_PATHS.users}/anna/roles` });
    expect(request.request.body).toEqual({ role: 'economist', committeeId: 'nacka', unitId: null });
    request.flush({
      ...anna,
      roles: [
        { id: 'r2', role: 'economist', committeeId: 'nacka', unitId: null, scopeName: 'Socialnämnden, Nacka kommun' },
      ],
    });
    await Promise.resolve();
    TestBed.tick();
    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Anna Andersson fick rollen Förvaltningsekonom – Socialnämnden, Nacka kommun.',
    );
    http.expectOne(API_PATHS.users);
  });

  it('shows only the list to someone who may read but not change', async () => {
    const { http, fixture, root } = setUp(['users.read']);
    http.expectOne(API_PATHS.users).flush({ users: [anna] });
    http.expectNone(API_PATHS.organisation);
    await fixture.whenStable();

    expect(root.querySelector('tbody tr')?.textContent).toContain('Anna Andersson');
    expect(root.querySelectorAll('tbody button')).toHaveLength(0);
    expect(root.querySelector('form')).toBeNull();
  });
});
