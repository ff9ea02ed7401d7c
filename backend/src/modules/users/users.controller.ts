import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserDto, UserListResponse } from '@rapportflode/api-contract';
import { USERS_API } from '@rapportflode/api-contract';
import type { ResourceScope } from '@rapportflode/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Request } from 'express';
import { Access } from '../auth/access.decorators';
import { AccessService, isUuid } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { AssignRoleBody, CreateUserBody, UpdateUserBody } from './dto/user.dto';
import { UsersService } from './users.service';

/** GET /api/users?q=&page=&pageSize= */
export class UserListQueryParams {
  @IsOptional() @IsString() @MaxLength(100, { message: 'Sökningen får vara högst 100 tecken.' }) q?: string;
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page måste vara ett heltal från 1.' }) @Min(1, { message: 'page måste vara ett heltal från 1.' }) page = 1;
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize måste vara ett heltal från 1 till 200.' })
  @Min(1, { message: 'pageSize måste vara ett heltal från 1 till 200.' })
  @Max(200, { message: 'pageSize måste vara ett heltal från 1 till 200.' })
  pageSize = 50;
}

/** Stands for "the whole installation": only installation-wide grants cover it. */
const INSTALLATION: ResourceScope = { committeeId: 'installation', unitPath: [] };

async function scopeOf(access: AccessService, committeeId: string | null, unitId: string | null): Promise<ResourceScope | null> {
  const scope = await access.assignmentScope(committeeId, unitId);
  return scope === 'installation' ? INSTALLATION : scope;
}

/**
 * A person is managed where all their roles are: an admin must cover every one of them. A person
 * without roles is the installation's (only installation-wide admins reach their e-mail, password
 * and sessions).
 */
export async function userScopes(request: Request, access: AccessService): Promise<ResourceScope[] | null> {
  const id = request.params['id'];
  if (!isUuid(id)) return null;
  if (!(await access.userExists(id))) return null;
  const roles = await access.grantsOf(id);
  const scopes = await Promise.all(roles.map((role) => scopeOf(access, role.committeeId, role.unitId)));
  const known = scopes.filter((scope): scope is ResourceScope => scope !== null);
  return known.length > 0 ? known : [INSTALLATION];
}

export async function assignmentScope(request: Request, access: AccessService): Promise<ResourceScope | null> {
  const { id, assignmentId } = request.params;
  if (!isUuid(id) || !isUuid(assignmentId)) return null;
  const role = (await access.grantsOf(id)).find((r) => r.id === assignmentId);
  return role ? scopeOf(access, role.committeeId, role.unitId) : null;
}

@ApiTags('people')
@Controller(USERS_API.base)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(USERS_API.list.route)
  @Access.anywhere('users.read')
  @ApiOperation({ summary: 'People with roles where the signed-in person may read people: searched (q) and paged' })
  list(@Query() query: UserListQueryParams, @Auth() auth: AuthContext): Promise<UserListResponse> {
    return this.users.list(auth.grants, query);
  }

  @Post(USERS_API.create.route)
  @Access.anywhere('users.manage')
  @ApiOperation({ summary: 'Create a person (name, e-mail, title; optional password)' })
  create(@Body() body: CreateUserBody, @Auth() auth: AuthContext): Promise<UserDto> {
    return this.users.create(body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Patch(USERS_API.update.route)
  @Access.on('users.manage', userScopes)
  @ApiOperation({ summary: 'Change name, e-mail or title; deactivate (ends all sessions) or reactivate' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserBody, @Auth() auth: AuthContext): Promise<UserDto> {
    return this.users.update(id, body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Delete(USERS_API.revokeSessions.route)
  @Access.on('users.manage', userScopes)
  @ApiOperation({ summary: "End all of a person's sessions (sign them out everywhere)" })
  revokeSessions(@Param('id', ParseUUIDPipe) id: string, @Auth() auth: AuthContext): Promise<{ revoked: number }> {
    return this.users.revokeSessions(id, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Post(USERS_API.assignRole.route)
  @Access.anywhere('roles.manage')
  @ApiOperation({ summary: 'Give a person a role on a unit, a committee or (installation admins) everywhere' })
  assignRole(@Param('id', ParseUUIDPipe) id: string, @Body() body: AssignRoleBody, @Auth() auth: AuthContext): Promise<UserDto> {
    return this.users.assignRole(id, body, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Delete(USERS_API.removeRole.route)
  @HttpCode(200)
  @Access.on('roles.manage', assignmentScope)
  @ApiOperation({ summary: 'Take a role away' })
  removeRole(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Auth() auth: AuthContext,
  ): Promise<UserDto> {
    return this.users.removeRole(id, assignmentId, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }
}
