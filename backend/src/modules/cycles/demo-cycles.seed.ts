import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionPlanContent, GoalsContent, InternalControlContent, RichTextDocument, SickLeaveContent, swedishToday, TableContent, TaskContent } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { claimSeedRun } from '../../database/seed-runs';
import { AccessService, toGrants } from '../auth/access.service';
import { NotificationsService } from '../notifications/notifications.service';
import { TaskWorkflowService } from '../tasks/task-workflow.service';
import { TasksService } from '../tasks/tasks.service';
import { CyclesService } from './cycles.service';
import { DemoCyclesRepository } from './demo-cycles.repository';

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

const sickLeave = (total: number, shortTerm: number, longTerm: number): SickLeaveContent => ({ type: 'sick_leave', values: { total, shortTerm, longTerm } });

/** A nämndmål of Nacka's "Bästa utveckling för alla" with its indicators (reference 000, chapter 2.2). */
const NACKA_GOALS: GoalsContent = {
  type: 'goals',
  goals: [
    {
      key: 'utveckling',
      title: 'Bästa utveckling för alla',
      committeeGoals: [
        {
          key: 'stod',
          title:
            'Barn och vuxna med social problematik och/ eller funktionsnedsättning som är i behov av stöd, ska ges förutsättningar till bästa möjliga uppväxt och vuxenliv.',
          assessment: 'met',
          indicators: [
            {
              key: 'skyddat-boende',
              name: 'Andel kvinnor och män över 18 år som vid avslutad placering på skyddat boende uppger att de inte utsätts för våld.',
              unit: 'percent',
              previous: 85,
              value: 90,
              target: 85,
              assessment: 'met',
            },
            {
              key: 'kunskapsmal',
              name: '(N) Andel familjehemsplacerade flickor och pojkar som uppnår kunskapsmålen i skolan.',
              unit: 'percent',
              previous: 80,
              value: 76,
              target: 95,
              assessment: 'partly',
            },
          ],
        },
      ],
    },
  ],
};

/** Nacka's control plan (reference 000, chapter 8): the checks of direct procurement and call-offs. */
const NACKA_CONTROL_PLAN: InternalControlContent = {
  type: 'internal_control',
  plan: [
    {
      key: 'direktupphandling',
      area: 'Upphandling',
      goal: 'Direktupphandlingar görs enligt gällande riktlinjer.',
      responsible: 'Enhetschef',
      method: 'Stickprov på 30 % av direktupphandlingarna',
      frequency: 'Per tertial',
      reportedTo: 'Socialnämnden',
      result: 'as_planned',
    },
    {
      key: 'avrop',
      area: 'Upphandling',
      goal: 'Avrop från ramavtal görs i rangordning.',
      responsible: 'Enhetschef',
      method: 'Stickprov på 20 % av avropen',
      frequency: 'Per tertial',
      reportedTo: 'Socialnämnden',
      result: 'deviation',
      comment: '6 avrop (18 %) låg utanför de upphandlade ramavtalen.',
    },
  ],
  risks: [],
};

/**
 * Nacka's earlier Tertialbokslut 2, approved, so that this year's cycle shows earlier sick leave
 * beside the new figures and starts from last year's action plan and tables. Figures from
 * reference 000 (T2 2020 and T2 2021), placed two years and one year back.
 */
const NACKA_HISTORY: Array<{ yearsBack: number; deliveries: Array<{ email: string; section: string; content: TaskContent }> }> = [
  {
    yearsBack: 2,
    deliveries: [
      { email: 'fredrik.akesson@nacka.example.se', section: 'Sjukfrånvaro', content: sickLeave(3.8, 2.9, 0.9) },
      { email: 'camilla.oberg@nacka.example.se', section: 'Sjukfrånvaro', content: sickLeave(4.7, 2.1, 2.6) },
      // Goals and the control plan two years back only: last year's cycle closed them untouched, and a new cycle
      // still starts from the latest approved content that holds something.
      { email: 'birgitta.sandberg@nacka.example.se', section: 'Bästa utveckling för alla', content: NACKA_GOALS },
      { email: 'birgitta.sandberg@nacka.example.se', section: 'Intern kontrollplan', content: NACKA_CONTROL_PLAN },
    ],
  },
  {
    yearsBack: 1,
    deliveries: [
      { email: 'fredrik.akesson@nacka.example.se', section: 'Sjukfrånvaro', content: sickLeave(2.85, 2.23, 0.62) },
      { email: 'camilla.oberg@nacka.example.se', section: 'Sjukfrånvaro', content: sickLeave(2.17, 1.56, 0.6) },
      {
        email: 'camilla.oberg@nacka.example.se',
        section: 'Åtgärdsplan',
        content: {
          type: 'action_plan',
          rows: [
            {
              key: 'heldygn',
              action: 'Ökat fokus på uppföljning av placeringar, med början i heldygnsplaceringar: gå igenom institutionsplaceringar varje månad.',
              area: '',
              years: '',
              status: 'started',
              comment: 'Gruppchef har tätt följt de barn som tillfälligt är placerade på institution.',
            },
            {
              key: 'utredning',
              action: 'Inga kostsamma placeringar beviljas innan utredningen är avslutad.',
              area: '',
              years: '',
              status: 'done',
            },
          ],
        } satisfies ActionPlanContent,
      },
      {
        email: 'birgitta.sandberg@nacka.example.se',
        section: 'Redovisning riktade statsbidrag',
        content: {
          type: 'table',
          rows: [
            { key: 'habilitering', cells: { bidrag: 'Statsbidrag habiliteringsersättning', myndighet: 'Socialstyrelsen', sokt: 2322, erhallet: 2322, prognos: 2322 } },
            { key: 'familjehem', cells: { bidrag: 'Subvention familjehemsplaceringar', myndighet: 'Socialstyrelsen', sokt: 952, erhallet: 952, prognos: 952 } },
          ],
        } satisfies TableContent,
      },
    ],
  },
];

