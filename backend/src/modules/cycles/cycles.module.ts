import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { TemplatesModule } from '../templates/templates.module';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { DemoCyclesSeeder } from './demo-cycles.seed';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [TemplatesModule, RemindersModule],
  controllers: [CyclesController, TasksController, NotificationsController],
  providers: [CyclesService, TasksService, NotificationsService, DemoCyclesSeeder],
  exports: [DemoCyclesSeeder],
})
export class CyclesModule {}
