import { Module } from '@nestjs/common';
import { AdminMailService } from './admin-mail.service';
import { AdminQueuesService } from './admin-queues.service';
import { OperationsController } from './operations.controller';

/** The installation admin's view of outgoing mail (Utskick) and of the queues (Köer). */
@Module({ controllers: [OperationsController], providers: [AdminMailService, AdminQueuesService] })
export class OperationsModule {}
