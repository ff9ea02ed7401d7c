import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { EconomyImportController } from './economy-import.controller';
import { EconomyImportRepository } from './economy-import.repository';
import { EconomyImportService } from './economy-import.service';

/** Economy figures from the finance system's exports into a cycle's economy sections (see README.md). */
@Module({
  imports: [TasksModule],
  controllers: [EconomyImportController],
  providers: [EconomyImportService, EconomyImportRepository],
})
export class EconomyImportModule {}
