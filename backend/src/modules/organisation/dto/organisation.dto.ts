import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CommitteeDto, OrganisationResponse } from '@rapportflode/api-contract';
import { ORGANISATION_UNIT_KINDS, OrganisationUnitKind, OrganisationUnitNode } from '@rapportflode/domain';

// OpenAPI descriptions of the shapes in libs/api-contract. `implements` makes the compiler
// check that the documentation and the contract never drift apart.

@ApiSchema({ name: 'OrganisationUnitNode' })
export class OrganisationUnitNodeDoc implements OrganisationUnitNode {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ORGANISATION_UNIT_KINDS, description: 'förvaltning, verksamhetsområde or enhet' })
  kind: OrganisationUnitKind;
  @ApiProperty({ example: 'Utredning och stöd' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'SoV' }) code: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: () => [OrganisationUnitNodeDoc] }) children: OrganisationUnitNodeDoc[];
}

@ApiSchema({ name: 'Committee' })
export class CommitteeDoc implements CommitteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Gnesta kommun' }) municipality: string;
  @ApiProperty({ example: 'Socialnämnden' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'SN' }) diaryPrefix: string | null;
  @ApiProperty({ type: () => [OrganisationUnitNodeDoc] }) units: OrganisationUnitNodeDoc[];
}

@ApiSchema({ name: 'OrganisationResponse' })
export class OrganisationResponseDoc implements OrganisationResponse {
  @ApiProperty({ type: () => [CommitteeDoc] }) committees: CommitteeDoc[];
}
