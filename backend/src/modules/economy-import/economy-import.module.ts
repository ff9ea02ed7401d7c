import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { TasksModule } from '../tasks/tasks.module';
import { EconomyImportController } from './economy-import.controller';
import { EconomyImportRepository } from './economy-import.repository';
import { EconomyImportService } from './economy-import.service';

/** Economy figures from the finance system's exports into a cycle's economy sections (see README.md). */
@Module({
  imports: [TasksModule, OrganisationModule],
  controllers: [EconomyImportController],
  providers: [EconomyImportService, EconomyImportRepository],
})
export class EconomyImportModule {}
