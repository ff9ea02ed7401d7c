import type { CommitteeDto } from '@rapportflode/api-contract';
import type { OrganisationUnitNode } from '@rapportflode/domain';
import { roleText, scopeOptionGroups, sessionsRevokedText } from './people.page';

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
