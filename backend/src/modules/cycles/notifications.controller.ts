import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationListResponse } from '@rapportflode/api-contract';
import { Access } from '../auth/access.decorators';
import { Auth, AuthContext } from '../auth/auth-context';
import { MarkReadBody } from './dto/cycle.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access.signedIn()
  @ApiOperation({ summary: 'The person’s own in-app notifications, newest first, with the unread count' })
  list(@Auth() auth: AuthContext): Promise<NotificationListResponse> {
    return this.notifications.list(auth.userId);
  }

  @Post('read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access.signedIn()
  @ApiOperation({ summary: 'Mark the person’s notifications read (those named, or all)' })
  async markRead(@Body() body: MarkReadBody, @Auth() auth: AuthContext): Promise<void> {
    await this.notifications.markRead(auth.userId, body.ids);
  }
}