@Injectable()
export class DemoCyclesSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookups: DemoCyclesRepository,
    private readonly cycles: CyclesService,
    private readonly tasks: TasksService,
    private readonly taskWorkflow: TaskWorkflowService,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
  ) {}

  /** Once per database (seed_run marker), after the demo people and templates. */
  async seedOnce(now: Date = new Date()): Promise<boolean> {
    if (!(await claimSeedRun(this.dataSource.manager, 'demo-cycles'))) return false;
    // This year's delårsrapport per 31 August, with deadlines ahead of today.
    const today = swedishToday(now);
    const year = Number(today.slice(0, 4));
    const periodEnd = `${year}-08-31`;
    const from = today > periodEnd ? today : periodEnd;
    const plus = (days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await this.seedNackaHistory(year).catch((error: Error) => this.logger.warn(`Nacka's earlier cycles not seeded: ${error.message}`));
    for (const demo of DEMO_CYCLES) {
      const templateId = await this.lookups.templateId(demo.municipality, demo.template);
      const secretaryId = await this.lookups.userId(demo.secretary);
      if (!templateId || !secretaryId) continue;
      await this.cycles
        .create(
        {
          templateId,
          year,
          diaryNumber: demo.diary,
          periodEnd,
          submissionDeadline: plus(14),
          reviewDeadline: plus(21),
          assemblyDeadline: plus(28),
          meetingDate: plus(42),
        },
        await this.actorOf(secretaryId),
        )
        // A demo that cannot open its cycle (e.g. the template was changed first) still starts.
        .catch((error: Error) => this.logger.warn(`Demo cycle for ${demo.municipality} not opened: ${error.message}`));
    }
    for (const text of DEMO_TEXTS) {
      const personId = await this.lookups.userId(text.email);
      if (!personId) continue;
      const actor = await this.actorOf(personId);
      const mine = (await this.tasks.mine(personId)).tasks.find((t) => t.sectionTitle === text.section);
      if (!mine) continue;
      const task = await this.tasks.get(mine.id, actor);
      const saved = await this.taskWorkflow.saveContent(task.id, task.version, text.content, actor);
      if (text.submit) await this.taskWorkflow.transition(task.id, { transition: 'submit', version: saved.version }, actor);
    }
    this.logger.log(`Seeded ${DEMO_CYCLES.length} report cycles`);
    return true;
  }

  private async actorOf(userId: string) {
    return { userId, grants: toGrants(await this.access.grantsOf(userId)), ip: null };
  }

  private async actorByEmail(email: string) {
    const userId = await this.lookups.userId(email);
    if (!userId) throw new Error(`${email} is missing`);
    return this.actorOf(userId);
  }

  /** Nacka's earlier cycles, delivered and approved through the same services as the app. */
  private async seedNackaHistory(year: number): Promise<void> {
    const templateId = await this.lookups.templateId('Nacka kommun', 'Tertialbokslut 2');
    if (!templateId) return;
    const secretary = await this.actorByEmail('birgitta.sandberg@nacka.example.se');
    const economist = await this.actorByEmail('anders.nilsson@nacka.example.se');
    for (const history of NACKA_HISTORY) {
      const y = year - history.yearsBack;
      const cycle = await this.cycles.create(
        {
          templateId,
          year: y,
          diaryNumber: `SN.${y}.73`,
          periodEnd: `${y}-08-31`,
          submissionDeadline: `${y}-09-10`,
          reviewDeadline: `${y}-09-17`,
          assemblyDeadline: `${y}-09-24`,
          meetingDate: `${y}-10-05`,
        },
        secretary,
      );
      for (const delivery of history.deliveries) {
        const writer = await this.actorByEmail(delivery.email);
        const mine = (await this.tasks.mine(writer.userId)).tasks.find((t) => t.cycleId === cycle.id && t.sectionTitle === delivery.section);
        if (!mine) continue;
        const saved = await this.taskWorkflow.saveContent(mine.id, (await this.tasks.get(mine.id, writer)).version, delivery.content, writer);
        const submitted = await this.taskWorkflow.transition(mine.id, { transition: 'submit', version: saved.version }, writer);
        await this.taskWorkflow.transition(mine.id, { transition: 'approve', version: submitted.version }, economist);
      }
      // The rest of a past cycle is history too: closed, so it does not fill anyone's list of tasks.
      await this.tasks.approveRemaining(cycle.id);
      // …and its notices were read long ago.
      await this.notifications.markCycleRead(cycle.id);
    }
  }
}
