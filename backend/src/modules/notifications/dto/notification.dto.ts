import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MarkNotificationsReadRequest, UpdateNotificationSettingsRequest } from '@rapportflode/api-contract';
import { REMINDER_DELIVERIES, ReminderDelivery } from '@rapportflode/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

export class MarkReadBody implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class NotificationSettingsBody implements UpdateNotificationSettingsRequest {
  @ApiProperty({ enum: REMINDER_DELIVERIES })
  @IsIn(REMINDER_DELIVERIES, {
    message: 'Välj hur du vill få påminnelser: var för sig eller som en daglig sammanfattning.',
  })
  reminderDelivery!: ReminderDelivery;
}
