import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReportTemplateDto, TemplateListResponse } from '@rapportflode/api-contract';
import type { Request } from 'express';
import { Access } from '../auth/access.decorators';
import { AccessService, isUuid } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { TemplatesService } from './templates.service';

/** A committee's template sits at the committee; a shared one is readable by anyone who reads templates. */
export async function templateScope(request: Request, access: AccessService) {
  const id = request.params['id'];
  if (!isUuid(id)) return null;
  const committeeId = await access.templateCommittee(id);
  if (committeeId === undefined) return null;
  return committeeId === null ? ('anywhere' as const) : { committeeId, unitPath: [] };
}

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Access.anywhere('template.read')
  @ApiOperation({ summary: 'Report templates the signed-in person may read' })
  list(@Auth() auth: AuthContext): Promise<TemplateListResponse> {
    return this.templates.list(auth.grants);
  }

  @Get(':id')
  @Access.on('template.read', templateScope)
  @ApiOperation({ summary: 'One template with its numbered, nested sections' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReportTemplateDto> {
    return this.templates.get(id);
  }
}
