import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfigModule } from './config/config.module';
import { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { CyclesModule } from './modules/cycles/cycles.module';
import { EconomyImportModule } from './modules/economy-import/economy-import.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { MailModule } from './modules/mail/mail.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { MemosModule } from './modules/memos/memos.module';
import { OperationsModule } from './modules/operations/operations.module';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { ReminderWorkerModule } from './modules/reminders/reminders.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SystemModule } from './modules/system/system.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { TemplatesModule } from './modules/templates/templates.module';
import { UsersModule } from './modules/users/users.module';
import { QueueModule } from './queue/queue.module';
import { StartupService } from './startup.service';
import { LOG_REDACT_PATHS } from './common/log-redact';

/** Where the Angular build is: FRONTEND_DIR, or dist/frontend/browser beside dist/backend. */
export function frontendDir(environment: Environment): string {
  return environment.FRONTEND_DIR ? resolve(environment.FRONTEND_DIR) : join(__dirname, '..', 'frontend', 'browser');
}

@Module({})
export class AppModule {
  /** One module graph for every process role: HTTP modules only where HTTP runs, processors only where the worker runs. */
  static forRoot(environment: Environment): DynamicModule {
    const http = environment.PROCESS_ROLE !== 'worker';
    const worker = environment.PROCESS_ROLE !== 'http';
    const staticDir = frontendDir(environment);
    const serveFrontend = http && existsSync(join(staticDir, 'index.html'));
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(environment),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: environment.LOG_LEVEL,
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            redact: LOG_REDACT_PATHS,
          },
        }),
        DatabaseModule,
        QueueModule,
        MailModule,
        AuditModule,
        AuthModule,
        OrganisationModule,
        UsersModule,
        TemplatesModule,
        CyclesModule,
        TasksModule,
        NotificationsModule,
        EconomyImportModule,
        MemosModule,
        ReportsModule,
        SystemModule.register({ worker }),
        ReminderWorkerModule.register({ worker }),
        MeetingsModule.register({ worker, http }),
        ...(http ? [OperationsModule] : []),
        ...(http ? [HealthModule] : []),
        ...(serveFrontend
          ? [ServeStaticModule.forRoot({ rootPath: staticDir, exclude: ['/api/{*path}'], serveStaticOptions: { index: false } })]
          : []),
      ],
      providers: [StartupService],
    };
  }
}
