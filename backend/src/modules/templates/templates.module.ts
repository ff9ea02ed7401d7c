import { Module } from '@nestjs/common';
import { DemoTemplatesSeeder } from './demo-templates.seed';
import { TemplatesController } from './templates.controller';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

@Module({
  controllers: [TemplatesController],
  providers: [TemplatesRepository, TemplatesService, DemoTemplatesSeeder],
  exports: [DemoTemplatesSeeder, TemplatesService],
})
export class TemplatesModule {}
