import { Module } from '@nestjs/common';
import { UserAccountsModule } from '../users/user-accounts.module';
import { OrganisationImportController } from './organisation-import.controller';
import { OrganisationImportService } from './organisation-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationSeeder } from './organisation.seed';
import { OrganisationService } from './organisation.service';
import { UnitTree } from './unit-tree';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  imports: [UserAccountsModule],
  controllers: [OrganisationController, UnitsController, OrganisationImportController],
  providers: [
    OrganisationRepository,
    UnitsRepository,
    OrganisationService,
    OrganisationSeeder,
    UnitsService,
    OrganisationImportService,
    UnitTree,
  ],
  exports: [OrganisationService, OrganisationSeeder, UnitTree],
})
export class OrganisationModule {}
