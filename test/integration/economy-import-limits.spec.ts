import type { EconomyImportPreviewDto, EconomyImportResultDto } from '@rapportflode/api-contract';
import type { EconomyContent, EconomyTableConfig } from '@rapportflode/domain';
import { Workbook } from 'exceljs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { EconomyImportService } from '../../backend/src/modules/economy-import/economy-import.service';
import { useTestApp } from './support/app';
import { economyImportCycle, postEconomyImport } from './support/economy-import';
import { ApiResult, HttpClient } from './support/http';

const LAYOUT: EconomyTableConfig = { unit: 'tkr', columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'annual_budget', 'forecast'] };
const MB = 1024 * 1024;

interface ZipPart {
  name: string;
  /** The packed bytes as they go into the zip. */
  packed: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  /** What the directory and local header claim, when they lie. */
  claimedSize?: number;
}

const stored = (name: string, text: string): ZipPart => {
  const data = Buffer.from(text, 'utf8');
  return { name, packed: data, method: 0, crc: crc32(data), size: data.length };
};

/** A little-endian record of `length` bytes: each field is [offset, 2 or 4 bytes, value]; the rest stays zero. */
function record(length: number, fields: Array<[number, 2 | 4, number]>): Buffer {
  const out = Buffer.alloc(length);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value, at);
  }
  return out;
}

/** A zip written by hand, so that its directory can say what the test wants it to say. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = part.claimedSize ?? part.size;
    // Version needed 2.0, UTF-8 names, method, CRC, packed and unpacked size, name length: the fields both
    // headers carry, the central one two bytes later (after "version made by").
    const shared = (shift: number): Array<[number, 2 | 4, number]> => [
      [4 + shift, 2, 20],
      [6 + shift, 2, 0x0800],
      [8 + shift, 2, part.method],
      [14 + shift, 4, part.crc >>> 0],
      [18 + shift, 4, part.packed.length],
      [22 + shift, 4, size],
      [26 + shift, 2, name.length],
    ];
    const local = record(30, [[0, 4, 0x04034b50], ...shared(0)]);
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], ...shared(2), [42, 4, offset]]);
    locals.push(local, name, part.packed);
    centrals.push(central, name);
    offset += local.length + name.length + part.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, parts.length],
    [10, 2, parts.length],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * A sheet of `megabytes` MiB of one repeated row, packed cheaply: the row block is deflated once
 * with a full flush (so it stands alone) and the packed block repeated, then closed by an empty
 * final block. 1 300 MiB pack to about 1.3 MB, as the upload seen in the attack.
 */
function bombSheet(megabytes: number): { packed: Buffer; size: number; crc: number } {
  // One row and then spaces (allowed between elements): runs of one byte pack close to deflate's limit of about 1000:1.
  const block = Buffer.alloc(MB, 0x20);
  Buffer.from('<row><c t="inlineStr"><is><t>Hemtjänst</t></is></c><c><v>-45000</v></c></row>', 'utf8').copy(block);
  const head = Buffer.from(SHEET_HEAD, 'utf8');
  const tail = Buffer.from(SHEET_TAIL, 'utf8');
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const packedBlock = deflateRawSync(block, flush);
  const packed = Buffer.concat([
    deflateRawSync(head, flush),
    ...new Array<Buffer>(megabytes).fill(packedBlock),
    deflateRawSync(tail, flush),
    Buffer.from([0x03, 0x00]),
  ]);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i += 1) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  return { packed, size: head.length + megabytes * MB + tail.length, crc };
}

