/**
 * A DocumentModel built from reference 000 (Nacka kommun, Socialnämnden, Tertialbokslut 2 2021):
 * its title, its chapters in order, and real rows of its tables (the nämnd's economy table, the
 * sick-leave figures, an indicator table, the grant table), and the appendix Bilaga 1 Översyn OE T2.
 * Shared by the renderer tests (HTML, PDF, DOCX, open data). Test code only: it lives outside src/, so
 * the library never ships it.
 */
import type { Block, DocumentModel, DocumentStatus, HeadingBlock, MissingItem, TableBlock } from '../src/lib/model';
import { column, heading, paragraph, text } from '../src/lib/model';

/** A table of reference 000: its id, caption and unit, then the rest in the model's order. */
function table(id: string, caption: string, unit: string, rest: Omit<TableBlock, 'type' | 'id' | 'caption' | 'unit'>): TableBlock {
  return { type: 'table', id, caption, unit, ...rest };
}

/** The nämnd's economy table (reference 000, chapter 3), tkr, with its grouped headings. */
export const NACKA_ECONOMY_TABLE: TableBlock = table('tabell-ekonomi-socialnamnden', 'Ekonomiskt utfall per verksamhet, Socialnämnden', 'tkr', {
  groupHeaders: [
    [
      { label: '', span: 1 },
      { label: 'Ack utfall 2021', span: 3 },
      { label: 'Ack budget 2021', span: 4 },
      { label: 'Helår budget och prognos 2021', span: 3 },
    ],
  ],
  columns: [
    column('Verksamhet', 'verksamhet', 'text'),
    column('Utfall intäkter', 'utfall_intakter'),
    column('Utfall kostnader', 'utfall_kostnader'),
    column('Utfall netto', 'utfall_netto'),
    column('Budget intäkter', 'budget_intakter'),
    column('Budget kostnader', 'budget_kostnader'),
    column('Budget netto', 'budget_netto'),
    column('Budget avvikelser', 'budget_avvikelse'),
    column('Budget netto helår', 'budget_netto_helar'),
    column('Prognos netto', 'prognos_netto'),
    column('Prognos avvikelser', 'prognos_avvikelse'),
  ],
  rows: [
    { cells: ['Barn och unga 0-20 år', 5318, -111434, -106116, 4372, -116071, -111699, 5582, -167548, -161900, 5648] },
    { cells: ['Vuxna 21-64 år', 12432, -56946, -44514, 12359, -53025, -40666, -3848, -60999, -65968, -4969] },
    { cells: ['Personer med funktionsnedsättning', 25383, -380640, -355257, 22258, -379960, -357702, 2445, -536553, -537908, -1355] },
    { cells: ['Gemensam socialtjänst', 3, -2605, -2602, 0, -3371, -3371, 769, -5056, -5056, 0] },
    { cells: ['Myndighet och huvudmannaskap', 0, -83224, -83224, 0, -84126, -84126, 902, -126189, -125376, 813] },
    { cells: ['Nämnd och nämndstöd', 0, -1688, -1688, 0, -1599, -1599, -89, -2398, -2535, -137] },
    { cells: ['Summa', 43136, -636537, -593401, 38989, -638151, -599162, 5761, -898743, -898743, 0], kind: 'total' },
  ],
  footnotes: ['Negativa belopp är nettokostnader.'],
  dataset: { unit: null, period: 'T2 2021', section: '3 Ekonomiskt resultat' },
});

