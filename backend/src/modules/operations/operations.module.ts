import { Module } from '@nestjs/common';
import { AdminMailService } from './admin-mail.service';
import { AdminQueuesService } from './admin-queues.service';
import { AdminReminderFailuresService } from './admin-reminder-failures.service';
import { InstallationSettingsService } from './installation-settings.service';
import { OperationsController } from './operations.controller';
import { OperationsRepository } from './operations.repository';

/**
 * The installation admin's view of outgoing mail and of the reminder mails that did not go out
 * (Utskick), of the queues (Köer), and the installation-wide settings (Inställningar).
 */
@Module({
  controllers: [OperationsController],
  providers: [OperationsRepository, AdminMailService, AdminQueuesService, AdminReminderFailuresService, InstallationSettingsService],
})
export class OperationsModule {}
