import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UnitDto } from '@rapportflode/api-contract';
import { UNITS_API } from '@rapportflode/api-contract';
import type { Request } from 'express';
import { Access } from '../auth/access.decorators';
import { AccessService, isUuid } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { CreateUnitBody, UpdateUnitBody } from './dto/unit.dto';
import { UnitsService } from './units.service';

/** Where a new unit goes: under its parent, or at the top of its committee. */
export async function newUnitScope(request: Request, access: AccessService) {
  const body = (request.body ?? {}) as { parentId?: unknown; committeeId?: unknown };
  if (isUuid(body.parentId)) return access.unitScope(body.parentId);
  if (isUuid(body.committeeId)) return access.committeeScope(body.committeeId);
  return 'anywhere' as const; // the body is invalid: validation answers 400
}

export const unitFromParam = (request: Request, access: AccessService) => access.unitScope(request.params['id']);

@ApiTags('organisation')
@Controller(UNITS_API.base)
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post(UNITS_API.create.route)
  @Access.on('organisation.manage', newUnitScope)
  @ApiOperation({ summary: 'Create a unit under a parent unit, or at the top of a committee' })
  create(@Body() body: CreateUnitBody, @Auth() auth: AuthContext): Promise<UnitDto> {
    return this.units.create(body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Patch(UNITS_API.update.route)
  @Access.on('organisation.manage', unitFromParam)
  @ApiOperation({ summary: 'Rename, recode, move (parentId) or deactivate/reactivate (active) a unit' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUnitBody,
    @Auth() auth: AuthContext,
  ): Promise<UnitDto> {
    return this.units.update(id, body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }
}
