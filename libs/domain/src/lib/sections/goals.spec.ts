import {
  ASSESSMENT_DISPLAY,
  checkGoals,
  computeGoals,
  diffGoals,
  formatFulfilment,
  fulfilment,
  GoalsContent,
  koladaId,
  parseAssessment,
  readGoalsContent,
} from './goals';

const indicator = (key: string, name: string, previous: number, value: number, target: number, extra: object = {}) => ({
  key,
  name,
  unit: 'percent' as const,
  previous,
  value,
  target,
  assessment: null,
  ...extra,
});

// Nacka, Tertialbokslut 2 2021 (reference 000, lines 108-178): Utfall 2020, Utfall 2021, Mål 2021, Måluppfyllelse 2021.
const nacka: GoalsContent = {
  type: 'goals',
  goals: [
    {
      key: 'basta-utveckling',
      title: 'Bästa utveckling för alla',
      committeeGoals: [
        {
          key: 'uppvaxt',
          title: 'Barn och vuxna med social problematik och/ eller funktionsnedsättning som är i behov av stöd, ska ges förutsättningar till bästa möjliga uppväxt och vuxenliv.',
          assessment: null,
          indicators: [
            indicator('skyddat-boende', 'Andel kvinnor och män över 18 år som vid avslutad placering på skyddat boende uppger att de inte utsätts för våld.', 85, 90, 85, {
              comment: 'Under tertial 2 har 10 våldsutsatta lämnat skyddade boenden.',
            }),
            indicator('kunskapsmal', '(N) Andel familjehemsplacerade flickor och pojkar som uppnår kunskapsmålen i skolan.', 80, 76, 95),
          ],
        },
      ],
    },
    {
      key: 'livsmiljoer',
      title: 'Attraktiva livsmiljöer i hela Nacka',
      committeeGoals: [
        {
          key: 'delta',
          title: 'Den som har en funktionsnedsättning får möjlighet att delta i samhällslivet på lika villkor.',
          assessment: null,
          indicators: [
            indicator('socialt-kontrakt', 'Andel av hyresgästerna med socialt kontrakt som efter avslutad insats anskaffar en egen bostad.', 74, 77, 75),
            indicator('lss-boende', '(N) Andel kunder som bedömts och beviljats bistånd till boende enligt LSS och där behovet kan tillgodoses inom kommunens gränser', 80, 81, 90),
          ],
        },
      ],
    },
    {
      key: 'tillvaxt',
      title: 'Stark balanserad tillväxt',
      committeeGoals: [
        {
          key: 'tryggt-liv',
          title: 'Barn och vuxna lever ett tryggt och självständigt liv utifrån sina förutsättningar.',
          assessment: null,
          indicators: [
            indicator('minimaria', 'Andel ungdomar som fått insats på MiniMaria för sitt missbruk och som vid avslutad insats är drogfria', 78, 85, 90),
            indicator('beroende', 'Andel vuxna som fått insats på Beroendemottagningen för sitt missbruk och efter avslutad insats nått sitt mål med insatsen.', 73, 76, 75),
            indicator('foraldrastod', 'Andel kunder som fått föräldrastödsinsatser och som anser att de har fått stöd och vägledning i sin föräldraroll.', 97, 98, 95),
          ],
        },
      ],
    },
  ],
};