/** Barn och unga 0-20 år per verksamhet (reference 000), with sub-rows and a total. */
export const NACKA_CHILDREN_TABLE: TableBlock = table('tabell-ekonomi-barn-och-unga', 'Ackumulerat utfall och prognos för barn och unga 0-20 år', 'tkr', {
  columns: [
    column('Verksamhet', 'verksamhet', 'text'),
    column('Utfall 08', 'utfall'),
    column('Budget 08', 'budget'),
    column('Budget avvikelse', 'budget_avvikelse'),
    column('Prognos', 'prognos'),
    column('Budget 2021', 'budget_helar'),
    column('Prognos avvikelse', 'prognos_avvikelse'),
    column('Bokslut 2020', 'bokslut_2020'),
  ],
  rows: [
    { cells: ['Heldygnsvård', -52040, -60749, 8709, -80344, -91123, 10779, -81242] },
    { cells: ['Biståndsbedömd öppenvård', -31254, -26093, -5161, -47175, -39140, -8035, -40143] },
    { cells: ['Övrig öppenvård inkl föreningsbidrag', -19142, -20250, 1108, -28537, -30375, 1838, -26190] },
    { cells: ['Familjerådgivning o insatser familjerätt', -2115, -2493, 378, -3564, -3740, 176, -3238], kind: 'sub' },
    { cells: ['Ensamkommande barn och unga', -1565, -2113, 549, -2280, -3170, 890, -2888] },
    { cells: ['Summa barn och unga', -106116, -111699, 5583, -161900, -167548, 5648, -153701], kind: 'total' },
  ],
  dataset: { unit: 'Barn och familjeenheten', period: 'T2 2021', section: '3 Ekonomiskt resultat' },
});

/** Indicators with their assessment marker (reference 000, 2.3). */
export const NACKA_INDICATOR_TABLE: TableBlock = table('tabell-indikatorer-livsmiljoer', 'Indikatorer, attraktiva livsmiljöer i hela Nacka', '%', {
  columns: [
    column('Indikatorer', 'indikator', 'text'),
    column('Utfall 2020', 'utfall_2020', 'percent', 0),
    column('Utfall 2021', 'utfall_2021', 'percent', 0),
    column('Mål 2021', 'mal_2021', 'percent', 0),
    column('Måluppfyllelse 2021', 'maluppfyllelse_2021', 'percent', 0),
  ],
  rows: [
    {
      cells: ['Andel av hyresgästerna med socialt kontrakt som efter avslutad insats anskaffar en egen bostad.', 74, 77, 75, 103],
      marker: 'green',
    },
    {
      cells: [
        '(N) Andel kunder som bedömts och beviljats bistånd till boende enligt LSS och där behovet kan tillgodoses inom kommunens gränser',
        80,
        81,
        90,
        90,
      ],
      marker: 'yellow',
    },
  ],
  footnotes: [
    'Andel kunder som bedömts och beviljats bistånd enligt LSS i Nacka. Ett antal personer har mycket speciella behov som inte kan tillgodoses i Nacka.',
  ],
});

/** Sick leave per result unit (reference 000, chapter 6), per cent with two decimals. */
export const NACKA_SICK_LEAVE_TABLE: TableBlock = table('tabell-sjukfranvaro', 'Sjukfrånvaro per resultatenhet', '%', {
  columns: [
    column('Resultatenhet', 'resultatenhet', 'text'),
    column('Period', 'period', 'text'),
    column('Tot sjukfrånvaro (SKL:s nyckeltal 1)', 'total', 'percent', 2),
    column('Tot kort sjukfrånvaro (max 59 dgr)', 'kort', 'percent', 2),
    column('Tot lång sjukfrånvaro (60 dgr eller mer)', 'lang', 'percent', 2),
  ],
  rows: [
    { cells: ['Barn o familjeenheten', 'T2 2018', 4.3, 2.4, 1.9] },
    { cells: ['Barn o familjeenheten', 'T2 2019', 4.2, 2.6, 1.6] },
    { cells: ['Barn o familjeenheten', 'T2 2020', 4.7, 2.1, 2.6] },
    { cells: ['Barn o familjeenheten', 'T1 2021', 2.89, 1.93, 0.96] },
    { cells: ['Barn o familjeenheten', 'T2 2021', 2.17, 1.56, 0.6] },
    { cells: ['Omsorgsenheten', 'T2 2018', 4.1, 3.0, 1.1] },
    { cells: ['Omsorgsenheten', 'T2 2019', 5.5, 2.7, 2.8] },
    { cells: ['Omsorgsenheten', 'T2 2020', 3.8, 2.9, 0.9] },
    { cells: ['Omsorgsenheten', 'T1 2021', 2.36, 2.31, 0.05] },
    { cells: ['Omsorgsenheten', 'T2 2021', 2.85, 2.23, 0.62] },
  ],
  dataset: { unit: null, period: 'T2 2021', section: '6 Sjukfrånvaro' },
});

