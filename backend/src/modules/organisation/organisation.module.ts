import { Module } from '@nestjs/common';
import { OrganisationImportController } from './organisation-import.controller';
import { OrganisationImportService } from './organisation-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationSeeder } from './organisation.seed';
import { OrganisationService } from './organisation.service';
import { UnitTree } from './unit-tree';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  controllers: [OrganisationController, UnitsController, OrganisationImportController],
  providers: [OrganisationService, OrganisationSeeder, UnitsService, OrganisationImportService, UnitsRepository, UnitTree],
  exports: [OrganisationService, OrganisationSeeder, UnitTree],
})
export class OrganisationModule {}
