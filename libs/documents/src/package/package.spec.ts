import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { degrees, PageSizes, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { compilePackage, MANIFEST_FILE, zipPackage, type CompiledPackage, type PackageInput, type PackageManifest } from '../package';
import { safePdfName, safeSegment, UniqueNames } from './names';

// The merged package checked with the tools a reader's side would use: qpdf (structure, outlines,
// page labels, annotations) and pdftotext (the stamps as text, their place on the displayed page).

const A4 = PageSizes.A4 as [number, number];
const A4_LANDSCAPE: [number, number] = [A4[1], A4[0]];

interface SourcePage {
  size: [number, number];
  rotate?: number;
  /** MediaBox origin moved away from (0, 0). */
  offset?: [number, number];
  /** A CropBox inset this much from the MediaBox on every side. */
  crop?: number;
}

/** A source PDF: each page says `${label} s<n>`; optionally a named-destination link (page 1 → page 2) and a URI link. */
async function sourcePdf(label: string, pages: SourcePage[], links = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((spec, i) => {
    const page = doc.addPage(spec.size);
    if (spec.offset) page.setMediaBox(spec.offset[0], spec.offset[1], spec.size[0], spec.size[1]);
    const box = page.getMediaBox();
    if (spec.crop) page.setCropBox(box.x + spec.crop, box.y + spec.crop, box.width - 2 * spec.crop, box.height - 2 * spec.crop);
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
    page.drawText(`${label} s${i + 1}`, { x: box.x + 80, y: box.y + box.height / 2, size: 14, font });
  });
  if (links && pages.length > 1) {
    const [first, second] = doc.getPages();
    const ctx = doc.context;
    doc.catalog.set(PDFName.of('Dests'), ctx.obj({ 'sida-2': [second.ref, 'XYZ', 0, second.getHeight(), null] }));
    const internal = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [80, 100, 200, 120], Border: [0, 0, 0], Dest: 'sida-2' }));
    const uri = ctx.register(
      ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [80, 130, 200, 150], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of('https://www.nacka.se/') } }),
    );
    first.node.set(PDFName.of('Annots'), ctx.obj([internal, uri]));
  }
  return doc.save();
}

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const qpdfJson = (file: string, ...keys: string[]) =>
  JSON.parse(run('qpdf', ['--json=2', ...keys.map((k) => `--json-key=${k}`), file]).stdout) as Record<string, unknown>;
const pageText = (file: string, page: number) => run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).stdout;

interface Outline {
  title: string;
  destpageposfrom1: number;
  dest: unknown[];
  kids: Outline[];
}

interface BboxWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** pdftotext -bbox: the words of one page in the displayed page's coordinates (y from the top). */
function words(file: string, page: number): BboxWord[] {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).stdout;
  return Array.from(html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)).map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5].replace(/&amp;/g, '&'),
  }));
}

