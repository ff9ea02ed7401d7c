import { Module } from '@nestjs/common';
import { OrganisationImportController } from './organisation-import.controller';
import { OrganisationImportService } from './organisation-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationSeeder } from './organisation.seed';
import { OrganisationService } from './organisation.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  controllers: [OrganisationController, UnitsController, OrganisationImportController],
  providers: [OrganisationService, OrganisationSeeder, UnitsService, OrganisationImportService],
  exports: [OrganisationService, OrganisationSeeder],
})
export class OrganisationModule {}
