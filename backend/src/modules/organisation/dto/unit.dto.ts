import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateUnitRequest, UpdateUnitRequest } from '@rapportflode/api-contract';
import { ORGANISATION_UNIT_KINDS, OrganisationUnitKind } from '@rapportflode/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

const KIND_MESSAGE = 'Nivån måste vara förvaltning, verksamhetsområde eller enhet.';

export class CreateUnitBody implements CreateUnitRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Ange vilken nämnd enheten hör till.' })
  committeeId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'Den överordnade enheten måste anges med sitt id (eller null för nämndens översta nivå).' })
  parentId: string | null;

  @ApiProperty({ enum: ORGANISATION_UNIT_KINDS })
  @IsIn(ORGANISATION_UNIT_KINDS, { message: KIND_MESSAGE })
  kind: OrganisationUnitKind;

  @ApiProperty({ example: 'Vuxenutbildning' })
  @IsString({ message: 'Ange ett namn.' })
  @MinLength(1, { message: 'Ange ett namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SoV' })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: 'Koden får vara högst 30 tecken.' })
  code?: string | null;
}

export class UpdateUnitBody implements UpdateUnitRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'Ange ett namn.' })
  @MinLength(1, { message: 'Ange ett namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: 'Koden får vara högst 30 tecken.' })
  code?: string | null;

  @ApiPropertyOptional({ enum: ORGANISATION_UNIT_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_UNIT_KINDS, { message: KIND_MESSAGE })
  kind?: OrganisationUnitKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Move under this unit (null: to the top of the committee)',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'Den nya överordnade enheten måste anges med sitt id.' })
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates (never deletes), true reactivates' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
