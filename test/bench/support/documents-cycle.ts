// A generated report cycle for the documents benchmark, through the database as the application
// stores it: one nämnd with 60 enheter (under a förvaltning and four verksamhetsområden), a
// secretary, and a cycle of eight sections whose tasks are all approved with realistic content
// (a few paragraphs per enhet, an economy table of 8 rows per enhet, sick leave per enhet, and
// nämnd-level texts, an investment table and an action plan). Every content is checked with the
// domain's own checker before it is stored, as the API would.
import {
  checkContent,
  type ActionPlanContent,
  type EconomyContent,
  type EconomyRow,
  type RichTextDocument,
  type SectionConfig,
  type SectionKind,
  type SickLeaveContent,
  type TableContent,
  type TaskContent,
} from '@rapportflode/domain';
import type { Client } from 'pg';

export const CYCLE_UNITS = 60;

export interface GeneratedReportCycle {
  cycleId: string;
  committee: string;
  secretary: string;
  sections: Array<{ number: string; title: string }>;
  tasks: number;
}

/** The prose of the benchmark reports (documents-model.ts uses the first five). */
export const SENTENCES = [
  'Verksamheten har under perioden arbetat vidare med de prioriterade målen och följt upp insatserna månadsvis.',
  'Antalet ärenden har ökat jämfört med samma period föregående år, vilket har påverkat både bemanning och kostnader.',
  'Enheten har genomfört samtliga planerade egenkontroller utan större avvikelser och arbetet med kvalitetsplanen följer tidplanen.',
  'Prognosen för helåret bygger på utfallet till och med augusti och de kända förändringar som beslutats under hösten.',
  'Sjukfrånvaron har minskat och arbetsmiljöarbetet har fokuserat på återhämtning och hållbar schemaläggning.',
  'Kostnaderna för externa placeringar är fortsatt höga, men fler insatser ges nu på hemmaplan genom öppenvården.',
  'Samverkan med regionen och skolan har stärkts genom gemensamma rutiner för tidiga insatser.',
  'Rekryteringsläget är fortsatt ansträngt för socionomer och legitimerad personal, och inhyrd personal används i begränsad omfattning.',
];

const ACTIVITIES = ['Personal', 'Lokaler', 'Köpta tjänster', 'Försörjningsstöd', 'Placeringar', 'Material och inventarier', 'Övriga kostnader'];
const AREAS = ['Barn och unga', 'Vuxna', 'Äldre', 'Funktionsnedsättning'];
const PLACES = ['Nord', 'Syd', 'Öst', 'Väst', 'Centrum'];

export const SECTIONS: ReadonlyArray<{ title: string; kind: SectionKind; perUnit: boolean; config: SectionConfig | null }> = [
  { title: 'Sammanfattning', kind: 'narrative', perUnit: false, config: null },
  { title: 'Viktiga händelser under perioden', kind: 'narrative', perUnit: false, config: null },
  {
    title: 'Ekonomiskt resultat',
    kind: 'economy',
    perUnit: true,
    config: {
      economy: {
        unit: 'tkr',
        columns: ['income', 'costs', 'net', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
      },
    },
  },
  { title: 'Verksamhetens utveckling', kind: 'narrative', perUnit: true, config: null },
  { title: 'Sjukfrånvaro', kind: 'sick_leave', perUnit: true, config: { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 1 } } },
  { title: 'Investeringar', kind: 'table', perUnit: false, config: null },
  { title: 'Åtgärder för en budget i balans', kind: 'action_plan', perUnit: false, config: null },
  { title: 'Framtid och utmaningar', kind: 'narrative', perUnit: false, config: null },
];

export function unitName(u: number): string {
  return `${AREAS[u % AREAS.length]} ${PLACES[u % PLACES.length]} ${Math.floor(u / AREAS.length) + 1}`;
}

function prose(seed: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) => SENTENCES[(seed + i * 3) % SENTENCES.length]).join(' ');
}

