import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { ORGANISATION_SQL, OrganisationRow, organisationResponseFromRows } from './organisation.queries';

@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getOrganisation(): Promise<OrganisationResponse> {
    const rows: OrganisationRow[] = await this.dataSource.query(ORGANISATION_SQL);
    return organisationResponseFromRows(rows);
  }
}
