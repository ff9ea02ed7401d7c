import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from './config/app-config.service';
import { DemoCyclesSeeder } from './modules/cycles/demo-cycles.seed';
import { DemoMeetingsSeeder } from './modules/meetings/demo-meetings.seed';
import { OrganisationSeeder } from './modules/organisation/organisation.seed';
import { SystemService } from './modules/system/system.service';
import { DemoTemplatesSeeder } from './modules/templates/demo-templates.seed';
import { DemoPeopleSeeder } from './modules/users/demo-people.seed';

/** Runs once the database is migrated: demo data (once), and a delayed job that proves the queue works. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    private readonly config: AppConfig,
    private readonly seeder: OrganisationSeeder,
    private readonly people: DemoPeopleSeeder,
    private readonly templates: DemoTemplatesSeeder,
    private readonly cycles: DemoCyclesSeeder,
    private readonly meetings: DemoMeetingsSeeder,
    private readonly system: SystemService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsHttp) return;
    if (this.config.get('SEED_DEMO_DATA')) {
      await this.seeder.seedOnce();
      await this.people.seedOnce(this.config.get('DEMO_PASSWORD'));
      await this.templates.seedOnce();
      await this.cycles.seedOnce();
      await this.meetings.seedOnce();
    }
    // Not awaited: the API serves while Redis is away (/api/health reports it), and BullMQ
    // waits for Redis to come back rather than failing.
    this.system.scheduleQueueCheck().then(
      (jobId) => this.logger.log(`Queue check ${jobId} scheduled`),
      (error: Error) => this.logger.warn(`Could not schedule the queue check: ${error.message}`),
    );
  }
}
