import { Module } from '@nestjs/common';
import { CycleHeadersModule } from '../cycles/cycle-headers.module';
import { DocumentsModule } from '../documents/documents.module';
import { TasksModule } from '../tasks/tasks.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReportAppendicesController } from './report-appendices.controller';
import { ReportAppendicesRepository } from './report-appendices.repository';
import { ReportAppendicesService } from './report-appendices.service';
import { ReportAssembly } from './report-assembly';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** The assembled report of a cycle: status, draft and frozen versions, downloads in every format. */
@Module({
  imports: [DocumentsModule, TasksModule, CycleHeadersModule, WorkflowModule, OrganisationModule],
  controllers: [ReportsController, ReportAppendicesController],
  providers: [ReportsService, ReportsRepository, ReportAssembly, ReportAppendicesService, ReportAppendicesRepository],
  exports: [ReportsService],
})
export class ReportsModule {}
