import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { TasksModule } from '../tasks/tasks.module';
import { TemplatesModule } from '../templates/templates.module';
import { CycleHeadersModule } from './cycle-headers.module';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { DemoCyclesRepository } from './demo-cycles.repository';
import { DemoCyclesSeeder } from './demo-cycles.seed';

@Module({
  imports: [CycleHeadersModule, OrganisationModule, TemplatesModule, TasksModule, NotificationsModule],
  controllers: [CyclesController],
  providers: [CyclesService, DemoCyclesSeeder, DemoCyclesRepository],
  exports: [DemoCyclesSeeder, CycleHeadersModule],
})
export class CyclesModule {}
