import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.service';
import { Environment } from './environment';

@Global()
@Module({})
export class AppConfigModule {
  /**
   * The environment arrives validated (validateEnvironment runs first thing at boot), and
   * ConfigService reads only it: process.env is not consulted again, so tests can boot
   * several differently configured applications in one process.
   */
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          skipProcessEnv: true,
          validatePredefined: false,
          load: [() => ({ ...environment })],
        }),
      ],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
