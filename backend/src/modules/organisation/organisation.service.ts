import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationResponse } from '@rapportflode/api-contract';
import { pruneOrganisationTree, RoleGrant, visibleUnitsOf } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { ORGANISATION_SQL, OrganisationRow, organisationResponseFromRows } from './organisation.queries';

@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The committees and units the person may read: whole committees, or their units with ancestors. */
  async getOrganisation(grants: readonly RoleGrant[]): Promise<OrganisationResponse> {
    const rows: OrganisationRow[] = await this.dataSource.query(ORGANISATION_SQL);
    const all = organisationResponseFromRows(rows);
    const committees = all.committees.flatMap((committee) => {
      const visible = visibleUnitsOf(grants, 'organisation.read', committee.id);
      if (visible === null) return [];
      if (visible === 'all') return [committee];
      return [{ ...committee, units: pruneOrganisationTree(committee.units, visible) }];
    });
    return { committees };
  }
}
