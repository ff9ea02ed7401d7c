import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationResponse } from '@rapportflode/api-contract';
import { OrganisationResponseDoc } from './dto/organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get()
  @ApiOperation({ summary: 'Every committee (nämnd) with its tree of units' })
  @ApiOkResponse({ type: OrganisationResponseDoc })
  getOrganisation(): Promise<OrganisationResponse> {
    return this.organisation.getOrganisation();
  }
}
