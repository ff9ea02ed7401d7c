import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RichTextDocument, swedishToday } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { AccessService, toGrants } from '../auth/access.service';
import { CyclesService } from './cycles.service';
import { TasksService } from './tasks.service';

const paragraphs = (...texts: string[]): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: texts.map((text, i) => ({ type: 'paragraph', id: `p${i + 1}`, content: [{ type: 'text', text }] })),
});

/** One running cycle per demo template, so that "Mina uppgifter" and "Att granska" have something in them. */
const DEMO_CYCLES = [
  { municipality: 'Gnesta kommun', template: 'Delårsrapport', secretary: 'maria.holm@gnesta.example.se', diary: 'SN 2026/1703' },
  { municipality: 'Nacka kommun', template: 'Tertialbokslut 2', secretary: 'birgitta.sandberg@nacka.example.se', diary: 'SN.2026.73' },
];

/** Text from Gnesta's delårsrapport 2021 (reference 003), as a unit head would have written it. */
const DEMO_TEXTS: Array<{ email: string; section: string; submit: boolean; content: RichTextDocument }> = [
  {
    email: 'lena.wik@gnesta.example.se',
    section: 'Händelser av väsentlig betydelse',
    submit: true,
    content: paragraphs(
      'Med anledning av pandemin har vuxenutbildningen förlagt viss del av undervisningen på distans och har arbetat utifrån en digital plattform där lärarna har lagt scheman, material m.m.',
      'Digitaliseringens effekter ska utvärderas under hösten.',
    ),
  },
  {
    email: 'mikael.sund@gnesta.example.se',
    section: 'Händelser av väsentlig betydelse',
    submit: false,
    content: paragraphs(
      'Stöd till arbete i samarbete med Vuxenutbildningen har erbjudit totalt 12 personer insatsen ”Det personliga ledarskapet” under våren.',
    ),
  },
];

@Injectable()
export class DemoCyclesSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly tasks: TasksService,
    private readonly access: AccessService,
  ) {}

  /** Once per database (seed_run marker), after the demo people and templates. */
  async seedOnce(now: Date = new Date()): Promise<boolean> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO seed_run (name) VALUES ('demo-cycles') ON CONFLICT (name) DO NOTHING RETURNING name`,
    );
    if (claimed.length === 0) return false;
    // This year's delårsrapport per 31 August, with deadlines ahead of today.
    const today = swedishToday(now);
    const year = Number(today.slice(0, 4));
    const periodEnd = `${year}-08-31`;
    const from = today > periodEnd ? today : periodEnd;
    const plus = (days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    for (const demo of DEMO_CYCLES) {
      const [template] = await this.dataSource.query(
        `SELECT t.id FROM report_template t JOIN committee c ON c.id = t.committee_id WHERE c.municipality = $1 AND t.name = $2`,
        [demo.municipality, demo.template],
      );
      const [secretary] = await this.dataSource.query('SELECT id FROM app_user WHERE email = $1', [demo.secretary]);
      if (!template || !secretary) continue;
      await this.cycles
        .create(
        {
          templateId: template.id,
          year,
          diaryNumber: demo.diary,
          periodEnd,
          submissionDeadline: plus(14),
          reviewDeadline: plus(21),
          assemblyDeadline: plus(28),
          meetingDate: plus(42),
        },
        { userId: secretary.id, grants: toGrants(await this.access.grantsOf(secretary.id)), ip: null },
        )
        // A demo that cannot open its cycle (e.g. the template was changed first) still starts.
        .catch((error: Error) => this.logger.warn(`Demo cycle for ${demo.municipality} not opened: ${error.message}`));
    }
    for (const text of DEMO_TEXTS) {
      const [person] = await this.dataSource.query('SELECT id FROM app_user WHERE email = $1', [text.email]);
      if (!person) continue;
      const actor = { userId: person.id, grants: toGrants(await this.access.grantsOf(person.id)), ip: null };
      const mine = (await this.tasks.mine(person.id)).tasks.find((t) => t.sectionTitle === text.section);
      if (!mine) continue;
      const task = await this.tasks.get(mine.id, actor);
      const saved = await this.tasks.saveContent(task.id, task.version, text.content, actor);
      if (text.submit) await this.tasks.transition(task.id, { transition: 'submit', version: saved.version }, actor);
    }
    this.logger.log(`Seeded ${DEMO_CYCLES.length} report cycles`);
    return true;
  }
}