/** Riktade statsbidrag (reference 000, chapter 5), with empty cells. */
export const NACKA_GRANTS_TABLE: TableBlock = table('tabell-statsbidrag', 'Bidrag som beviljats/erhållits perioden jan-aug 2021', 'tkr', {
  columns: [
    column('Bidrag', 'bidrag', 'text'),
    column('Myndighet', 'myndighet', 'text'),
    column('Sökt belopp', 'sokt'),
    column('Erhållet/reserverat belopp', 'erhallet'),
    column('Prognos år 2021', 'prognos'),
  ],
  rows: [
    { cells: ['Statsbidrag habiliteringsersättning 2021', 'Socialstyrelsen', 2322, 2322, 2322] },
    { cells: ['Subvention familjehemsplaceringar 2021', 'Socialstyrelsen', 952, 952, 952] },
    { cells: ['Utvecklingsmedel för arbete mot våld i nära relationer 2021', 'Socialstyrelsen', 552, 552, 515] },
    { cells: ['Statsbidrag återsökning merkostnader Covid-19 2020', 'Socialstyrelsen', 2296, 2051, 2051] },
    { cells: ['Stimulansmedel psykisk hälsa 2021', 'StorSthlm', 3068, 3068, 3068] },
    { cells: ['Prio BoU 2016', 'StorSthlm', null, 566, 566] },
    { cells: ['Våld i nära relationer 2016', 'Socialstyrelsen', null, 355, 150] },
    { cells: ['Stimulansmedel Psykisk hälsa 2019', 'StorSthlm', null, 2655, 1650] },
    { cells: ['Totalt', null, 10601, 15084, 13545], kind: 'total' },
  ],
});

/** The chapter titles of reference 000 in order, without numbers (also the demo template's sections). */
export const NACKA_CHAPTER_TITLES = [
  'Sammanfattning',
  'Verksamhetsresultat',
  'Ekonomiskt resultat',
  'Investeringar',
  'Redovisning riktade statsbidrag',
  'Sjukfrånvaro',
  'Åtgärdsplan',
  'Intern kontrollplan',
  'Uppföljning av medel ur framtidsfonder',
] as const;

/** The chapter headings of reference 000 in order: '1 Sammanfattning' … '9 Uppföljning …'. */
export const NACKA_CHAPTERS: readonly string[] = NACKA_CHAPTER_TITLES.map((title, i) => `${i + 1} ${title}`);

const chapter = (n: number): HeadingBlock => heading(1, String(n), NACKA_CHAPTER_TITLES[n - 1], `h-${n}`);