describe('compilePackage and zipPackage', () => {
  let dir: string;
  let file: string;
  let input: PackageInput;
  let compiled: CompiledPackage;
  const generatedAt = new Date('2026-12-01T08:30:00Z');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rf-package-'));
    input = {
      committee: 'Socialnämnden',
      municipality: 'Nacka kommun',
      meetingDate: '2026-12-15',
      title: 'Handlingar till Socialnämndens sammanträde 2026-12-15',
      generatedAt,
      parts: [
        {
          itemNumber: null,
          title: 'Kallelse och föredragningslista',
          documents: [{ title: 'Kallelse', fileName: 'kallelse.pdf', pdf: await sourcePdf('Kallelse', [{ size: A4 }, { size: A4 }]) }],
        },
        {
          itemNumber: 1,
          title: 'Delårsrapport 2026 för socialnämnden',
          documents: [
            {
              title: 'Tjänsteskrivelse Delårsrapport 2026',
              fileName: 'tjansteskrivelse.pdf',
              pdf: await sourcePdf('Tjanst', [{ size: A4 }, { size: A4_LANDSCAPE }, { size: PageSizes.Letter as [number, number] }]),
            },
            {
              title: 'Bilaga 1 Revisionsrapport',
              fileName: 'bilaga.pdf',
              pdf: await sourcePdf('Revision', [{ size: A4 }, { size: A4, rotate: 90 }], true),
            },
          ],
        },
        {
          itemNumber: 2,
          title: 'Åtgärdsplan för äldreomsorgen',
          documents: [
            {
              title: 'Tjänsteskrivelse Åtgärdsplan → beslut ≥ 2027',
              fileName: 'bilaga.pdf',
              pdf: await sourcePdf('Atgard', [{ size: PageSizes.A5 as [number, number], rotate: 270 }, { size: A4, offset: [100, 50], crop: 20 }]),
            },
            { title: 'Bilaga Kostnader', fileName: 'Bilaga.PDF', pdf: await sourcePdf('Kostnad', [{ size: A4, rotate: 180 }]) },
          ],
        },
      ],
    };
    compiled = await compilePackage(input);
    file = join(dir, compiled.fileName);
    writeFileSync(file, compiled.pdf);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const allDocuments = () => input.parts.flatMap((part) => part.documents);
  const sourcePages = [2, 3, 2, 2, 1];

  it('passes qpdf --check', () => {
    const check = run('qpdf', ['--check', file]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('has the table of contents first, then every source page: tocPages + the sum of the sources', () => {
    const sum = sourcePages.reduce((a, b) => a + b, 0);
    expect(compiled.tocPages).toBe(1);
    expect(compiled.pageCount).toBe(compiled.tocPages + sum);
    expect(Number(run('qpdf', ['--show-npages', file]).stdout.trim())).toBe(compiled.pageCount);
    expect(pageText(file, 1)).toContain('Innehåll');
    expect(pageText(file, 2)).toContain('Kallelse s1');
    expect(pageText(file, 4)).toContain('Tjanst s1');
    expect(pageText(file, compiled.pageCount)).toContain('Kostnad s1');
  });

  it('writes the manifest: pages, first page in the package, SHA-256 of the original, unique safe paths', () => {
    const expectedFirst = [2, 4, 7, 9, 11];
    expect(compiled.manifest.map((m) => [m.itemNumber, m.document, m.file, m.pages, m.firstPage])).toEqual([
      [null, 'Kallelse', '00 Kallelse och föredragningslista/kallelse.pdf', 2, expectedFirst[0]],
      [1, 'Tjänsteskrivelse Delårsrapport 2026', '01 Delårsrapport 2026 för socialnämnden/tjansteskrivelse.pdf', 3, expectedFirst[1]],
      [1, 'Bilaga 1 Revisionsrapport', '01 Delårsrapport 2026 för socialnämnden/bilaga.pdf', 2, expectedFirst[2]],
      [2, 'Tjänsteskrivelse Åtgärdsplan → beslut ≥ 2027', '02 Åtgärdsplan för äldreomsorgen/bilaga.pdf', 2, expectedFirst[3]],
      [2, 'Bilaga Kostnader', '02 Åtgärdsplan för äldreomsorgen/Bilaga (2).pdf', 1, expectedFirst[4]],
    ]);
    allDocuments().forEach((doc, i) => expect(compiled.manifest[i].sha256).toBe(createHash('sha256').update(doc.pdf).digest('hex')));
    expect(compiled.sha256).toBe(createHash('sha256').update(compiled.pdf).digest('hex'));
    expect(compiled.fileName).toBe('Handlingar-2026-12-15.pdf');
    expect(compiled.generatedAt).toBe('2026-12-01T08:30:00.000Z');
  });

  it('nests the outlines part → documents with the Swedish titles, each pointing at its first page', () => {
    const outlines = qpdfJson(file, 'outlines')['outlines'] as Outline[];
    const shape = (items: Outline[]): unknown[] => items.map((o) => [o.title, o.destpageposfrom1, shape(o.kids)]);
    expect(shape(outlines)).toEqual([
      ['Kallelse och föredragningslista', 2, [['Kallelse', 2, []]]],
      [
        'Ärende 1 Delårsrapport 2026 för socialnämnden',
        4,
        [
          ['Tjänsteskrivelse Delårsrapport 2026', 4, []],
          ['Bilaga 1 Revisionsrapport', 7, []],
        ],
      ],
      [
        'Ärende 2 Åtgärdsplan för äldreomsorgen',
        9,
        [
          ['Tjänsteskrivelse Åtgärdsplan → beslut ≥ 2027', 9, []],
          ['Bilaga Kostnader', 11, []],
        ],
      ],
    ]);
    for (const item of outlines.flatMap((o) => [o, ...o.kids])) expect(item.dest[1]).toBe('/XYZ');
  });

  it('writes /Count, /First, /Last, /Next, /Prev and /Parent of the outline consistently, hex titles, /PageMode /UseOutlines', () => {
    const objects = (qpdfJson(file, 'qpdf')['qpdf'] as [unknown, Record<string, { value: Record<string, unknown> }>])[1];
    const get = (ref: unknown) => objects[`obj:${String(ref)}`].value;
    const trailer = objects['trailer'].value;
    const catalog = get(trailer['/Root']);
    expect(catalog['/PageMode']).toBe('/UseOutlines');
    expect(catalog['/Lang']).toBe('u:sv-SE');
    const rootRef = catalog['/Outlines'];
    const root = get(rootRef);
    expect(root['/Count']).toBe(8);
    const chain = (parentRef: unknown): unknown[] => {
      const parent = get(parentRef);
      const refs: unknown[] = [];
      for (let ref = parent['/First']; ref !== undefined; ref = get(ref)['/Next']) refs.push(ref);
      expect(parent['/Last']).toBe(refs[refs.length - 1]);
      refs.forEach((ref, i) => {
        const item = get(ref);
        expect(item['/Parent']).toBe(parentRef);
        expect(item['/Prev']).toBe(i > 0 ? refs[i - 1] : undefined);
      });
      return refs;
    };
    const parts = chain(rootRef);
    expect(parts).toHaveLength(3);
    expect(parts.map((ref) => get(ref)['/Count'])).toEqual([1, 2, 2]);
    expect(parts.map((ref) => chain(ref).length)).toEqual([1, 2, 2]);
    // qpdf shows a UTF-16 string as u:…; the file itself holds hex strings.
    expect(get(parts[2])['/Title']).toBe('u:Ärende 2 Åtgärdsplan för äldreomsorgen');
    expect(readFileSync(file).toString('latin1')).toContain(`/Title ${PDFHexString.fromText('Ärende 2 Åtgärdsplan för äldreomsorgen').toString()}`);
    const info = get(trailer['/Info']);
    expect(info['/Title']).toBe(`u:${input.title}`);
    expect(info['/Author']).toBe('u:Socialnämnden');
    expect(info['/Producer']).toBe('u:Rapportflöde');
  });

  it('labels the pages with their printed numbers: one decimal range from the first page', () => {
    const labels = qpdfJson(file, 'pagelabels')['pagelabels'];
    expect(labels).toEqual([{ index: 0, label: { '/S': '/D', '/St': 1 } }]);
    const pages = qpdfJson(file, 'pages')['pages'] as { label: Record<string, unknown> }[];
    expect(pages[6].label).toEqual({ '/S': '/D', '/St': 7 });
  });

  it('stamps every page "Sida k av N", and the pages of an ärende "Ärende n"', () => {
    const n = compiled.pageCount;
    const itemOf = (page: number) => (page >= 9 ? 2 : page >= 4 ? 1 : null);
    for (let k = 1; k <= n; k += 1) {
      const text = pageText(file, k);
      expect(text).toContain(`Sida ${k} av ${n}`);
      if (k === 1) continue;
      const item = itemOf(k);
      if (item === null) expect(text).not.toContain('Ärende');
      else expect(text).toMatch(new RegExp(`(^|\\n)Ärende ${item}\\n`));
    }
  });

  it('puts the stamps upright at the right of the displayed page, whatever its size, rotation or boxes', () => {
    // [page, displayed width, displayed height, CropBox inset]: pdftotext measures from the MediaBox.
    const displayed: [number, number, number, number][] = [
      [5, A4[1], A4[0], 0], // A4 landscape
      [6, 612, 792, 0], // Letter
      [8, A4[1], A4[0], 0], // A4 with /Rotate 90
      [9, PageSizes.A5[1], PageSizes.A5[0], 0], // A5 with /Rotate 270
      [10, A4[0], A4[1], 20], // MediaBox at (100, 50), CropBox 20 pt inside
      [11, A4[0], A4[1], 0], // /Rotate 180
    ];
    for (const [page, mediaWidth, mediaHeight, inset] of displayed) {
      const width = mediaWidth - inset;
      const height = mediaHeight - inset;
      const found = words(file, page);
      const sida = found.find((w) => w.text === 'Sida');
      const total = found.filter((w) => w.text === String(compiled.pageCount)).pop();
      const item = found.find((w) => w.text === 'Ärende');
      if (!sida || !total || !item) throw new Error(`page ${page}: no stamp in ${JSON.stringify(found)}`);
      // Upright, horizontal text: wider than tall, 'Sida' left of the total on the same line.
      expect(sida.xMax - sida.xMin).toBeGreaterThan(sida.yMax - sida.yMin);
      expect(total.xMin).toBeGreaterThan(sida.xMax);
      expect(Math.abs(total.yMin - sida.yMin)).toBeLessThan(1);
      // Bottom right and top right of the displayed page, inside it.
      expect(width - total.xMax).toBeGreaterThan(20);
      expect(width - total.xMax).toBeLessThan(36);
      expect(height - sida.yMax).toBeGreaterThan(12);
      expect(height - sida.yMax).toBeLessThan(26);
      expect(item.yMin - inset).toBeGreaterThan(10);
      expect(item.yMax - inset).toBeLessThan(40);
      expect(width - item.xMax).toBeGreaterThan(20);
      expect(width - item.xMax).toBeLessThan(36);
    }
  });

  it('links every line of the table of contents to its page', () => {
    const json = qpdfJson(file, 'pages', 'qpdf');
    const pages = (json['pages'] as { object: string }[]).map((p) => p.object);
    const objects = (json['qpdf'] as [unknown, Record<string, { value: Record<string, unknown> }>])[1];
    const get = (ref: unknown) => objects[`obj:${String(ref)}`].value;
    const annots = (get(pages[0])['/Annots'] as string[]).map(get);
    expect(annots.every((a) => a['/Subtype'] === '/Link')).toBe(true);
    const targets = annots.map((a) => pages.indexOf((a['/Dest'] as string[])[0]) + 1);
    // Part line, then its documents: kallelse, ärende 1 and its two, ärende 2 and its two.
    expect(targets).toEqual([2, 2, 4, 4, 7, 9, 9, 11]);
    for (const a of annots) {
      const [x0, y0, x1, y1] = a['/Rect'] as number[];
      expect(x1 - x0).toBeGreaterThan(300);
      expect(y1 - y0).toBeGreaterThan(8);
      expect(y0).toBeGreaterThan(60);
    }
    const toc = pageText(file, 1);
    expect(toc).toContain('Ärende 2');
    expect(toc).toContain('Åtgärdsplan för äldreomsorgen');
    // WinAnsi has no → or ≥: the table of contents prints a close form; the outline keeps the title.
    expect(toc).toContain('Tjänsteskrivelse Åtgärdsplan -> beslut >= 2027');
  });

  it("keeps a source's links: a named destination becomes the package's page, a URI stays", () => {
    const json = qpdfJson(file, 'pages', 'qpdf');
    const pages = (json['pages'] as { object: string }[]).map((p) => p.object);
    const objects = (json['qpdf'] as [unknown, Record<string, { value: Record<string, unknown> }>])[1];
    const get = (ref: unknown) => objects[`obj:${String(ref)}`].value;
    const bilagaFirst = compiled.manifest[2].firstPage;
    const annots = (get(pages[bilagaFirst - 1])['/Annots'] as string[]).map(get);
    expect(annots).toHaveLength(2);
    expect(pages.indexOf((annots[0]['/Dest'] as string[])[0]) + 1).toBe(bilagaFirst + 1);
    expect((annots[1]['/A'] as Record<string, unknown>)['/URI']).toBe('u:https://www.nacka.se/');
  });

  it('is the same file for the same input and time', async () => {
    expect((await compilePackage(input)).sha256).toBe(compiled.sha256);
  });

  it('zips each original byte for byte in a folder per part, the merged PDF and manifest.json', () => {
    const zip = zipPackage(input, compiled);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      [...compiled.manifest.map((m) => m.file), compiled.fileName, MANIFEST_FILE].sort(),
    );
    allDocuments().forEach((doc, i) => expect(Buffer.compare(Buffer.from(files[compiled.manifest[i].file]), Buffer.from(doc.pdf))).toBe(0));
    expect(Buffer.compare(Buffer.from(files[compiled.fileName]), Buffer.from(compiled.pdf))).toBe(0);
    const manifest = JSON.parse(Buffer.from(files[MANIFEST_FILE]).toString('utf8')) as PackageManifest;
    expect(manifest).toEqual({
      title: input.title,
      committee: 'Socialnämnden',
      municipality: 'Nacka kommun',
      meetingDate: '2026-12-15',
      generatedAt: '2026-12-01T08:30:00.000Z',
      package: { file: 'Handlingar-2026-12-15.pdf', pages: compiled.pageCount, tocPages: 1, sha256: compiled.sha256 },
      documents: compiled.manifest,
    });
    // The ZIP marks its names as UTF-8 (general purpose bit 11) so 'Å' survives in every unzip tool.
    const local = Buffer.from(zip);
    expect(local.readUInt32LE(0)).toBe(0x04034b50);
    expect(local.readUInt16LE(6) & 0x800).toBe(0x800);
  });

  it('refuses to zip documents that are not the ones compiled', () => {
    const changed: PackageInput = {
      ...input,
      parts: input.parts.map((part, p) =>
        p === 1 ? { ...part, documents: part.documents.map((d, i) => (i === 1 ? { ...d, pdf: input.parts[0].documents[0].pdf } : d)) } : part,
      ),
    };
    expect(() => zipPackage(changed, compiled)).toThrow('dokumentet "Bilaga 1 Revisionsrapport" har ändrats');
  });
});

describe('compilePackage: bad input', () => {
  const base = (documents: PackageInput['parts'][number]['documents']): PackageInput => ({
    committee: 'Socialnämnden',
    municipality: 'Nacka kommun',
    meetingDate: '2026-12-15',
    title: 'Handlingar',
    parts: [{ itemNumber: 3, title: 'Internkontrollplan 2027', documents }],
  });
  let good: Uint8Array;
  beforeAll(async () => {
    good = await sourcePdf('Bra', [{ size: A4 }]);
  });

  it('fails on an empty part list', async () => {
    await expect(compilePackage({ ...base([]), parts: [] })).rejects.toThrow('Handlingarna kan inte sammanställas: paketet har inga delar');
  });

  it('fails on a part without documents, naming it', async () => {
    await expect(compilePackage(base([]))).rejects.toThrow('ärende 3 "Internkontrollplan 2027" har inga dokument');
  });

  it('fails on a source that is not a PDF, naming the document', async () => {
    const docx = new Uint8Array(Buffer.from('PK\u0003\u0004 word/document.xml'));
    await expect(
      compilePackage(base([{ title: 'Tjänsteskrivelse', fileName: 't.pdf', pdf: good }, { title: 'Bilaga 2 Ekonomi', fileName: 'b.pdf', pdf: docx }])),
    ).rejects.toThrow('dokumentet "Bilaga 2 Ekonomi" i ärende 3 "Internkontrollplan 2027" är inte en PDF-fil');
  });

  it('fails on a PDF that cannot be read, naming the document', async () => {
    // pdf-lib warns on the console about what it skips while parsing.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const noPages = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
      const truncated = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Cat'));
      for (const pdf of [noPages, truncated]) {
        await expect(compilePackage(base([{ title: 'Bilaga Trasig', fileName: 'x.pdf', pdf }]))).rejects.toThrow(
          'dokumentet "Bilaga Trasig" i ärende 3 "Internkontrollplan 2027" kan inte läsas som PDF (',
        );
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('fails on an encrypted PDF, naming the document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-package-enc-'));
    try {
      writeFileSync(join(dir, 'in.pdf'), good);
      const made = run('qpdf', ['--encrypt', 'hemligt', 'hemligt', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
      expect(made.status).toBe(0);
      const encrypted = new Uint8Array(readFileSync(join(dir, 'out.pdf')));
      // pdf-lib warns on the console about the encrypted objects it cannot parse.
      jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      await expect(compilePackage(base([{ title: 'Bilaga Låst', fileName: 'l.pdf', pdf: encrypted }]))).rejects.toThrow(
        'dokumentet "Bilaga Låst" i ärende 3 "Internkontrollplan 2027" är krypterat',
      );
    } finally {
      jest.restoreAllMocks();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a meeting date that is not a date', async () => {
    await expect(compilePackage({ ...base([{ title: 'T', fileName: 't.pdf', pdf: good }]), meetingDate: '2026-02-30' })).rejects.toThrow(
      'sammanträdesdagen "2026-02-30" är inte ett datum',
    );
  });
});

describe('compilePackage: unusual sources', () => {
  it('copies a page that a source lists twice as two pages', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(A4);
    page.drawText('Samma sida', { x: 80, y: 400, size: 14, font });
    doc.addPage(page);
    const pdf = await doc.save();
    const compiled = await compilePackage({
      committee: 'Socialnämnden',
      municipality: 'Nacka kommun',
      meetingDate: '2026-12-15',
      title: 'Handlingar',
      parts: [{ itemNumber: 1, title: 'Ärendet', documents: [{ title: 'Dubbel', fileName: 'd.pdf', pdf }] }],
    });
    const dir = mkdtempSync(join(tmpdir(), 'rf-package-twice-'));
    try {
      const file = join(dir, 'p.pdf');
      writeFileSync(file, compiled.pdf);
      const check = run('qpdf', ['--check', file]);
      expect(`${check.stdout}${check.stderr}`).not.toContain('WARNING');
      expect(check.status).toBe(0);
      expect(compiled.pageCount).toBe(3);
      expect(pageText(file, 2)).toContain('Sida 2 av 3');
      expect(pageText(file, 3)).toContain('Sida 3 av 3');
      expect(pageText(file, 3)).not.toContain('Sida 2 av 3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('package file names', () => {
  it('keeps Swedish letters and drops what file systems refuse', () => {
    expect(safeSegment('Budget 2027: förslag/ändring "slutlig"?', 60, 'x')).toBe('Budget 2027 förslag-ändring slutlig');
    expect(safeSegment(' ..dold. ', 60, 'x')).toBe('dold');
    expect(safeSegment('CON', 60, 'x')).toBe('_CON');
    expect(safeSegment('\u0000\u0007', 60, 'tomt')).toBe('tomt');
    expect(safePdfName('', 'Bilaga 1 Revisionsrapport')).toBe('Bilaga 1 Revisionsrapport.pdf');
    expect(safePdfName('rapport.docx', 'R')).toBe('rapport.docx.pdf');
    expect(Array.from(safePdfName('å'.repeat(200), 'x'))).toHaveLength(80);
  });

  it('makes names unique case-insensitively, before the extension', () => {
    const names = new UniqueNames();
    expect(['bilaga.pdf', 'Bilaga.pdf', 'BILAGA.pdf', 'bilaga (2).pdf'].map((n) => names.claim(n))).toEqual([
      'bilaga.pdf',
      'Bilaga (2).pdf',
      'BILAGA (3).pdf',
      'bilaga (2) (2).pdf',
    ]);
  });
});
