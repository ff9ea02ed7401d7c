import type { CommitteeDto, OrganisationResponse } from '@rapportflode/api-contract';
import { buildOrganisationTree, FlatOrganisationUnit } from '@rapportflode/domain';
import type { OrganisationRow } from './organisation.repository';

/** Shapes the rows of ORGANISATION_SQL (organisation.repository.ts) into the API response (committees in query order, units as trees). */
export function organisationResponseFromRows(rows: readonly OrganisationRow[]): OrganisationResponse {
  const committees = new Map<string, { dto: Omit<CommitteeDto, 'units'>; units: FlatOrganisationUnit[] }>();
  for (const row of rows) {
    let entry = committees.get(row.committee_id);
    if (!entry) {
      entry = {
        dto: {
          id: row.committee_id,
          municipality: row.municipality,
          name: row.committee_name,
          diaryPrefix: row.diary_prefix,
        },
        units: [],
      };
      committees.set(row.committee_id, entry);
    }
    if (row.unit_id && row.kind && row.unit_name !== null) {
      entry.units.push({
        id: row.unit_id,
        parentId: row.parent_id,
        kind: row.kind,
        name: row.unit_name,
        code: row.code,
        sortOrder: row.sort_order ?? 0,
        active: row.active ?? true,
      });
    }
  }
  return {
    committees: [...committees.values()].map(({ dto, units }) => ({ ...dto, units: buildOrganisationTree(units) })),
  };
}