function body(): Block[] {
  return [
    chapter(1),
    heading(2, '1.1', 'Tre viktigaste händelserna', 'h-1-1'),
    paragraph(
      'Antalet personer utsatta för våld i nära relationer som söker stöd och skydd har ökat avsevärt under perioden januari till och med augusti 2021, både vad det gäller behov av skyddade boenden och öppna insatser.',
    ),
    paragraph(
      'Anmälningar kring oro för barn som far illa fortsätter att öka från en redan hög nivå. Barn och familjeenhetens arbete med att ta emot och bedöma orosanmälningar och se till att barn är skyddade, måste fungera oavsett försvårade omständigheter i och med pandemin.',
    ),
    paragraph(
      'På omsorgsenheten ses en ökning av äldre kunder med missbruksproblematik. Komplexiteten i ärendena ökar, samsjuklighet samt personer som inte etableras i samhället och en ökad psykisk ohälsa leder till ökade krav på kompetens hos handläggare samt höga krav på samverkan.',
    ),
    heading(2, '1.2', 'Nulägesbeskrivning av Coronapandemin', 'h-1-2'),
    heading(3, undefined, 'Barn och familjeenheten', 'h-1-2-a'),
    paragraph(
      'Fler samtal har till exempel genomförts digitalt eller via telefon för att minska antalet fysiska möten, vilket har inneburit utmaningar i arbetet med barns delaktighet. Inte heller besöken hos placerade barn har kunnat genomföras i den utsträckning som lagen stadgar, vilket är en brist då barnen är särskilt utsatta.',
    ),
    heading(3, undefined, 'Omsorgsenheten', 'h-1-2-b'),
    paragraph(
      'Nacka har haft öppet samtliga verksamheter under pandemin dock har deltagandet i daglig verksamhet varit låg då kunder valt att stanna hemma på grund av rädsla för att bli smittade. Då majoriteten av kunderna nu är vaccinerade har de nu återgått till sina verksamheter.',
    ),

    chapter(2),
    heading(2, '2.1', 'Maximalt värde för skattepengarna', 'h-2-1'),
    paragraph(
      'Socialtjänsten utvecklas utifrån Nackabornas behov. Insatser som erbjuds håller en hög kvalitet och utgår från en evidensbaserad praktik.',
      'lead',
    ),
    heading(2, '2.2', 'Bästa utveckling för alla', 'h-2-2'),
    heading(3, undefined, 'Familjehemsplacerade flickor och pojkar som uppnår kunskapsmålen i skolan', 'h-2-2-a'),
    paragraph([
      text('Antal placerade barn som ingått i SkolFam insatsen under läsåret 2020/2021 är sammanlagt '),
      text('22 barn', ['bold']),
      text(', 12 pojkar och 10 flickor. '),
      text('82 procent', ['italic']),
      text(' av de placerade barnen inom SkolFam har uppnått kunskapsmålen i skolan. Mer om enkäten finns hos '),
      { text: 'SKR', href: 'https://skr.se/' },
      text('.'),
    ]),
    {
      type: 'list',
      ordered: false,
      items: [
        { content: [text('10 barn på lågstadiet')] },
        { content: [text('6 barn i mellanstadiet')] },
        {
          content: [text('6 barn i högstadiet')],
          children: { type: 'list', ordered: false, items: [{ content: [text('varav fyra når inte målen i samtliga ämnen')] }] },
        },
      ],
    },
    heading(2, '2.3', 'Attraktiva livsmiljöer i hela Nacka', 'h-2-3'),
    paragraph(
      'I tio av tretton avslutade sociala kontrakt har kunden anskaffat egen bostad. Av de tre som inte anskaffat egen bostad har andra lösningar kommit till stånd.',
    ),
    NACKA_INDICATOR_TABLE,
    heading(2, '2.4', 'Stark balanserad tillväxt', 'h-2-4'),
    paragraph(
      'Antalet familjer som söker individuellt råd och stöd ökar stadigt för varje år och tendensen håller i sig även i år. Under januari till och med augusti 2021 sökte 770 familjer stöd i jämförelse med 666 familjer samma period föregående år.',
    ),

    { type: 'page_break' },
    chapter(3),
    NACKA_ECONOMY_TABLE,
    heading(2, '3.1', 'Utfall och prognos Socialnämnden', 'h-3-1'),
    paragraph(
      'Periodens utfall är 593,4 miljoner kronor, +5,8 miljoner kronor. 4,3 miljoner av kostnaderna avser insatser utförda under 2020. Prognosen för helåret är 898,4 miljoner kronor, samma som budgeten för helåret.',
    ),
    heading(2, '3.2', 'Barn och unga 0-20 år', 'h-3-2'),
    paragraph(
      'Under hösten 2020 minskade antalet placeringar i olika former av heldygnsvård jämfört med våren 2020. Störst påverkan på kostnaderna hade det minskade antalet placerade ungdomar på statens institutionsstyrelse (SiS).',
    ),
    NACKA_CHILDREN_TABLE,
    heading(2, '3.3', 'Nämnd och nämndstöd', 'h-3-3'),
    paragraph(
      'Nämnden har fått högre kostnader för digital nämndhantering och teknikstöd i samband med det, kostnader för nämndstöd och extra möten för sociala utskottet.',
    ),

    chapter(4),
    paragraph('Socialnämnden har inga pågående investeringsprojekt.'),

    chapter(5),
    paragraph('Bidrag som beviljats eller erhållits under perioden, per bidrag och myndighet.'),
    NACKA_GRANTS_TABLE,
    paragraph('Översynen av omsorgsenheten redovisas i bilaga 1.', 'note'),

    chapter(6),
    paragraph(
      'Chefer inom sociala omsorgsprocessen planerar och vidtar åtgärder vid sjukskrivningar. Täta kontakter hålls med medarbetaren även vid korttidsfrånvaro för att fånga upp indikationer på brister i arbetsmiljön.',
    ),
    NACKA_SICK_LEAVE_TABLE,
    {
      type: 'chart',
      id: 'diagram-sjukfranvaro',
      title: 'Total sjukfrånvaro T2 2018–2021',
      description:
        'Den totala sjukfrånvaron har sjunkit för båda enheterna: Barn o familjeenheten från 4,30 % (T2 2018) till 2,17 % (T2 2021), Omsorgsenheten från 4,10 % till 2,85 %.',
      unit: '%',
      decimals: 2,
      categories: ['T2 2018', 'T2 2019', 'T2 2020', 'T2 2021'],
      series: [
        { name: 'Barn o familjeenheten', values: [4.3, 4.2, 4.7, 2.17] },
        { name: 'Omsorgsenheten', values: [4.1, 5.5, 3.8, 2.85] },
      ],
    },

    chapter(7),
    paragraph(
      'Socialnämnden gav, i september 2020, social- och äldredirektören i uppdrag att göra en översyn för att säkerställa att de personer som kommer i kontakt med omsorgsenheten får rätt insats av god kvalitet på ett kostnadseffektivt sätt.',
    ),

    chapter(8),
    heading(2, '8.1', 'Kvalitetsplanens egenkontroller', 'h-8-1'),
    paragraph(
      'De åtgärder och egenkontroller som är planerade i kvalitetsplanen följer angiven tidplan på Barn och familjeenheten.',
    ),
    heading(2, '8.2', 'Otillåten direktupphandling', 'h-8-2'),
    paragraph(
      'Under perioden januari-augusti 2021 har 120 direktupphandlingar genomförts inom socialnämndens område. Av dessa har 35 stycken, dvs ca 30 % kontrollerats, samtliga var tillåtna enligt gällande riktlinjer.',
    ),
    heading(2, '8.3', 'Loggkontroll avseende personuppgifter och sekretess', 'h-8-3'),
    paragraph('Loggkontroller är genomförda utan anmärkning på båda enheterna.'),

    chapter(9),
    paragraph('Socialnämnden har inga medel ur framtidsfonder.'),
  ];
}

