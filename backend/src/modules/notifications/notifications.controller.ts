import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationListResponse, NotificationSettingsDto } from '@rapportflode/api-contract';
import { NOTIFICATIONS_API } from '@rapportflode/api-contract';
import { Access } from '../auth/access.decorators';
import { Auth, AuthContext } from '../auth/auth-context';
import { MarkReadBody, NotificationSettingsBody } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller(NOTIFICATIONS_API.base)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get(NOTIFICATIONS_API.list.route)
  @Access.signedIn()
  @ApiOperation({ summary: 'The person’s own in-app notifications, newest first, with the unread count' })
  list(@Auth() auth: AuthContext): Promise<NotificationListResponse> {
    return this.notifications.list(auth.userId);
  }

  @Post(NOTIFICATIONS_API.markRead.route)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access.signedIn()
  @ApiOperation({ summary: 'Mark the person’s notifications read (those named, or all)' })
  async markRead(@Body() body: MarkReadBody, @Auth() auth: AuthContext): Promise<void> {
    await this.notifications.markRead(auth.userId, body.ids);
  }

  @Get(NOTIFICATIONS_API.settings.route)
  @Access.signedIn()
  @ApiOperation({ summary: 'How the person gets reminder e-mail: one by one, or a daily digest' })
  settings(@Auth() auth: AuthContext): Promise<NotificationSettingsDto> {
    return this.notifications.settings(auth.userId);
  }

  @Put(NOTIFICATIONS_API.updateSettings.route)
  @Access.signedIn()
  @ApiOperation({ summary: 'Choose how reminder e-mail comes: one by one, or a daily digest at 08.15 on working days' })
  updateSettings(@Body() body: NotificationSettingsBody, @Auth() auth: AuthContext): Promise<NotificationSettingsDto> {
    return this.notifications.updateSettings(auth.userId, body.reminderDelivery, auth.ip);
  }
}
