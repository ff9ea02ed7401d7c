import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationResponse } from '@rapportflode/api-contract';
import { ORGANISATION_API } from '@rapportflode/api-contract';
import { OrganisationResponseDoc } from './dto/organisation.dto';
import { Access } from '../auth/access.decorators';
import { Auth, AuthContext } from '../auth/auth-context';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@Controller(ORGANISATION_API.base)
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get(ORGANISATION_API.get.route)
  @Access.anywhere('organisation.read')
  @ApiOperation({ summary: 'The committees (nämnder) and units the signed-in person may see, as trees' })
  @ApiOkResponse({ type: OrganisationResponseDoc })
  getOrganisation(@Auth() auth: AuthContext): Promise<OrganisationResponse> {
    return this.organisation.getOrganisation(auth.grants);
  }
}
