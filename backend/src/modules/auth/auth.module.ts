import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.service';
import { RedisClient } from '../../queue/redis-client';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { UserAccountsModule } from '../users/user-accounts.module';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { AuthCache } from './auth-cache';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordService } from './password.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RouteCatalog } from './route-catalog';
import { SessionService } from './session.service';
import { PostgresAttemptCounter, SigninLimiter } from './signin-limiter';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    AuditModule,
    MailModule,
    UserAccountsModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisClient, getDataSourceToken()],
      useFactory: (config: AppConfig, redis: RedisClient, dataSource: DataSource) => ({
        throttlers: [{ name: 'signin', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT_PER_MINUTE') }],
        storage: new RedisThrottlerStorage(redis, new PostgresAttemptCounter(dataSource)),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccessRepository,
    AccessService,
    AuthRepository,
    AuthCache,
    AuthService,
    OidcService,
    PasswordService,
    PasswordResetService,
    SessionService,
    SigninLimiter,
    RouteCatalog,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessService, AuthCache, PasswordService, PasswordResetService, SessionService, RouteCatalog],
})
export class AuthModule {}
