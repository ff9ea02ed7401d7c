import { Module } from '@nestjs/common';
import { UserAccountsModule } from '../users/user-accounts.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** In-app notices (Notiser) and each person's reminder choice. */
@Module({
  imports: [UserAccountsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
