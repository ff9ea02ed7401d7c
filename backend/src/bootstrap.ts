import { INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter, JSON_BODY_LIMIT } from './common/api-exception.filter';
import { Environment, EnvironmentError } from './config/environment';
import { ensureLocalRedis, RedisUnavailableError } from './queue/local-redis';

export const API_PREFIX = 'api';

/** The local default for Redis, when REDIS_URL is unset (see local-redis.ts). */
export async function prepareServices(environment: Environment): Promise<void> {
  if (environment.REDIS_URL) return;
  await ensureLocalRedis(environment.DATA_DIR, (line) => console.log(line));
}

/** Everything an HTTP application needs beyond its modules; the tests use exactly this. */
export function configureHttpApp(app: NestExpressApplication, environment: Environment): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.disable('x-powered-by');
  const trust = environment.TRUST_PROXY;
  app.set('trust proxy', trust === 'false' ? false : /^\d+$/.test(trust) ? Number(trust) : trust);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI (under /api/docs) styles itself inline; nothing else needs more than 'self'.
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
      // Plain-HTTP demos on a LAN address must not be forced to HTTPS by the browser.
      strictTransportSecurity: false,
    }),
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(cookieParser());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rapportflöde API')
      .setDescription('Report cycles, section tasks and approvals for Swedish municipal committees')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}

export async function createHttpApp(environment: Environment): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment), { bufferLogs: true });
  configureHttpApp(app, environment);
  return app;
}

export async function createWorkerContext(environment: Environment): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(environment), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  context.enableShutdownHooks();
  return context;
}


/** A boot failure: one plain line for a configuration problem, the full error for anything else. */
export function exitOnBootError(error: unknown): never {
  if (error instanceof EnvironmentError || error instanceof RedisUnavailableError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`The port is already in use: ${(error as Error).message}. Set PORT to a free port.`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
