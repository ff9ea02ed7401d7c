import { Injectable, Logger } from '@nestjs/common';
import type { NotificationDto, NotificationListResponse, NotificationSettingsDto } from '@rapportflode/api-contract';
import { nextDigestAt, ReminderDelivery } from '@rapportflode/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { UserAccounts } from '../users/user-accounts';
import { DeliveryChanges } from './delivery-changes';
import { NotificationsRepository } from './notifications.repository';

/** In-app notifications: written in the transaction of the event they tell about. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly accounts: UserAccounts,
    private readonly audit: AuditService,
    private readonly deliveryChanges: DeliveryChanges,
    private readonly clock: Clock,
  ) {}

  /** One notification per recipient; the person who caused the event (if a person did) is not told about it. */
  async notify(
    manager: EntityManager,
    recipients: readonly string[],
    actorId: string | null,
    kind: NotificationDto['kind'],
    text: string,
    taskId: string | null,
  ): Promise<void> {
    const to = [...new Set(recipients)].filter((id) => id !== actorId);
    if (to.length === 0) return;
    await this.repository.insert(manager, to, kind, text.slice(0, 500), taskId);
  }

  async list(userId: string): Promise<NotificationListResponse> {
    const [rows, unread] = await Promise.all([this.repository.latest(userId), this.repository.unread(userId)]);
    return { unread, notifications: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
  }

  /** Marks the person's own notifications read (those named, or all). */
  async markRead(userId: string, ids?: string[]): Promise<void> {
    await this.repository.markRead(userId, ids ?? null);
  }

  /** Marks read every notification about a cycle's tasks (for the demo data's finished cycles). */
  async markCycleRead(cycleId: string): Promise<void> {
    await this.repository.markCycleRead(cycleId);
  }

  async settings(userId: string): Promise<NotificationSettingsDto> {
    const delivery = await this.accounts.reminderDelivery(userId);
    return { reminderDelivery: delivery, nextDigestAt: nextDigestAt(this.clock.now()) };
  }

  /** The person's own choice, audited; a digest person's next digest run is queued when Redis answers (else by reconciliation). */
  async updateSettings(userId: string, delivery: ReminderDelivery, ip: string | null): Promise<NotificationSettingsDto> {
    await this.repository.transaction(async (manager) => {
      const before = await this.accounts.reminderDelivery(userId, { manager, forUpdate: true });
      if (before === delivery) return;
      await this.accounts.setReminderDelivery(manager, userId, delivery);
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'user.reminder_delivery',
        entityType: 'user',
        entityId: userId,
        committeeId: null,
        before: { reminderDelivery: before },
        after: { reminderDelivery: delivery },
        ip,
      });
    });
    if (delivery === 'daily_digest') {
      await this.deliveryChanges.digestChosen();
    }
    return this.settings(userId);
  }
}
