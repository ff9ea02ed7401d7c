import { Module } from '@nestjs/common';
import { DemoTemplatesSeeder } from './demo-templates.seed';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({ controllers: [TemplatesController], providers: [TemplatesService, DemoTemplatesSeeder], exports: [DemoTemplatesSeeder, TemplatesService] })
export class TemplatesModule {}
