import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The assembled report of a cycle: status, draft and frozen versions, downloads in every format. */
@Module({
  imports: [DocumentsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
