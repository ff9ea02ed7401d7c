import type { CommitteeDto, OrganisationResponse } from '@rapportflode/api-contract';
import { buildOrganisationTree, FlatOrganisationUnit, OrganisationUnitKind } from '@rapportflode/domain';

/** Every active committee with all its units, in one round trip. */
export const ORGANISATION_SQL = `
  SELECT c.id AS committee_id, c.municipality, c.name AS committee_name, c.diary_prefix,
         u.id AS unit_id, u.parent_id, u.kind, u.name AS unit_name, u.code, u.sort_order, u.active
    FROM committee c
    LEFT JOIN organisation_unit u ON u.committee_id = c.id
   WHERE c.active
   ORDER BY c.municipality, c.name`;

export interface OrganisationRow {
  committee_id: string;
  municipality: string;
  committee_name: string;
  diary_prefix: string | null;
  unit_id: string | null;
  parent_id: string | null;
  kind: OrganisationUnitKind | null;
  unit_name: string | null;
  code: string | null;
  sort_order: number | null;
  active: boolean | null;
}

/** Shapes the rows of ORGANISATION_SQL into the API response (committees in query order, units as trees). */
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
