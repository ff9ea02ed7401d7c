import { checkTemplateSections, TemplateSectionInput } from './template';

const section = (
  key: string,
  parentKey: string | null,
  title: string,
  extra: Partial<TemplateSectionInput> = {},
): TemplateSectionInput => ({
  key,
  parentKey,
  title,
  kind: 'narrative',
  responsibility: 'committee',
  reviewerRole: 'economist',
  ...extra,
});

// Chapters of Nacka's Tertialbokslut 2 (reference 000).
const nacka: TemplateSectionInput[] = [
  section('sammanfattning', null, 'Sammanfattning'),
  section('verksamhetsresultat', null, 'Verksamhetsresultat'),
  section('skattepengarna', 'verksamhetsresultat', 'Maximalt värde för skattepengarna', { kind: 'goals' }),
  section('utveckling', 'verksamhetsresultat', 'Bästa utveckling för alla', { kind: 'goals' }),
  section('ekonomi', null, 'Ekonomiskt resultat', { kind: 'economy', responsibility: 'all_units' }),
];

describe('checkTemplateSections', () => {
  it('numbers chapters and sub-chapters in the order they are listed, as in the reference report', () => {
    const result = checkTemplateSections(nacka);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Sammanfattning',
      '2 Verksamhetsresultat',
      '2.1 Maximalt värde för skattepengarna',
      '2.2 Bästa utveckling för alla',
      '3 Ekonomiskt resultat',
    ]);
    expect(result.sections.find((s) => s.key === 'utveckling')?.depth).toBe(2);
  });

  it('refuses a section nested inside itself, naming it', () => {
    const result = checkTemplateSections([
      section('a', 'b', 'Avsnitt A'),
      section('b', 'a', 'Avsnitt B'),
      section('c', null, 'C'),
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'Avsnittet "Avsnitt A" ligger inuti sig självt (en cirkel i strukturen).',
        'Avsnittet "Avsnitt B" ligger inuti sig självt (en cirkel i strukturen).',
      ],
    });
    expect(checkTemplateSections([section('a', 'a', 'Självrefererande')])).toMatchObject({ ok: false });
  });

  it('refuses duplicate keys, missing parents, empty titles, deep nesting and chosen units without units', () => {
    const result = checkTemplateSections([
      section('a', null, 'A'),
      section('a', null, 'A igen'),
      section('b', 'saknas', 'B'),
      section('c', null, '  '),
      section('d', null, 'D', { responsibility: 'chosen_units', unitIds: [] }),
      section('l1', null, 'L1'),
      section('l2', 'l1', 'L2'),
      section('l3', 'l2', 'L3'),
      section('l4', 'l3', 'L4'),
      section('l5', 'l4', 'L5'),
      section('Ogiltig nyckel', null, 'X'),
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'Avsnittsnyckeln "a" förekommer två gånger.',
      'Avsnittet "c" saknar rubrik.',
      'Avsnittet "D" ska levereras av valda enheter men inga enheter är valda.',
      'Avsnittsnyckeln "Ogiltig nyckel" får bara innehålla små bokstäver a–z, siffror, - och _.',
      'Avsnittet "B" ligger under "saknas", som inte finns.',
      'Avsnittet "L5" ligger på nivå 5; högst 4 nivåer är tillåtna.',
    ]);
  });

  it('refuses a reviewer role that may not review, and kinds it does not know', () => {
    const result = checkTemplateSections([
      section('a', null, 'Sammanfattning', { reviewerRole: 'secretary' }),
      section('b', null, 'Ekonomi', { reviewerRole: 'director' }),
      section('c', null, 'Okänt', { kind: 'poem' as never, reviewerRole: 'boss' as never }),
    ]);
    expect(!result.ok && result.errors).toEqual([
      'Avsnittet "Sammanfattning" kan inte granskas av nämndsekreterare: välj en roll som får granska.',
      'Avsnittet "Okänt" har en okänd avsnittstyp.',
      'Avsnittet "Okänt" har en okänd granskarroll.',
    ]);
  });
});
