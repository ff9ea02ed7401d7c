import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CycleListResponse, CycleOverviewDto, CycleSummaryDto } from '@rapportflode/api-contract';
import { CYCLES_API } from '@rapportflode/api-contract';
import { OVERVIEW_FILTERS, OverviewFilter } from '@rapportflode/domain';
import type { Request } from 'express';
import { DomainError } from '../../common/domain-error';
import { Access } from '../auth/access.decorators';
import { AccessService, isUuid } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { CyclesService } from './cycles.service';
import { CreateCycleBody, UpdateCycleBody } from './dto/cycle.dto';

/** A new cycle sits at the nämnd its template belongs to. */
export async function newCycleScope(request: Request, access: AccessService) {
  const templateId = (request.body as { templateId?: unknown } | undefined)?.templateId;
  if (!isUuid(templateId)) return 'anywhere' as const; // invalid body: validation answers 400
  const committeeId = await access.templateCommittee(templateId);
  if (committeeId === undefined) return null;
  return committeeId === null ? ('anywhere' as const) : { committeeId, unitPath: [] };
}

export const cycleFromParam = (request: Request, access: AccessService) => access.cycleScope(request.params['id']);

@ApiTags('cycles')
@Controller(CYCLES_API.base)
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get(CYCLES_API.list.route)
  @Access.anywhere('task.read')
  @ApiOperation({ summary: 'The report cycles of the nämnder the person follows as a whole' })
  list(@Auth() auth: AuthContext): Promise<CycleListResponse> {
    return this.cycles.list(auth.grants);
  }

  @Post(CYCLES_API.create.route)
  @Access.on('cycle.manage', newCycleScope)
  @ApiOperation({ summary: 'Open a cycle from a template: every task (section × responsible unit) in one transaction' })
  create(@Body() body: CreateCycleBody, @Auth() auth: AuthContext): Promise<CycleSummaryDto> {
    return this.cycles.create(body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Get(CYCLES_API.overview.route)
  @Access.on('task.read', cycleFromParam)
  @ApiOperation({ summary: 'The cycle overview: units × sections with state, deadline, days late and reviewers' })
  overview(@Param('id', ParseUUIDPipe) id: string, @Query('filter') filter: string | undefined, @Auth() auth: AuthContext): Promise<CycleOverviewDto> {
    const wanted = filter ?? 'all';
    if (!(OVERVIEW_FILTERS as readonly string[]).includes(wanted)) {
      throw new DomainError( 'filter_invalid', `Okänt filter: ${wanted}.`);
    }
    return this.cycles.overview(id, wanted as OverviewFilter, auth.grants);
  }

  @Patch(CYCLES_API.update.route)
  @Access.on('cycle.manage', cycleFromParam)
  @ApiOperation({ summary: 'Change the cycle’s dates, diarienummer or title (optimistic: send the version you read)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCycleBody, @Auth() auth: AuthContext): Promise<CycleSummaryDto> {
    return this.cycles.update(id, body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }
}
