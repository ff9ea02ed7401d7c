import { Injectable } from '@nestjs/common';
import type { OrganisationResponse } from '@rapportflode/api-contract';
import { pruneOrganisationTree, RoleGrant, visibleUnitsOf } from '@rapportflode/domain';
import { organisationResponseFromRows } from './organisation-response';
import { OrganisationRepository } from './organisation.repository';

@Injectable()
export class OrganisationService {
  constructor(private readonly repository: OrganisationRepository) {}

  /** The committees and units the person may read: whole committees, or their units with ancestors. */
  async getOrganisation(grants: readonly RoleGrant[]): Promise<OrganisationResponse> {
    const all = organisationResponseFromRows(await this.repository.organisation());
    const committees = all.committees.flatMap((committee) => {
      const visible = visibleUnitsOf(grants, 'organisation.read', committee.id);
      if (visible === null) return [];
      if (visible === 'all') return [committee];
      return [{ ...committee, units: pruneOrganisationTree(committee.units, visible) }];
    });
    return { committees };
  }
}
