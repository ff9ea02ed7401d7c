import type { RoleAssignmentDto } from '@rapportflode/api-contract';
import { meetingCommittees } from './meeting-committees';

const role = (
  r: RoleAssignmentDto['role'],
  committeeId: string | null,
  scopeName: string,
  unitId: string | null = null,
): RoleAssignmentDto => ({ id: `${r}-${committeeId}`, role: r, committeeId, unitId, scopeName });
const organisation = [
  { id: 'c1', name: 'Socialnämnden', municipality: 'Gnesta kommun' },
  { id: 'c2', name: 'Barn- och utbildningsnämnden', municipality: 'Gnesta kommun' },
];

describe('meetingCommittees', () => {
  it('lists the nämnder of the roles that read meetings, named from the organisation', () => {
    const user = {
      roles: [
        role('secretary', 'c1', 'Socialnämnden, Gnesta kommun'),
        role('unit_head', 'c2', 'Skola (Barn- och utbildningsnämnden)', 'u1'),
      ],
    };
    expect(meetingCommittees(user, organisation, [])).toEqual([
      { id: 'c1', name: 'Socialnämnden', municipality: 'Gnesta kommun' },
    ]);
  });

  it('gives a role over the whole installation every nämnd, in Swedish order', () => {
    const user = { roles: [role('director', null, 'Hela installationen')] };
    expect(meetingCommittees(user, organisation, []).map((c) => c.name)).toEqual([
      'Barn- och utbildningsnämnden',
      'Socialnämnden',
    ]);
  });

  it('names a member’s nämnd from their meetings when the organisation cannot be read', () => {
    const user = { roles: [role('member', 'c1', 'Socialnämnden, Gnesta kommun')] };
    expect(meetingCommittees(user, null, [{ committeeId: 'c1', committeeName: 'Socialnämnden' }])).toEqual([
      { id: 'c1', name: 'Socialnämnden', municipality: null },
    ]);
    expect(
      meetingCommittees({ roles: [] }, null, [{ committeeId: 'c2', committeeName: 'Barn- och utbildningsnämnden' }]),
    ).toEqual([{ id: 'c2', name: 'Barn- och utbildningsnämnden', municipality: null }]);
  });
});
