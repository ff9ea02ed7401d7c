import { Module } from '@nestjs/common';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowService } from './workflow.service';

/** The one workflow of tasks and tjänsteskrivelser (see workflow.service.ts for how a subject plugs in). */
@Module({
  providers: [WorkflowService, WorkflowRepository],
  exports: [WorkflowService],
})
export class WorkflowModule {}