describe('goals and indicators', () => {
  it('computes Nacka’s måluppfyllelse with one decimal, printed in whole per cent as the report does', () => {
    const computed = computeGoals(nacka).flatMap((g) => g.committeeGoals.flatMap((cg) => cg.indicators));
    expect(computed.map((i) => i.fulfilment)).toEqual([105.9, 80, 102.7, 90, 94.4, 101.3, 103.2]);
    // As printed in the last column of 000: 106 %, 80 %, 103 %, 90 %, 94 %, 101 %, 103 %.
    expect(computed.map((i) => formatFulfilment(i.fulfilment))).toEqual(['106\u00a0%', '80\u00a0%', '103\u00a0%', '90\u00a0%', '94\u00a0%', '101\u00a0%', '103\u00a0%']);
  });

  it('has no måluppfyllelse without a target or a value, and turns the ratio round where lower is better', () => {
    expect(fulfilment({ value: 90, target: 0 })).toBeNull();
    expect(fulfilment({ value: 90, target: null })).toBeNull();
    expect(fulfilment({ value: null, target: 85 })).toBeNull();
    // E.g. days of waiting: 12 against a target of 10 is 83,3 %; 8 against 10 is 125 %.
    expect(fulfilment({ value: 12, target: 10, lowerIsBetter: true })).toBe(83.3);
    expect(fulfilment({ value: 8, target: 10, lowerIsBetter: true })).toBe(125);
    expect(fulfilment({ value: 0, target: 10, lowerIsBetter: true })).toBeNull();
    expect(formatFulfilment(null)).toBe('–');
  });

  it('shows every assessment as text with its colour, never colour alone', () => {
    expect(ASSESSMENT_DISPLAY.met).toEqual({ label: 'Uppnås', colour: 'success', text: 'Målet bedöms uppnås' });
    expect(ASSESSMENT_DISPLAY.partly.label).toBe('Delvis');
    expect(ASSESSMENT_DISPLAY.not_met.label).toBe('Uppnås ej');
    // Gnesta writes "Bedöms delvis uppnås till årsskiftet" (reference 003, line 502).
    expect(['Uppnås', 'delvis', 'Bedöms delvis uppnås', 'UPPNÅS EJ', 'not_met', 'Kanske'].map(parseAssessment)).toEqual([
      'met',
      'partly',
      'partly',
      'not_met',
      'not_met',
      null,
    ]);
  });

  it('accepts Nacka’s goals as they are, and reads typed figures, assessments and Kolada ids into clean form', () => {
    // Indicator comments typed as text are stored as rich text of their paragraphs.
    expect(checkGoals({ year: 2021 }, nacka)).toEqual({ ok: true, content: readGoalsContent(nacka) });
    const typed = {
      ...nacka,
      goals: [
        {
          ...nacka.goals[0],
          committeeGoals: [
            {
              ...nacka.goals[0].committeeGoals[0],
              assessment: 'Delvis',
              indicators: [{ ...nacka.goals[0].committeeGoals[0].indicators[0], value: '90 %', assessment: 'uppnås', source: 'u35544' }],
            },
          ],
        },
      ],
    };
    const checked = checkGoals(null, typed);
    const cg = checked.ok ? checked.content.goals[0].committeeGoals[0] : null;
    expect(cg?.assessment).toBe('partly');
    expect(cg?.indicators[0]).toMatchObject({ value: 90, assessment: 'met', source: 'U35544' });
    expect(koladaId('Egen mätning')).toBeNull();
  });

  it('names the indicator and the column of every problem', () => {
    const bad = {
      type: 'goals',
      goals: [
        {
          key: 'g',
          title: 'Bästa utveckling för alla',
          committeeGoals: [
            {
              key: 'cg',
              title: '',
              assessment: 'Grönt',
              indicators: [
                { key: 'i1', name: 'Andel ungdomar som är drogfria', unit: '%', previous: 78, value: 185, target: '90,55' },
                { key: 'i2', name: 'Antal familjer som sökt stöd', unit: 'count', previous: 666, value: -770, target: null },
              ],
            },
          ],
        },
      ],
    };
    const result = checkGoals({ year: 2021, requireAssessment: true }, bad);
    expect(!result.ok && result.issues).toEqual([
      { row: 'Rad 1', column: 'title', message: 'Nämndmål saknas.' },
      { row: 'Rad 1', column: 'assessment', message: '"Grönt" är ingen bedömning; välj Uppnås, Delvis eller Uppnås ej.' },
      { row: 'Andel ungdomar som är drogfria', column: 'value', message: 'Utfall 2021: 185,0\u00a0% är ingen andel; en andel ligger mellan 0 och 100 %.' },
      { row: 'Andel ungdomar som är drogfria', column: 'target', message: 'Mål 2021: anges med högst en decimal (90,6).' },
      { row: 'Andel ungdomar som är drogfria', column: 'assessment', message: 'Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.' },
      { row: 'Antal familjer som sökt stöd', column: 'value', message: 'Utfall 2021: ett antal kan inte vara negativt.' },
      { row: 'Antal familjer som sökt stöd', column: 'assessment', message: 'Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.' },
    ]);
  });

  it('shows the reviewer the changed cells, måluppfyllelse included', () => {
    const after: GoalsContent = {
      ...nacka,
      goals: nacka.goals.map((g) =>
        g.key !== 'basta-utveckling'
          ? g
          : {
              ...g,
              committeeGoals: g.committeeGoals.map((cg) => ({
                ...cg,
                indicators: cg.indicators.map((i) => (i.key === 'skyddat-boende' ? { ...i, value: 92, assessment: 'met' as const } : i)),
              })),
            },
      ),
    };
    const row = 'Andel kvinnor och män över 18 år som vid avslutad placering…';
    expect(diffGoals(nacka, after, { year: 2021 })).toEqual([
      { row, column: 'Utfall 2021', before: 90, after: 92 },
      { row, column: 'Måluppfyllelse 2021', before: 105.9, after: 108.2 },
      { row, column: 'Bedömning', before: null, after: 'Uppnås' },
    ]);
  });
});
