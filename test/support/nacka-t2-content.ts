/**
 * Content for every task of Nacka's demo template "Tertialbokslut 2", taken from reference 000
 * (Nacka Socialnämnden, Tertialbokslut 2 2021, /work/shared/reference/000_*.txt): its sentences,
 * goal indicators, economy rows, state grants, sick leave and internal control. The figures come
 * from the transcriptions in test/fixtures/reference (000-*.json). Each value is valid content
 * for its section kind (libs/domain checkContent, forSubmit), so it can be saved, handed in and
 * approved as it is. Shared by the API tests and (later) the browser tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, '../fixtures/reference', `${name}.json`), 'utf8')) as T;

export const NACKA_UNITS = { barnOchFamilj: 'Barn och familjeenheten', omsorg: 'Omsorgsenheten' } as const;
export type NackaUnit = (typeof NACKA_UNITS)[keyof typeof NACKA_UNITS];

// ---------------------------------------------------------------------------------------------
// Rich text

type Run = { type: 'text'; text: string; marks?: Array<{ type: 'bold' | 'italic' }> };
type Block =
  | { type: 'paragraph'; id?: string; content: Run[] }
  | { type: 'heading'; level: 2 | 3; content: Run[] }
  | { type: 'bullet_list'; items: Block[][] };

const run = (text: string): Run => ({ type: 'text', text });
const p = (text: string): Block => ({ type: 'paragraph', content: [run(text)] });
const doc = (...content: Block[]) => ({ type: 'doc', version: 1, content });
const bullets = (...texts: string[]): Block => ({ type: 'bullet_list', items: texts.map((t) => [p(t)]) });

// ---------------------------------------------------------------------------------------------
// Economy (reference 000, chapter 3, line 184: the nämnd's table by verksamhet)

interface EconomyFixtureRow {
  label: string;
  values: number[];
}
const verksamhet = fixture<{ columns: Array<{ meaning: string }>; rows: EconomyFixtureRow[] }>('000-economy-verksamhet');
const meanings = verksamhet.columns.map((c) => c.meaning);
/** The columns a person enters in Nacka's layout (the others are computed). */
const ENTERED = ['income', 'costs', 'budget_income', 'budget_costs', 'annual_budget', 'forecast'] as const;

