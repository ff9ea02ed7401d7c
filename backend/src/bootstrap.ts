import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule, frontendDir } from './app.module';
import { API_DOCS_CONTENT_SECURITY_POLICY, appShell, contentSecurityPolicy } from './common/app-shell';
import { ApiExceptionFilter, bodyParserErrors, JSON_BODY_LIMIT } from './common/api-exception.filter';
import { rejectHostileInput } from './common/hostile-input';
import { RequestValidationPipe } from './common/request-validation.pipe';
import { Environment, EnvironmentError } from './config/environment';
import { DatabaseAvailability } from './database/database-availability';
import { NOT_SIGNED_IN } from './modules/auth/auth.guard';
import { SESSION_COOKIE, SessionService } from './modules/auth/session.service';
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
      // Set below: one policy for the API and files, the page's own (with a nonce) for the app.
      contentSecurityPolicy: false,
      // Plain-HTTP demos on a LAN address must not be forced to HTTPS by the browser.
      strictTransportSecurity: false,
    }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    const docs = request.path === `/${API_PREFIX}/docs` || request.path.startsWith(`/${API_PREFIX}/docs/`);
    response.setHeader('Content-Security-Policy', docs ? API_DOCS_CONTENT_SECURITY_POLICY : contentSecurityPolicy(null));
    next();
  });
  const shell = frontendDir(environment);
  if (environment.PROCESS_ROLE !== 'worker' && existsSync(join(shell, 'index.html'))) app.use(appShell(shell, API_PREFIX));
  // JSON only: the framework's default parsers (urlencoded among them) are off, see createHttpApp.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(bodyParserErrors);
  app.use(cookieParser());
  // API answers are per person: no browser or proxy keeps them (downloads say so themselves too).
  app.use(`/${API_PREFIX}`, (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The API description is for signed-in people, like everything but health (README).
  const sessions = app.get(SessionService);
  app.use([`/${API_PREFIX}/docs`, `/${API_PREFIX}/docs-json`], (request: Request, response: Response, next: NextFunction) => {
    sessions.find(request.cookies?.[SESSION_COOKIE]).then(
      (session) => (session ? next() : response.status(401).json({ statusCode: 401, ...NOT_SIGNED_IN().getResponse() as object })),
      next,
    );
  });
  // NUL, lone surrogates and deep nesting are refused before any guard or validator reads the request.
  app.use(rejectHostileInput);
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(app.get(DatabaseAvailability)));
  app.enableShutdownHooks();
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = environment.HTTP_KEEP_ALIVE_SECONDS * 1000;
  // Node requires the headers timeout above the keep-alive timeout, or it cuts a request just arriving.
  server.headersTimeout = server.keepAliveTimeout + 5_000;

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
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment), {
    bufferLogs: true,
    bodyParser: false,
  });
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