export const NACKA_FINAL_STATUS: DocumentStatus = {
  kind: 'final',
  version: 2,
  frozenAt: '2021-09-24T08:00:00.000Z',
  checksum: '3f9a1c0b7d2e4f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a',
};

export const NACKA_MISSING: readonly MissingItem[] = [
  { section: '2.3 Attraktiva livsmiljöer i hela Nacka', unit: 'Omsorgsenheten', state: 'Ej påbörjad' },
  { section: '3 Ekonomiskt resultat', unit: null, state: 'Inlämnad' },
];

/**
 * The fixture: a final (frozen) report. `{ draft: true }` gives the same document as a draft with
 * two missing sections.
 */
export function nackaT2Fixture(options: { draft?: boolean } = {}): DocumentModel {
  return {
    meta: {
      kind: 'report',
      committee: 'Socialnämnden',
      municipality: 'Nacka kommun',
      title: 'Tertialbokslut 2 2021',
      subtitle: 'Socialnämnden',
      period: 'januari–augusti 2021',
      diaryNumber: 'SN.2021.73',
      dates: [{ label: 'Upprättad', date: '2021-09-24' }],
      language: 'sv-SE',
      runningHeader: 'Socialnämnden, Tertialbokslut 2 2021',
      status: options.draft ? { kind: 'draft', missing: NACKA_MISSING } : NACKA_FINAL_STATUS,
    },
    titlePage: true,
    tocDepth: 2,
    body: body(),
    appendices: [
      {
        number: 1,
        title: 'Översyn OE T2',
        id: 'bilaga-1',
        body: [
          heading(2, undefined, 'Uppföljning av översynen', 'h-bilaga-1-1'),
          paragraph(
            'Enheten har upprättat och implementerat arbetsprocesser för de delar där det saknades i det administrativa arbetet. Det som kvarstår är framförallt att hitta digitala, effektiva lösningar i administrationen, främst kring personlig assistans.',
          ),
          {
            type: 'list',
            ordered: true,
            items: [
              { content: [text('Arbetsprocesser för administrationen är införda.')] },
              { content: [text('Prognosarbetet för personlig assistans utvecklas vidare.')] },
            ],
          },
        ],
      },
    ],
  };
}