function doc(seed: number, paragraphs: number, withList: boolean): RichTextDocument {
  const content: RichTextDocument['content'] = [];
  for (let p = 0; p < paragraphs; p += 1) {
    if (p === 1) content.push({ type: 'heading', level: 3, content: [{ type: 'text', text: 'Verksamhet och kvalitet' }] });
    content.push({
      type: 'paragraph',
      content:
        p === 0
          ? [
              { type: 'text', text: 'Periodens viktigaste händelser: ', marks: [{ type: 'bold' }] },
              { type: 'text', text: prose(seed + p, 4) },
            ]
          : [{ type: 'text', text: prose(seed + p, 4 + (p % 3)) }],
    });
  }
  if (withList) {
    content.push({
      type: 'bullet_list',
      items: [0, 1, 2].map((i) => [{ type: 'paragraph', content: [{ type: 'text', text: SENTENCES[(seed + i) % SENTENCES.length] }] }]),
    });
  }
  return { type: 'doc', version: 1, content };
}

function economy(seed: number): EconomyContent {
  const row = (key: string, label: string, r: number): EconomyRow => {
    const base = ((seed * 7919 + r * 104_729) % 9_000) + 400;
    const income = r % 3 === 0 ? Math.round(base / 4) : 0;
    const costs = -base;
    const budgetNet = income + costs + ((seed + r) % 7) * 21 - 70;
    const annual = Math.round(budgetNet * 1.5);
    const forecast = Math.round((income + costs) * 1.5) + ((r % 3) - 1) * 35;
    return { key, label, values: { income, costs, budget_net: budgetNet, annual_budget: annual, forecast } };
  };
  const rows: EconomyRow[] = ACTIVITIES.map((label, r) => row(`r${r + 1}`, label, r));
  // 8 rows in all: one with two sub-rows, one with a comment.
  rows.splice(1, 1, {
    key: 'r2',
    label: 'Lokaler',
    values: {},
    children: [row('r2a', 'Hyror', 11), row('r2b', 'Drift och underhåll', 12)],
  });
  rows[4] = { ...rows[4], comment: 'Fler placeringar än budgeterat under våren; prognosen förutsätter att två avslutas i oktober.' };
  return { type: 'economy', rows };
}

function sickLeave(seed: number): SickLeaveContent {
  const short = 1 + ((seed * 37) % 30) / 10;
  const long = ((seed * 53) % 40) / 10;
  return {
    type: 'sick_leave',
    values: { total: Math.round((short + long) * 10) / 10, shortTerm: short, longTerm: long },
    ...(seed % 4 === 0 ? { comment: prose(seed, 2) } : {}),
  };
}

function investments(): TableContent {
  return {
    type: 'table',
    rows: Array.from({ length: 10 }, (_, i) => ({
      key: `i${i + 1}`,
      cells: { beskrivning: `${['Verksamhetssystem', 'Inventarier', 'Ombyggnad', 'Fordon', 'Välfärdsteknik'][i % 5]} ${i + 1}`, belopp: 250 + i * 137 },
    })),
  };
}

function actionPlan(): ActionPlanContent {
  return {
    type: 'action_plan',
    rows: Array.from({ length: 8 }, (_, i) => ({
      key: `a${i + 1}`,
      action: SENTENCES[i % SENTENCES.length].split(',')[0].slice(0, 120),
      area: AREAS[i % AREAS.length],
      years: '2031–2032',
      status: (['not_started', 'started', 'done', 'started'] as const)[i % 4],
      comment: i % 2 ? 'Följs upp i nästa tertialbokslut.' : undefined,
    })),
  };
}

function contentFor(kind: SectionKind, config: SectionConfig | null, seed: number, perUnit: boolean): TaskContent {
  const raw: TaskContent =
    kind === 'economy'
      ? economy(seed)
      : kind === 'sick_leave'
        ? sickLeave(seed)
        : kind === 'table'
          ? investments()
          : kind === 'action_plan'
            ? actionPlan()
            : doc(seed, perUnit ? 4 : 6, !perUnit || seed % 3 === 0);
  const checked = checkContent(kind, config, raw, { forSubmit: true });
  if (!checked.ok) throw new Error(`generated ${kind} content is invalid: ${checked.errors.join('; ')}`);
  return checked.content;
}

