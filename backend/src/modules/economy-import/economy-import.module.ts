import { Module } from '@nestjs/common';
import { EconomyImportController } from './economy-import.controller';
import { EconomyImportService } from './economy-import.service';

/** Economy figures from the finance system's exports into a cycle's economy sections (see README.md). */
@Module({
  controllers: [EconomyImportController],
  providers: [EconomyImportService],
})
export class EconomyImportModule {}