/** A valid XLSX envelope (content types, relations, workbook) around the given first sheet. */
function xlsx(sheet: ZipPart): Buffer {
  return zip([
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    stored(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    stored(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Utfall" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    stored(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheet,
  ]);
}

const BOMB_MB = 1300;
const bomb = bombSheet(BOMB_MB);
/** Directory true to the data: 1.3 GB unpacked, and it says so. */
const HONEST_BOMB = xlsx({ name: 'xl/worksheets/sheet1.xml', method: 8, ...bomb });
/** Same data, but the directory claims the sheet unpacks to 1 MiB. */
const LYING_BOMB = xlsx({ name: 'xl/worksheets/sheet1.xml', method: 8, ...bomb, claimedSize: MB });

const rssMb = () => Math.round(process.memoryUsage().rss / MB);

describe('the economy import survives hostile uploads', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let db: DataSource;
  let economist: HttpClient;
  let cycleId: string;
  let sectionId: string;
  let validXlsx: Buffer;

  type Refusal = { code?: string; message?: string };
  const preview = (file: Buffer, name: string) => postEconomyImport<EconomyImportPreviewDto & Refusal>(economist, 'preview', { cycleId, sectionId }, file, name);
  const commit = (file: Buffer, name: string) => postEconomyImport<EconomyImportResultDto & Refusal>(economist, 'commit', { cycleId, sectionId }, file, name);
  const importCount = async () => ((await db.query('SELECT count(*)::int AS n FROM economy_import')) as Array<{ n: number }>)[0].n;
  const expectRefused = (result: ApiResult<Refusal>) => {
    expect([400, 413, 503]).toContain(result.status);
    expect(result.body.message).toMatch(/[åäö]/);
    if (result.status === 503) expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
    else expect(['import_file_inflated_too_large', 'import_file_malformed']).toContain(result.body.code);
  };

  beforeAll(async () => {
    const base = app.running.baseUrl;
    db = app.running.app.get(DataSource);
    ({ cycleId, sectionId, economist } = await economyImportCycle(base, db, 'Ekonomi med gränser', LAYOUT, 'SN.2024.91'));

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Utfall');
    sheet.addRow(['Enhet', 'Rad', 'Utfall intäkter', 'Utfall kostnader', 'Budget intäkter', 'Budget kostnader', 'Helårsbudget', 'Prognos']);
    sheet.addRow(['Omsorgsenheten', 'Hemtjänst', 5000, -45000, 4800, -44000, -60000, -61000]);
    validXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it('refuses a 1.3 MB XLSX that unpacks to 1.3 GB with 413 naming the limit, before unpacking it, on preview and on import', async () => {
    expect(HONEST_BOMB.length).toBeLessThan(2 * MB);
    const before = await importCount();
    const result = await preview(HONEST_BOMB, 'ekonomi.xlsx');
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({
      code: 'import_file_inflated_too_large',
      message: 'Filen är för stor uppackad (över 20 MB). Spara bladet som CSV eller dela upp filen.',
    });
    const stored = await commit(HONEST_BOMB, 'ekonomi.xlsx');
    expect(stored.status).toBe(413);
    expect(stored.body.code).toBe('import_file_inflated_too_large');
    expect(await importCount()).toBe(before);
  });

  it('refuses the same bomb when its directory claims 1 MB: the unpacking stops at what is declared', async () => {
    const started = Date.now();
    const result = await preview(LYING_BOMB, 'ekonomi.xlsx');
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('import_file_malformed');
    expect(result.body.message).toMatch(/^Excel-filen är skadad/);
    // Inflating 1.3 GB takes seconds; stopping after 1 MB takes milliseconds.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a zip with too many parts, an absurd packing ratio, or a broken directory', async () => {
    const manyParts = zip(Array.from({ length: 1001 }, (_, i) => stored(`xl/media/bild${i}.xml`, '<a/>')));
    const many = await preview(manyParts, 'ekonomi.xlsx');
    expect(many.status).toBe(413);
    expect(many.body).toMatchObject({ code: 'import_file_too_many_parts', message: expect.stringContaining('fler än 1000 delar') });

    const dense = bombSheet(10);
    const ratio = await preview(xlsx({ name: 'xl/worksheets/sheet1.xml', method: 8, ...dense }), 'ekonomi.xlsx');
    expect(ratio.status).toBe(413);
    expect(ratio.body).toMatchObject({ code: 'import_file_compression_ratio', message: expect.stringContaining('mer än 200 gånger') });

    const truncated = validXlsx.subarray(0, validXlsx.length - 10);
    const broken = await preview(truncated, 'ekonomi.xlsx');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('import_file_malformed');

    const offsets = Buffer.from(validXlsx);
    // The first directory entry's local header offset pointing past the data.
    const directory = offsets.readUInt32LE(offsets.length - 22 + 16);
    offsets.writeUInt32LE(offsets.length, directory + 42);
    const lost = await preview(offsets, 'ekonomi.xlsx');
    expect(lost.status).toBe(400);
    expect(lost.body.code).toBe('import_file_malformed');
  });

  it('answers 503 with Retry-After and a Swedish message while every parse slot and queue place is taken', async () => {
    const gate = app.running.app.get(EconomyImportService).parseGate;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders: Array<Promise<void>> = [];
    while (gate.load.running < 2 || gate.load.waiting < 6) holders.push(gate.run(() => held));
    const busy = await preview(validXlsx, 'utfall.xlsx');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('10');
    expect(busy.body).toMatchObject({ code: 'import_busy', message: 'Just nu läses många importfiler samtidigt. Försök igen om 10 sekunder. Inget har sparats.' });
    release();
    await Promise.all(holders);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    expect((await preview(validXlsx, 'utfall.xlsx')).status).toBe(200);
  });

  it('keeps the process up and its memory flat under 3 and then 8 concurrent bombs; a normal preview works right after', async () => {
    const baseline = rssMb();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 10);
    try {
      for (const burst of [3, 8]) {
        const results = await Promise.all(Array.from({ length: burst }, (_, i) => preview(i % 2 ? LYING_BOMB : HONEST_BOMB, `bomb-${i}.xlsx`)));
        for (const result of results) expectRefused(result);
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssMb());
    const after = await preview(validXlsx, 'utfall.xlsx');
    expect(after.status).toBe(200);
    expect(after.body.units.map((u) => [u.unitName, u.total.income])).toEqual([['Omsorgsenheten', 5000]]);
    console.log(`RSS with 11 bombs of ${BOMB_MB} MiB unpacked: ${baseline} MB before, ${peak} MB at peak, ${rssMb()} MB after`);
    expect(peak - baseline).toBeLessThan(300);
  });

  it('imports a UTF-16 LE file from Excel’s "Unicode text" (BOM, tabs, thousands with spaces) with å, ä and ö intact', async () => {
    const text = [
      'Enhet\tRad\tUtfall intäkter\tUtfall kostnader\tBudget intäkter\tBudget kostnader\tHelårsbudget\tPrognos',
      'Barn och familjeenheten\tBiståndsbedömd öppenvård\t0\t-31 254\t0\t-26 093\t-39 140\t-47 175',
      'Barn och familjeenheten\tHeldygnsvård för äldre\t1 200\t-53 240\t1 000\t-61 749\t-91 123\t-80 344',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text + '\r\n', 'utf16le')]);
    const result = await preview(bytes, 'ekonomi.txt');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ format: 'csv', encoding: 'UTF-16 LE', issues: [], canImport: true });
    expect(result.body.headers).toEqual(['Enhet', 'Rad', 'Utfall intäkter', 'Utfall kostnader', 'Budget intäkter', 'Budget kostnader', 'Helårsbudget', 'Prognos']);
    expect(result.body.mapping.columns).toMatchObject({ income: 'Utfall intäkter', annual_budget: 'Helårsbudget' });

    const stored = await commit(bytes, 'ekonomi.txt');
    expect(stored.status).toBe(201);
    const [task] = await db.query(
      `SELECT t.content FROM task t JOIN organisation_unit u ON u.id = t.unit_id WHERE t.section_id = $1 AND u.name = 'Barn och familjeenheten'`,
      [sectionId],
    );
    const content = task.content as EconomyContent;
    expect(content.rows.map((row) => [row.label, row.values.costs])).toEqual([
      ['Biståndsbedömd öppenvård', -31254],
      ['Heldygnsvård för äldre', -53240],
    ]);
  });
});
