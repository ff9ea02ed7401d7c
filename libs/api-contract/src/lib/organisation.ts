import type { OrganisationUnitNode } from '@rapportflode/domain';

/** GET /api/organisation: every active committee with its tree of units. */
export interface CommitteeDto {
  id: string;
  municipality: string;
  name: string;
  /** Prefix of the committee's diarienummer, e.g. `SN`. */
  diaryPrefix: string | null;
  units: OrganisationUnitNode[];
}

export interface OrganisationResponse {
  committees: CommitteeDto[];
}
