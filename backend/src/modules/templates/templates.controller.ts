import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReportTemplateDto, TemplateListResponse } from '@rapportflode/api-contract';
import { TEMPLATES_API } from '@rapportflode/api-contract';
import type { Request } from 'express';
import { Access } from '../auth/access.decorators';
import { AccessService, isUuid } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { SaveTemplateBody } from './dto/template.dto';
import { TemplatesService } from './templates.service';

/** A committee's template sits at the committee; a shared one is readable by anyone who reads templates. */
export async function templateScope(request: Request, access: AccessService) {
  const id = request.params['id'];
  if (!isUuid(id)) return null;
  const committeeId = await access.templateCommittee(id);
  if (committeeId === undefined) return null;
  return committeeId === null ? ('anywhere' as const) : { committeeId, unitPath: [] };
}

/** A new template sits at the nämnd named in the body. */
export async function newTemplateScope(request: Request, access: AccessService) {
  const committeeId = (request.body as { committeeId?: unknown } | undefined)?.committeeId;
  if (!isUuid(committeeId)) return 'anywhere' as const; // invalid body: validation answers 400
  return access.committeeScope(committeeId);
}

@ApiTags('templates')
@Controller(TEMPLATES_API.base)
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get(TEMPLATES_API.list.route)
  @Access.anywhere('template.read')
  @ApiOperation({ summary: 'Report templates the signed-in person may read' })
  list(@Auth() auth: AuthContext): Promise<TemplateListResponse> {
    return this.templates.list(auth.grants);
  }

  @Get(TEMPLATES_API.get.route)
  @Access.on('template.read', templateScope)
  @ApiOperation({ summary: 'One template with its numbered, nested sections' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReportTemplateDto> {
    return this.templates.get(id);
  }

  @Post(TEMPLATES_API.create.route)
  @Access.on('template.manage', newTemplateScope)
  @ApiOperation({ summary: 'Create a template for a nämnd: name, report kind and its ordered, nested sections' })
  create(@Body() body: SaveTemplateBody, @Auth() auth: AuthContext): Promise<ReportTemplateDto> {
    return this.templates.create(body, { userId: auth.userId, ip: auth.ip });
  }

  @Put(TEMPLATES_API.update.route)
  @Access.on('template.manage', templateScope)
  @ApiOperation({ summary: 'Replace a template’s name, kind and sections (running cycles keep theirs)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveTemplateBody, @Auth() auth: AuthContext): Promise<ReportTemplateDto> {
    return this.templates.update(id, body, { userId: auth.userId, ip: auth.ip });
  }
}