/** Generates the nämnd, its people and the approved cycle in one transaction (a second or so). */
export async function generateReportCycle(client: Client, tag: string): Promise<GeneratedReportCycle> {
  const [{ password_hash: hash }] = (await client.query(`SELECT password_hash FROM app_user WHERE email = 'admin@rapportflode.example.se'`)).rows;
  const committee = 'Socialnämnden';
  const secretary = `secretary@${tag}.se`;
  await client.query('BEGIN');
  try {
    const {
      rows: [{ id: committeeId }],
    } = await client.query(`INSERT INTO committee (municipality, name, diary_prefix) VALUES ($1, $2, 'SN') RETURNING id`, [`${tag} kommun`, committee]);
    const {
      rows: [{ id: adminId }],
    } = await client.query(`INSERT INTO organisation_unit (committee_id, kind, name) VALUES ($1, 'administration', 'Socialförvaltningen') RETURNING id`, [
      committeeId,
    ]);
    const { rows: areas } = await client.query(
      `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, sort_order)
       SELECT $1, $2, 'operating_area', a.name, a.n FROM unnest($3::text[]) WITH ORDINALITY a(name, n) RETURNING id`,
      [committeeId, adminId, AREAS],
    );
    const names = Array.from({ length: CYCLE_UNITS }, (_, u) => unitName(u));
    const { rows: units } = await client.query(
      `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, sort_order)
       SELECT $1, ($2::uuid[])[1 + ((u.n - 1) % $4::int)], 'unit', u.name, u.n FROM unnest($3::text[]) WITH ORDINALITY u(name, n)
       RETURNING id, name`,
      [committeeId, areas.map((a: { id: string }) => a.id), names, AREAS.length],
    );
    const {
      rows: [{ id: secretaryId }],
    } = await client.query(`INSERT INTO app_user (email, name, password_hash) VALUES ($1, 'Sekreterare Bench', $2) RETURNING id`, [secretary, hash]);
    await client.query(`INSERT INTO role_assignment (user_id, role, committee_id, unit_id) VALUES ($1, 'secretary', $2, NULL)`, [secretaryId, committeeId]);

    const {
      rows: [{ id: cycleId }],
    } = await client.query(
      `INSERT INTO report_cycle (committee_id, title, report_kind, year, period_end, diary_number, submission_deadline,
         review_deadline, assembly_deadline, meeting_date)
       VALUES ($1, 'Tertialbokslut 2 2031', 'interim_report', 2031, '2031-08-31', 'SN.2031.117', '2031-09-10', '2031-09-17', '2031-09-24', '2031-10-05')
       RETURNING id`,
      [committeeId],
    );
    const { rows: sections } = await client.query(
      `INSERT INTO cycle_section (cycle_id, key, number, depth, sort_order, title, kind, reviewer_role, config)
       SELECT $1, 's' || s.n, s.n::text, 1, s.n, s.title, s.kind, 'secretary', s.config
         FROM jsonb_to_recordset($2::jsonb) s(n int, title text, kind text, config jsonb)
       RETURNING id, sort_order`,
      [cycleId, JSON.stringify(SECTIONS.map((s, i) => ({ n: i + 1, title: s.title, kind: s.kind, config: s.config })))],
    );
    const sectionId = new Map<number, string>(sections.map((s: { id: string; sort_order: number }) => [s.sort_order, s.id]));
    const tasks: Array<{ section_id: string; unit_id: string | null; content: TaskContent }> = [];
    SECTIONS.forEach((section, i) => {
      const id = sectionId.get(i + 1) as string;
      if (section.perUnit) {
        units.forEach((unit: { id: string }, u: number) =>
          tasks.push({ section_id: id, unit_id: unit.id, content: contentFor(section.kind, section.config, u + i * 7, true) }),
        );
      } else tasks.push({ section_id: id, unit_id: null, content: contentFor(section.kind, section.config, i, false) });
    });
    // Approved as the workflow leaves it: state, version, a submitted snapshot round and the approve transition.
    await client.query(
      `WITH t AS (
         INSERT INTO task (cycle_id, section_id, unit_id, state, content, version, submit_round, updated_by, state_changed_at)
         SELECT $1, x.section_id, x.unit_id, 'approved', x.content, 3, 1, $3, '2031-09-16T10:00:00Z'
           FROM jsonb_to_recordset($2::jsonb) x(section_id uuid, unit_id uuid, content jsonb)
         RETURNING id
       )
       INSERT INTO task_transition (task_id, transition, from_state, to_state, actor_id, occurred_at)
       SELECT id, 'approve', 'submitted', 'approved', $3, '2031-09-16T10:00:00Z' FROM t`,
      [cycleId, JSON.stringify(tasks), secretaryId],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { cycleId, committee, secretary, sections: SECTIONS.map((s, i) => ({ number: String(i + 1), title: s.title })), tasks: tasks.length };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
