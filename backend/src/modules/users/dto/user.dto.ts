import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssignRoleRequest, CreateUserRequest, UpdateUserRequest } from '@rapportflode/api-contract';
import { PASSWORD_MIN_LENGTH } from '@rapportflode/api-contract';
import { Role, ROLES } from '@rapportflode/domain';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const EMAIL_MESSAGE = 'Ange en giltig e-postadress.';

export class AssignRoleBody implements AssignRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: 'Okänd roll.' })
  role: Role;

  @ApiProperty({ type: String, nullable: true, description: 'null: the whole installation' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'Ange nämnden med dess id, eller null för hela installationen.' })
  committeeId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'null: the whole committee' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'Ange enheten med dess id, eller null för hela nämnden.' })
  unitId: string | null;
}

export class CreateUserBody implements CreateUserRequest {
  @ApiProperty({ example: 'Anna Berg' })
  @IsString({ message: 'Ange namn.' })
  @MinLength(1, { message: 'Ange namn.' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'anna.berg@gnesta.example.se' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Enhetschef' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.` })
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    type: AssignRoleBody,
    description: 'The first role; required unless the administrator is installation-wide',
  })
  @IsOptional()
  @IsObject({ message: 'Ange rollen som ett objekt med role, committeeId och unitId.' })
  @ValidateNested()
  @Type(() => AssignRoleBody)
  role?: AssignRoleBody;
}

export class UpdateUserBody implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'Ange namn.' })
  @MinLength(1, { message: 'Ange namn.' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(normaliseEmail)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
