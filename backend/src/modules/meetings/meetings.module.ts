import { DynamicModule, Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { MemosModule } from '../memos/memos.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReminderOutbox } from '../reminders/reminder-outbox';
import { ReportsModule } from '../reports/reports.module';
import { DemoMeetingsSeeder } from './demo-meetings.seed';
import { KallelseService } from './kallelse.service';
import { MeetingMembersService } from './meeting-members.service';
import { MeetingPackageService } from './meeting-package.service';
import { MeetingSchedule } from './meeting-schedule';
import { CommitteeMeetingsController, MeetingsController } from './meetings.controller';
import { MeetingsProcessor, MeetingsReconciliation } from './meetings.processor';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { PublicMeetingsController } from './public-meetings.controller';
import { PublicMeetingsService } from './public-meetings.service';

/**
 * The nämnd's sammanträden: meetings, ärenden and handlingar, the kallelse and its mails, the
 * compiled package, the personal-data scan and publishing, the public pages and feeds, members'
 * notes and förhinder. The worker side (the meetings queue) only where the worker runs.
 */
@Module({})
export class MeetingsModule {
  static register(options: { worker: boolean; http: boolean }): DynamicModule {
    return {
      module: MeetingsModule,
      imports: [DocumentsModule, MemosModule, ReportsModule, NotificationsModule],
      controllers: options.http ? [CommitteeMeetingsController, MeetingsController, PublicMeetingsController] : [],
      providers: [
        MeetingsRepository,
        MeetingsService,
        MeetingSchedule,
        KallelseService,
        MeetingPackageService,
        MeetingMembersService,
        PublicMeetingsService,
        DemoMeetingsSeeder,
        ...(options.worker ? [ReminderOutbox, MeetingsProcessor, MeetingsReconciliation] : []),
      ],
      exports: [DemoMeetingsSeeder],
    };
  }
}
