import { Module } from '@nestjs/common';
import { CycleHeadersModule } from '../cycles/cycle-headers.module';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { TasksModule } from '../tasks/tasks.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { MemoDocuments } from './memo-documents';
import { MemoDrafts } from './memo-drafts';
import { MemoFigures } from './memo-figures';
import { MemoWorkflowSubject } from './memo-workflow';
import { MemoQueueController, MemosController } from './memos.controller';
import { MemosRepository } from './memos.repository';
import { MemosService } from './memos.service';

/** The tjänsteskrivelse of a cycle: content, workflow, figures check and the rendered files. */
@Module({
  imports: [DocumentsModule, CycleHeadersModule, WorkflowModule, TasksModule, ReportsModule, NotificationsModule],
  controllers: [MemosController, MemoQueueController],
  providers: [MemosService, MemosRepository, MemoWorkflowSubject, MemoDrafts, MemoFigures, MemoDocuments],
  exports: [MemosService],
})
export class MemosModule {}
