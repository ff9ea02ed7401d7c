import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  OPERATIONS_API,
  CapturedMailListResponse,
  InstallationSettingsDto,
  QUEUE_JOB_STATES,
  QueueJobListResponse,
  QueueJobRetryResponse,
  QueueJobState,
  QueueListResponse,
  ReminderFailureListResponse,
  UpdateInstallationSettingsRequest,
} from '@rapportflode/api-contract';
import { INSTALLATION_SCOPE } from '@rapportflode/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access } from '../auth/access.decorators';
import { Auth, AuthContext } from '../auth/auth-context';
import { AdminMailService } from './admin-mail.service';
import { AdminQueuesService } from './admin-queues.service';
import { AdminReminderFailuresService } from './admin-reminder-failures.service';
import { InstallationSettingsService } from './installation-settings.service';

/** Installation-wide administrators only: a committee's admin meets 404, other roles 403. */
const installationAdmin = () => Access.on('system.manage', async () => INSTALLATION_SCOPE);

const PAGE_MESSAGE = 'page måste vara ett heltal från 1.';
const PAGE_SIZE_MESSAGE = 'pageSize måste vara ett heltal från 1 till 100.';

export class PageParams {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: PAGE_MESSAGE })
  @Min(1, { message: PAGE_MESSAGE })
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: PAGE_SIZE_MESSAGE })
  @Min(1, { message: PAGE_SIZE_MESSAGE })
  @Max(100, { message: PAGE_SIZE_MESSAGE })
  pageSize = 20;
}

export class JobListParams extends PageParams {
  @IsOptional()
  @IsIn(QUEUE_JOB_STATES, { message: `state måste vara en av ${QUEUE_JOB_STATES.join(', ')}.` })
  state: QueueJobState = 'failed';
}

export class InstallationSettingsBody implements UpdateInstallationSettingsRequest {
  @ApiProperty({ description: 'The person who submitted a round may approve it themselves (very small nämnder); off by default' })
  @IsBoolean({ message: 'selfApprovalAllowed måste vara true eller false.' })
  selfApprovalAllowed: boolean;
}

@ApiTags('operations')
@Controller(OPERATIONS_API.base)
export class OperationsController {
  constructor(
    private readonly mail: AdminMailService,
    private readonly queues: AdminQueuesService,
    private readonly reminderFailures: AdminReminderFailuresService,
    private readonly settings: InstallationSettingsService,
  ) {}

  @Get(OPERATIONS_API.settings.route)
  @installationAdmin()
  @ApiOperation({ summary: 'The installation-wide settings: whether a submitter may approve their own round' })
  getSettings(): Promise<InstallationSettingsDto> {
    return this.settings.get();
  }

  @Put(OPERATIONS_API.updateSettings.route)
  @installationAdmin()
  @ApiOperation({ summary: 'Change the installation-wide settings (recorded in the audit log)' })
  updateSettings(@Body() body: InstallationSettingsBody, @Auth() auth: AuthContext): Promise<InstallationSettingsDto> {
    return this.settings.update(body, { userId: auth.userId, ip: auth.ip });
  }

  @Get(OPERATIONS_API.mail.route)
  @installationAdmin()
  @ApiOperation({ summary: 'Mail kept by the embedded mail catcher (or without SMTP), newest first' })
  listMail(@Query() query: PageParams): Promise<CapturedMailListResponse> {
    return this.mail.list(query.page, query.pageSize);
  }

  @Get(OPERATIONS_API.reminderFailures.route)
  @installationAdmin()
  @ApiOperation({
    summary:
      'Reminder e-mails that did not go out (refused by the SMTP server, or pending a retry after an error), newest first',
  })
  listReminderFailures(@Query() query: PageParams): Promise<ReminderFailureListResponse> {
    return this.reminderFailures.list(query.page, query.pageSize);
  }

  @Get(OPERATIONS_API.queues.route)
  @installationAdmin()
  @ApiOperation({ summary: 'Every queue with its counts of waiting, delayed, active, failed and completed jobs' })
  listQueues(): Promise<QueueListResponse> {
    return this.queues.list();
  }

  @Get(OPERATIONS_API.jobs.route)
  @installationAdmin()
  @ApiOperation({ summary: "A queue's jobs in one state, newest first" })
  listJobs(@Param('queue') queue: string, @Query() query: JobListParams): Promise<QueueJobListResponse> {
    return this.queues.jobs(queue, query.state, query.page, query.pageSize);
  }

  @Post(OPERATIONS_API.retry.route)
  @HttpCode(200)
  @installationAdmin()
  @ApiOperation({ summary: 'Put a failed job back in its queue (attempts reset)' })
  retryJob(
    @Param('queue') queue: string,
    @Param('jobId') jobId: string,
    @Auth() auth: AuthContext,
  ): Promise<QueueJobRetryResponse> {
    return this.queues.retry(queue, jobId, { userId: auth.userId, ip: auth.ip });
  }
}
