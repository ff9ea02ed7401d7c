import type { ScanHitDto } from '@rapportflode/api-contract';
import { highlightMatch, hitDocument, publishBlockers, publishedAsCompiled } from './scan-hits';
import { item, meeting } from './testing';

const hit = (id: string, resolution: ScanHitDto['resolution'] = null): ScanHitDto => ({
  id,
  fileId: 'f1',
  document: 'Bilaga 1',
  page: 2,
  kind: 'personnummer',
  match: '19121212-1212',
  context: 'Sökande 19121212-1212 bor i Gnesta.',
  resolution,
  reason: null,
  resolvedByName: null,
});

describe('highlightMatch', () => {
  it('marks the match inside its context', () => {
    expect(highlightMatch('Sökande 19121212-1212 bor i Gnesta.', '19121212-1212')).toEqual([
      { text: 'Sökande ', match: false },
      { text: '19121212-1212', match: true },
      { text: ' bor i Gnesta.', match: false },
    ]);
  });

  it('marks every occurrence, at the edges too', () => {
    expect(highlightMatch('a@b.se eller a@b.se', 'a@b.se')).toEqual([
      { text: 'a@b.se', match: true },
      { text: ' eller ', match: false },
      { text: 'a@b.se', match: true },
    ]);
  });

  it('finds a match written with other spaces or case, and reads special characters literally', () => {
    expect(highlightMatch('Ring 070-123\u00a045 67 i dag', '070-123 45 67')).toEqual([
      { text: 'Ring ', match: false },
      { text: '070-123\u00a045 67', match: true },
      { text: ' i dag', match: false },
    ]);
    expect(
      highlightMatch('Mejla Anna.Berg@Exempel.se', 'anna.berg@exempel.se')
        .filter((p) => p.match)
        .map((p) => p.text),
    ).toEqual(['Anna.Berg@Exempel.se']);
    expect(highlightMatch('(08) 123 45', '(08) 123')).toEqual([
      { text: '(08) 123', match: true },
      { text: ' 45', match: false },
    ]);
  });

  it('leaves a context without the match as it is', () => {
    expect(highlightMatch('Inget här', '1234')).toEqual([{ text: 'Inget här', match: false }]);
    expect(highlightMatch('Inget här', ' ')).toEqual([{ text: 'Inget här', match: false }]);
  });
});

describe('publishBlockers', () => {
  const pkg = {
    id: 'p',
    kallelseVersion: 1,
    audience: 'public' as const,
    pageCount: 3,
    sha256: 'x',
    createdAt: '2026-09-10T08:00:00Z',
    files: [],
  };
  const version = {
    version: 1,
    reason: null,
    sentAt: '2026-09-10T08:00:00Z',
    sentByName: null,
    mails: { total: 1, sent: 1, pending: 0, failed: 0 },
  };

  it('lets Publicera wait until every hit is handled', () => {
    const m = meeting({
      publicPackage: pkg,
      kallelseVersions: [version],
      scanHits: [hit('h1'), hit('h2'), hit('h3', 'not_personal_data')],
    });
    expect(publishBlockers(m)).toEqual(['2 träffar i granskningen är inte hanterade.']);
    expect(publishBlockers({ ...m, scanHits: [hit('h1'), hit('h3', 'not_personal_data')] })).toEqual([
      'En träff i granskningen är inte hanterad.',
    ]);
    expect(publishBlockers({ ...m, scanHits: [hit('h3', 'not_personal_data')] })).toEqual([]);
  });

  it('needs the kallelse sent and the package compiled', () => {
    expect(publishBlockers(meeting())).toEqual([
      'Kallelsen har inte skickats.',
      'Handlingarna är inte sammanställda (fliken Handlingar).',
    ]);
  });
});

describe('hitDocument', () => {
  it('finds the handling a hit’s file was made from', () => {
    const doc = {
      id: 'doc1',
      kind: 'attachment' as const,
      title: 'Bilaga 1',
      position: 0,
      secret: false,
      secrecyReference: null,
      fileName: 'b.pdf',
      pages: 2,
      size: 10,
      ready: true,
    };
    const file = {
      id: 'f1',
      documentRef: 'doc1',
      itemNumber: 1,
      title: 'Bilaga 1',
      fileName: 'b.pdf',
      pages: 2,
      size: 10,
      sha256: 'x',
      hasHtml: false,
    };
    const m = meeting({
      items: [item('i1', 'decision', 1, { documents: [doc] })],
      publicPackage: {
        id: 'p',
        kallelseVersion: 1,
        audience: 'public',
        pageCount: 2,
        sha256: 'x',
        createdAt: '2026-09-10T08:00:00Z',
        files: [file],
      },
    });
    expect(hitDocument(m, hit('h1'))).toBe(doc);
    expect(hitDocument(m, { ...hit('h1'), fileId: 'kallelse' })).toBeNull();
  });
});

describe('publishedAsCompiled', () => {
  const pkg = (kallelseVersion: number, createdAt: string) => ({
    id: 'p',
    kallelseVersion,
    audience: 'public' as const,
    pageCount: 3,
    sha256: 'x',
    createdAt,
    files: [],
  });
  const publication = {
    publishedAt: '2026-09-10T09:00:00Z',
    releasedByName: null,
    kallelseVersion: 2,
    scanned: [],
    hitsResolved: 0,
  };

  it('offers Publicera again only for handlingar compiled after the publication', () => {
    expect(publishedAsCompiled({ publicPackage: pkg(2, '2026-09-10T08:00:00Z'), publication })).toBe(true);
    expect(publishedAsCompiled({ publicPackage: pkg(3, '2026-09-11T08:00:00Z'), publication })).toBe(false);
    expect(publishedAsCompiled({ publicPackage: pkg(2, '2026-09-10T08:00:00Z'), publication: null })).toBe(false);
  });
});
