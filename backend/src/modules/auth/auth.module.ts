import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config.service';
import { RedisClient } from '../../queue/redis-client';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { AccessService } from './access.service';
import { AuthCache } from './auth-cache';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';
import { PasswordService } from './password.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RouteCatalog } from './route-catalog';
import { SessionService } from './session.service';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    AuditModule,
    MailModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [{ name: 'signin', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT_PER_MINUTE') }],
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccessService,
    AuthCache,
    AuthService,
    OidcService,
    PasswordService,
    SessionService,
    RouteCatalog,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessService, AuthCache, PasswordService, SessionService, RouteCatalog],
})
export class AuthModule {}
