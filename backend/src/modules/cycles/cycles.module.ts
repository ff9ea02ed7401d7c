import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { TasksModule } from '../tasks/tasks.module';
import { TemplatesModule } from '../templates/templates.module';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { DemoCyclesSeeder } from './demo-cycles.seed';

@Module({
  imports: [TemplatesModule, RemindersModule, TasksModule],
  controllers: [CyclesController],
  providers: [CyclesService, DemoCyclesSeeder],
  exports: [DemoCyclesSeeder],
})
export class CyclesModule {}
