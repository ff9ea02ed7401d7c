import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@rapportflode/api-contract';
import { HEALTH_API } from '@rapportflode/api-contract';
import { Access } from '../auth/access.decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller(HEALTH_API.base)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get(HEALTH_API.get.route)
  @HealthCheck()
  @Access.public()
  @ApiOperation({ summary: 'Whether PostgreSQL and Redis answer (200 when both do, 503 otherwise)' })
  check(): Promise<HealthResponse> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1_500 }),
      () => this.redis.isHealthy('redis'),
    ]);
  }
}