/** A verksamhet's row of the nämnd table as printed: every column by its meaning. */
export function verksamhetRow(label: string): Record<string, number> {
  const row = verksamhet.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no row ${label} in 000-economy-verksamhet`);
  return Object.fromEntries(meanings.map((m, i) => [m, row.values[i]]));
}

/** Which unit reports which verksamhet of the nämnd table (the nämnd's six rows split over the two units). */
export const ECONOMY_ROWS: Readonly<Record<NackaUnit, readonly string[]>> = {
  'Barn och familjeenheten': ['Barn och unga 0-20 år', 'Gemensam socialtjänst', 'Nämnd och nämndstöd'],
  Omsorgsenheten: ['Vuxna 21-64 år', 'Personer med funktionsnedsättning', 'Myndighet och huvudmannaskap'],
};

/** The reference's comment under each verksamhet (the headings and first sentences of chapter 3). */
const ECONOMY_COMMENTS: Readonly<Record<string, string>> = {
  'Barn och unga 0-20 år':
    'Periodens resultat +5,6 miljoner kronor, prognos +5,6 miljoner kronor. Merparten av det positiva resultatet har upparbetats under tertial 2.',
  'Vuxna 21-64 år':
    'Periodens avvikelse är -3,8 miljoner kronor och beror på högre kostnader än budgeterat för personer med missbruksproblematik och för personer utsatta för våld i nära relation (VINR).',
  'Personer med funktionsnedsättning': 'Sammantaget visar prognosen på en negativ avvikelse med -1,4 miljoner kronor.',
  'Gemensam socialtjänst': 'Inom budgeten finns bland annat kostnader för projekt, budgeten kommer att förbrukas.',
  'Myndighet och huvudmannaskap': 'Två vakanta tjänster inom kvalitet och stödgruppen på Omsorgsenheten kommer inte att återbesättas.',
  'Nämnd och nämndstöd':
    'Nämnden har fått högre kostnader för digital nämndhantering och teknikstöd i samband med det, kostnader för nämndstöd och extra möten för sociala utskottet.',
};

const rowKey = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function economyContent(unit: NackaUnit) {
  return {
    type: 'economy',
    rows: ECONOMY_ROWS[unit].map((label) => {
      const all = verksamhetRow(label);
      return { key: rowKey(label), label, values: Object.fromEntries(ENTERED.map((c) => [c, all[c]])), comment: ECONOMY_COMMENTS[label] };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Goals (reference 000, chapter 2: lines 108, 125, 172)

interface GoalsFixtureTable {
  section: string;
  goal: string;
  rows: Array<{ indicator: string; values: number[]; comment?: string }>;
}
const goalTables = fixture<{ tables: GoalsFixtureTable[] }>('000-goals').tables;

const MAXIMALT_VARDE_GOAL =
  'Socialtjänsten utvecklas utifrån Nackabornas behov. Insatser som erbjuds håller en hög kvalitet och utgår från en evidensbaserad praktik. Medborgarnas krav på hög tillgänglighet och flexibilitet möts med varierade och effektiva arbetssätt som anpassas efter individens förutsättningar.';

function goalsFrom(sectionTitle: string) {
  const table = goalTables.find((t) => t.section.endsWith(sectionTitle));
  if (!table) throw new Error(`no goal table for ${sectionTitle}`);
  const key = rowKey(sectionTitle).slice(0, 20);
  const indicators = table.rows.map((r, i) => ({
    key: `${key}-i${i + 1}`,
    name: r.indicator,
    unit: 'percent',
    previous: r.values[0],
    value: r.values[1],
    target: r.values[2],
    assessment: r.values[1] >= r.values[2] ? 'met' : r.values[1] >= 0.8 * r.values[2] ? 'partly' : 'not_met',
    ...(r.comment ? { comment: r.comment.slice(0, 4_000) } : {}),
  }));
  const met = indicators.every((i) => i.assessment === 'met');
  return {
    type: 'goals',
    goals: [
      {
        key: `${key}-kf`,
        title: sectionTitle,
        committeeGoals: [{ key: `${key}-sn`, title: table.goal, assessment: met ? 'met' : 'partly', indicators }],
      },
    ],
  };
}

const maximaltVarde = {
  type: 'goals',
  goals: [
    {
      key: 'skattepengarna-kf',
      title: 'Maximalt värde för skattepengarna',
      committeeGoals: [
        {
          key: 'skattepengarna-sn',
          title: MAXIMALT_VARDE_GOAL,
          assessment: 'partly',
          comment:
            'Nämnden har fått högre kostnader för digital nämndhantering och teknikstöd i samband med det, kostnader för nämndstöd och extra möten för sociala utskottet.',
          indicators: [],
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Sick leave (reference 000, chapter 6, lines 413 and 420: T2 2021)

const sickLeaveFixture: Readonly<Record<NackaUnit, string>> = {
  'Barn och familjeenheten': '000-sick-leave-barn-och-familjeenheten',
  Omsorgsenheten: '000-sick-leave-omsorgsenheten',
};

/** The unit's T2 2021 sick leave as printed: total, ≤59 days, ≥60 days (2,17/1,56/0,60 and 2,85/2,23/0,62). */
export function sickLeaveValues(unit: NackaUnit): { total: number; shortTerm: number; longTerm: number } {
  const rows = fixture<{ rows: Array<{ period: string; values: [number, number, number] }> }>(sickLeaveFixture[unit]).rows;
  const row = rows.find((r) => r.period === 'T2 2021');
  if (!row) throw new Error(`no T2 2021 sick leave for ${unit}`);
  const [total, shortTerm, longTerm] = row.values;
  return { total, shortTerm, longTerm };
}

const SICK_LEAVE_COMMENT =
  'Sjukfrånvaron för Barn och familjeenheten och Omsorgsenheten har sjunkit under tertial 2, både vad det gäller långtidsfrånvaron och korttidsfrånvaron.';

const sickLeave = (unit: NackaUnit) => ({ type: 'sick_leave', values: sickLeaveValues(unit), comment: SICK_LEAVE_COMMENT });

// ---------------------------------------------------------------------------------------------
// Tables of chapters 4, 5 and 9

/** Chapter 5 (line 390), every row as printed; the printed Totalt is 10 601 / 15 084 / 13 545. */
export const STATE_GRANT_ROWS: ReadonlyArray<[string, string, number | null, number, number]> = [
  ['Statsbidrag habiliteringsersättning 2021', 'Socialstyrelsen', 2322, 2322, 2322],
  ['Subvention familjehemsplaceringar 2021', 'Socialstyrelsen', 952, 952, 952],
  ['Utvecklingsmedel för arbete mot våld i nära relationer 2021', 'Socialstyrelsen', 552, 552, 515],
  ['Statsbidrag återsökning merkostnader Covid-19 2020', 'Socialstyrelsen', 2296, 2051, 2051],
  ['Stimulansmedel inom ramen för överenskommelsen om stöd till riktade insatser inom området psykisk hälsa 2021', 'StorSthlm', 3068, 3068, 3068],
  ['Stimulansmedel stärkt brukarmedverkan 2021', 'StorSthlm', 44, 44, 44],
  ['Stimulansmedel stärkt suicidpreventivt arbete 2021', 'StorSthlm', 936, 936, 936],
  ['Stärkt samverkan för personer med samsjuklighet', 'StorSthlm', 431, 431, 431],
  ['Prio BoU 2016', 'StorSthlm', null, 566, 566],
  ['Våld i nära relationer 2016', 'Socialstyrelsen', null, 355, 150],
  ['Prio 2017 Handlingsplan', 'StorSthlm', null, 389, 60],
  ['Våld i nära relationer 2017', 'Socialstyrelsen', null, 302, 302],
  ['Stimulansmedel Psykisk hälsa 2019', 'StorSthlm', null, 2655, 1650],
  ['Stimulansmedel Psykisk hälsa 2020', 'StorSthlm', null, 461, 461],
];

const stateGrants = {
  type: 'table',
  rows: STATE_GRANT_ROWS.map(([bidrag, myndighet, sokt, erhallet, prognos], i) => ({
    key: `g${i + 1}`,
    cells: { bidrag, myndighet, 'annan-namnd': null, sokt, erhallet, prognos },
  })),
};

/** Chapter 4: "Socialnämnden har inga pågående investeringsprojekt." (one row saying so). */
const investments = {
  type: 'table',
  rows: [
    {
      key: 'inga',
      cells: { projekt: 'Inga pågående investeringsprojekt', budget: 0, utfall: 0, prognos: 0, kommentar: 'Socialnämnden har inga pågående investeringsprojekt.' },
    },
  ],
};

/** Chapter 9 prints only its heading: one row saying there is nothing to follow up. */
const futureFunds = {
  type: 'table',
  rows: [
    {
      key: 'inga',
      cells: { insats: 'Inga medel ur framtidsfonder under perioden', beviljat: 0, utfall: 0, kommentar: 'Uppföljning av medel ur framtidsfonder, tertial 2.' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Åtgärdsplan (chapter 7) and intern kontroll (chapter 8)

const actionPlan = {
  type: 'action_plan',
  rows: [
    {
      key: 'a1',
      action: 'Upprätta och implementera arbetsprocesser för de delar där det saknades i det administrativa arbetet.',
      area: 'Omsorg',
      years: '2020 - 2021',
      status: 'done',
      comment: 'Enheten har upprättat och implementerat arbetsprocesser för de delar där det saknades i det administrativa arbetet.',
    },
    {
      key: 'a2',
      action: 'Hitta digitala, effektiva lösningar i administrationen, främst kring personlig assistans.',
      area: 'Omsorg',
      years: '2021',
      status: 'started',
      comment: 'Detta arbete kommer att fortgå under året.',
    },
    {
      key: 'a3',
      action: 'Hitta arbetssätt och metoder så det lättare kan göras prognoser på kostnaderna gällande personlig assistans.',
      area: 'Omsorg',
      years: '2021',
      status: 'started',
      comment: 'Enheten behöver arbeta vidare med att hitta arbetssätt och metoder.',
    },
  ],
};

const internalControl = {
  type: 'internal_control',
  plan: [
    {
      key: 'kvalitetsplan',
      group: 'Verksamhet/Brukare',
      area: 'Kvalitetsplanens egenkontroller',
      goal: 'De åtgärder och egenkontroller som är planerade i kvalitetsplanen följer angiven tidplan.',
      responsible: 'Enhetschefer',
      method: 'Kollegiegranskning och brukarundersökning',
      frequency: 'Enligt kvalitetsplanen',
      reportedTo: 'Socialnämnden',
      result: 'as_planned',
      comment: 'En kollegiegranskning har skett avseende att utredningar gällande våld följer Socialstyrelsens föreskrifter och allmänna råd.',
    },
    {
      key: 'direktupphandling',
      group: 'Ekonomi',
      area: 'Otillåten direktupphandling',
      goal: 'Direktupphandlingar görs enligt gällande riktlinjer.',
      responsible: 'Enhetschefer',
      method: 'Stickprov',
      frequency: '1 gg/tertial',
      reportedTo: 'Socialnämnden',
      result: 'as_planned',
      comment:
        'Under perioden januari-augusti 2021 har 120 direktupphandlingar genomförts inom socialnämndens område. Av dessa har 35 stycken, dvs ca 30 % kontrollerats, samtliga var tillåtna enligt gällande riktlinjer.',
    },
    {
      key: 'rangordning',
      group: 'Ekonomi',
      area: 'Rangordning vid avrop från ramavtal används inte',
      goal: 'Avrop från ramavtal görs enligt rangordningen.',
      responsible: 'Enhetschefer',
      method: 'Stickprov',
      frequency: '1 gg/tertial',
      reportedTo: 'Socialnämnden',
      result: 'deviation',
      comment:
        '6 avrop (18 %) har identifierats som avvikelser, dvs den verksamhet som använts finns inte med inom upphandlade ramavtal. Inom Omsorgsenheten har ingen kontroll av rangordning kunnat genomföras.',
    },
    {
      key: 'loggkontroll',
      group: 'Medarbetare',
      area: 'Loggkontroll avseende personuppgifter och sekretess',
      goal: 'Åtkomst till personuppgifter följer gällande regler om sekretess.',
      responsible: 'Enhetschefer',
      method: 'Loggkontroll',
      frequency: '1 gg/tertial',
      reportedTo: 'Socialnämnden',
      result: 'as_planned',
      comment: 'Loggkontroller är genomförda utan anmärkning på båda enheterna.',
    },
  ],
  risks: [],
};

// ---------------------------------------------------------------------------------------------
// Narratives (chapter 1 and the chapter introductions)

const sammanfattning = doc(
  p(
    'Periodens utfall är 593,4 miljoner kronor, +5,8 miljoner kronor. Periodavvikelsen för vuxna 0-64 år är -3,8 miljoner och nämnden, -0,1 miljoner kronor jämfört med budgeten för januari-augusti. Det vägs upp av positiv avvikelse för barn och unga.',
  ),
  p('Prognosen för helåret är 898,4 miljoner kronor, samma som budgeten för helåret. Prognosen påverkas fortfarande i viss mån av pandemin.'),
);

const viktigasteHandelserna = doc(
  p('Tre händelser har präglat perioden januari till och med augusti 2021:'),
  bullets(
    'Antalet personer utsatta för våld i nära relationer som söker stöd och skydd har ökat avsevärt under perioden januari till och med augusti 2021, både vad det gäller behov av skyddade boenden och öppna insatser.',
    'Anmälningar kring oro för barn som far illa fortsätter att öka från en redan hög nivå. Barn och familjeenhetens arbete med att ta emot och bedöma orosanmälningar och se till att barn är skyddade, måste fungera oavsett försvårade omständigheter i och med pandemin.',
    'På omsorgsenheten ses en ökning av äldre kunder med missbruksproblematik. Komplexiteten i ärendena ökar, samsjuklighet samt personer som inte etableras i samhället och en ökad psykisk ohälsa leder till ökade krav på kompetens hos handläggare samt höga krav på samverkan.',
  ),
  p('Även nuvarande insatser ses över så att de möter kundernas behov.'),
);

const nulage: Readonly<Record<NackaUnit, ReturnType<typeof doc>>> = {
  'Barn och familjeenheten': doc(
    p(
      'Fler samtal har till exempel genomförts digitalt eller via telefon för att minska antalet fysiska möten, vilket har inneburit utmaningar i arbetet med barns delaktighet.',
    ),
    p(
      'Inte heller besöken hos placerade barn har kunnat genomföras i den utsträckning som lagen stadgar, vilket är en brist då barnen är särskilt utsatta.',
    ),
  ),
  Omsorgsenheten: doc(
    p(
      'Nacka har haft öppet samtliga verksamheter under pandemin dock har deltagandet i daglig verksamhet varit låg då kunder valt att stanna hemma på grund av rädsla för att bli smittade. Då majoriteten av kunderna nu är vaccinerade har de nu återgått till sina verksamheter.',
    ),
    p('Vissa kunder önskar att få ha möten digitalt vilket vi nu med teknikens hjälp kan tillmötesgå.'),
    p(
      'Enheterna har haft låg sjukfrånvaro under tertial 2. Under sommaren har enheterna haft god bemanning för att hålla god kvalitet och rimlig arbetsbelastning i verksamheterna.',
    ),
  ),
};

const verksamhetsresultat = doc(
  p(
    'Socialnämnden har from 1 augusti 2021 ett utökat ansvar för personer som utsätter närstående för våld eller andra övergrepp. Frivilliga insatser erbjuds via insatsen alternativ till våld (ATV), men andra insatser kan också vara aktuella.',
  ),
  p(
    'I tio av tretton avslutade sociala kontrakt har kunden anskaffat egen bostad. Av de tre som inte anskaffat egen bostad har andra lösningar kommit till stånd.',
  ),
);

// ---------------------------------------------------------------------------------------------

/** What a section's tasks hold: the nämnd-level task's content, or each unit's. */
export interface SectionContent {
  committee?: unknown;
  units?: Partial<Record<NackaUnit, unknown>>;
}

/** Every section of "Tertialbokslut 2" by title, filled from reference 000. */
export function nackaT2Content(): Readonly<Record<string, SectionContent>> {
  const perUnit = (make: (unit: NackaUnit) => unknown) => ({
    units: { 'Barn och familjeenheten': make('Barn och familjeenheten'), Omsorgsenheten: make('Omsorgsenheten') },
  });
  return {
    Sammanfattning: { committee: sammanfattning },
    'Tre viktigaste händelserna': { committee: viktigasteHandelserna },
    Nulägesbeskrivning: perUnit((u) => nulage[u]),
    Verksamhetsresultat: { committee: verksamhetsresultat },
    'Maximalt värde för skattepengarna': { committee: maximaltVarde },
    'Bästa utveckling för alla': { committee: goalsFrom('Bästa utveckling för alla') },
    'Attraktiva livsmiljöer i hela Nacka': { committee: goalsFrom('Attraktiva livsmiljöer i hela Nacka') },
    'Stark balanserad tillväxt': { committee: goalsFrom('Stark balanserad tillväxt') },
    'Ekonomiskt resultat': perUnit(economyContent),
    Investeringar: { committee: investments },
    'Redovisning riktade statsbidrag': { committee: stateGrants },
    Sjukfrånvaro: perUnit(sickLeave),
    Åtgärdsplan: { units: { 'Barn och familjeenheten': actionPlan } },
    'Intern kontrollplan': { committee: internalControl },
    'Uppföljning av medel ur framtidsfonder': { committee: futureFunds },
  };
}
