import type { CommitteeDto, CurrentUserDto, MeetingSummaryDto } from '@rapportflode/api-contract';
import { scopesFor } from '@rapportflode/domain';

export interface MeetingCommittee {
  id: string;
  name: string;
  /** The nämnd's municipality when known. */
  municipality: string | null;
}

/**
 * The nämnder whose sammanträden the person may read: those of their roles with meeting.read
 * (every nämnd for a role over the whole installation), named from the organisation when it
 * could be read, else from the role's scope; and the nämnder of the meetings they are called to.
 */
export function meetingCommittees(
  user: Pick<CurrentUserDto, 'roles'> | null,
  organisation: readonly Pick<CommitteeDto, 'id' | 'name' | 'municipality'>[] | null,
  mine: readonly Pick<MeetingSummaryDto, 'committeeId' | 'committeeName'>[],
): MeetingCommittee[] {
  const found = new Map<string, MeetingCommittee>();
  const known = new Map((organisation ?? []).map((c) => [c.id, c]));
  for (const grant of scopesFor(user?.roles ?? [], 'meeting.read')) {
    if (grant.committeeId === null) {
      for (const c of organisation ?? []) found.set(c.id, { id: c.id, name: c.name, municipality: c.municipality });
      continue;
    }
    const committee = known.get(grant.committeeId);
    const scope = user?.roles.find((r) => r.committeeId === grant.committeeId && r.unitId === null)?.scopeName ?? null;
    found.set(grant.committeeId, {
      id: grant.committeeId,
      name: committee?.name ?? scope ?? grant.committeeId,
      municipality: committee?.municipality ?? null,
    });
  }
  for (const meeting of mine) {
    const had = found.get(meeting.committeeId);
    // Without the organisation, the meeting names its nämnd better than a role's scope does.
    if (!known.has(meeting.committeeId))
      found.set(meeting.committeeId, {
        id: meeting.committeeId,
        name: meeting.committeeName,
        municipality: had?.municipality ?? null,
      });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
