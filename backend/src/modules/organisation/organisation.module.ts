import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationSeeder } from './organisation.seed';
import { OrganisationService } from './organisation.service';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService, OrganisationSeeder],
  exports: [OrganisationService, OrganisationSeeder],
})
export class OrganisationModule {}
