import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notices (Notiser) and each person's reminder choice. */
@Module({
  imports: [RemindersModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
