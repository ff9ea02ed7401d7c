import { DEFAULT_TEMPLATE_LAYOUT } from '@rapportflode/domain';
import { layoutPreview } from './template-layout-preview';
import type { EditorSection } from './template-sections';

const row = (uid: string, title: string, extra: Partial<EditorSection> = {}): EditorSection => ({
  uid,
  savedKey: null,
  parentUid: null,
  title,
  kind: 'narrative',
  responsibility: 'committee',
  unitIds: [],
  reviewerRole: 'economist',
  ...extra,
});

const rows = [
  row('a', 'Verksamhet', { headingOnly: true }),
  row('b', 'Händelser', { parentUid: 'a' }),
  row('c', 'Ekonomiskt resultat', { kind: 'economy' }),
  row('d', 'Sjukfrånvaro per enhet', { placement: 'appendix' }),
];
const numbers = [
  { number: '1', depth: 1 },
  { number: '1.1', depth: 2 },
  { number: '2', depth: 1 },
  { number: 'B1', depth: 1 },
];

describe('layoutPreview (the template editor’s panel Utskrift)', () => {
  it('shows the table of contents and a caption as reports print today by default', () => {
    expect(layoutPreview(rows, numbers, DEFAULT_TEMPLATE_LAYOUT)).toEqual({
      toc: [
        { label: '1 Verksamhet', level: 1 },
        { label: '1.1 Händelser', level: 2 },
        { label: '2 Ekonomiskt resultat', level: 1 },
        { label: 'Bilaga 1 Sjukfrånvaro per enhet', level: 1 },
      ],
      caption: 'Tabell 1. Ekonomiskt resultat',
      chapters: 'Varje kapitel börjar på en ny sida i PDF-filen.',
    });
  });

  it('follows the choices: unnumbered headings, one TOC level, captions without number, chapters run on', () => {
    const preview = layoutPreview(rows, numbers, { numberedHeadings: false, tocDepth: 1, captions: false, chapterPageBreak: false });
    expect(preview.toc.map((l) => l.label)).toEqual(['Verksamhet', 'Ekonomiskt resultat', 'Bilaga 1 Sjukfrånvaro per enhet']);
    expect(preview.caption).toBe('Ekonomiskt resultat');
    expect(preview.chapters).toBe('Kapitlen följer direkt efter varandra i PDF-filen.');
    expect(layoutPreview(rows, numbers, { ...DEFAULT_TEMPLATE_LAYOUT, tocDepth: 0 }).toc).toEqual([]);
  });
});
