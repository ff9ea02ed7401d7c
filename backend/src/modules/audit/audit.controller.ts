import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditListResponse } from '@rapportflode/api-contract';
import { AUDIT_API } from '@rapportflode/api-contract';
import { scopesFor } from '@rapportflode/domain';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Access } from '../auth/access.decorators';
import { Auth, AuthContext } from '../auth/auth-context';
import { AuditService } from './audit.service';

export class AuditQueryParams {
  @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @IsUUID('all', { message: 'actorId måste vara ett id.' }) actorId?: string;
  @IsOptional() @Type(() => Date) @IsDate({ message: 'from måste vara ett datum (ÅÅÅÅ-MM-DD).' }) from?: Date;
  @IsOptional() @Type(() => Date) @IsDate({ message: 'to måste vara ett datum (ÅÅÅÅ-MM-DD).' }) to?: Date;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

@ApiTags('audit')
@Controller(AUDIT_API.base)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(AUDIT_API.list.route)
  @Access.anywhere('audit.read')
  @ApiOperation({ summary: 'Browse the audit log (changes to organisation, people and roles), newest first' })
  list(@Query() query: AuditQueryParams, @Auth() auth: AuthContext): Promise<AuditListResponse> {
    return this.audit.list(query, scopesFor(auth.grants, 'audit.read'));
  }
}
