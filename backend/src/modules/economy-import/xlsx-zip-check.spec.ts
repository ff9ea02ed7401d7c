import { Workbook } from 'exceljs';
import { checkXlsxZip, XLSX_LIMITS } from './xlsx-zip-check';

/** Offsets of the central directory entries of a zip without a comment. */
function directoryEntries(zip: Buffer): Array<{ at: number; name: string }> {
  const end = zip.length - 22;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ at: number; name: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ at, name: zip.toString('utf8', at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('checkXlsxZip', () => {
  let xlsx: Buffer;
  let sheet: { at: number; name: string };

  beforeAll(async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet('Utfall');
    ws.addRow(['Enhet', 'Rad', 'Utfall']);
    for (let i = 0; i < 200; i += 1) ws.addRow(['Omsorgsenheten', `Rad ${i}`, -i * 1000]);
    xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    sheet = directoryEntries(xlsx).find((e) => e.name === 'xl/worksheets/sheet1.xml') as { at: number; name: string };
  });

  it('passes an ordinary workbook and tells what it unpacks to', async () => {
    const check = await checkXlsxZip(xlsx);
    expect(check).toMatchObject({ ok: true });
    if (check.ok) expect(check.inflatedBytes).toBeGreaterThan(xlsx.length);
  });

  it('refuses by the declared total before inflating anything', async () => {
    const big = Buffer.from(xlsx);
    big.writeUInt32LE(XLSX_LIMITS.maxInflatedBytes + 1, sheet.at + 24);
    expect(await checkXlsxZip(big)).toEqual({ ok: false, refusal: { kind: 'inflated_too_large', limitBytes: XLSX_LIMITS.maxInflatedBytes } });
  });

  it('catches a directory that understates a part: the inflating stops at the declared size', async () => {
    const lying = Buffer.from(xlsx);
    lying.writeUInt32LE(100, sheet.at + 24);
    expect(await checkXlsxZip(lying)).toMatchObject({ ok: false, refusal: { kind: 'malformed', reason: expect.stringContaining('more than it declares') } });
  });

  it('refuses a broken directory, a part outside the file and data that does not inflate', async () => {
    expect(await checkXlsxZip(xlsx.subarray(0, xlsx.length - 1))).toMatchObject({ ok: false, refusal: { kind: 'malformed' } });
    const outside = Buffer.from(xlsx);
    outside.writeUInt32LE(xlsx.length, sheet.at + 42);
    expect(await checkXlsxZip(outside)).toMatchObject({ ok: false, refusal: { kind: 'malformed' } });
    const count = Buffer.from(xlsx);
    count.writeUInt16LE(count.readUInt16LE(count.length - 12) + 1, count.length - 12);
    count.writeUInt16LE(count.readUInt16LE(count.length - 14) + 1, count.length - 14);
    expect(await checkXlsxZip(count)).toMatchObject({ ok: false, refusal: { kind: 'malformed' } });
    expect(await checkXlsxZip(Buffer.from('Enhet;Rad\nOmsorg;1\n'))).toMatchObject({ ok: false, refusal: { kind: 'malformed' } });
  });

  it('judges the packing ratio only of parts past the grace size', async () => {
    const dense = Buffer.from(xlsx);
    dense.writeUInt32LE(2 * 1024 * 1024, sheet.at + 24);
    dense.writeUInt32LE(1000, sheet.at + 20);
    expect(await checkXlsxZip(dense)).toEqual({ ok: false, refusal: { kind: 'ratio', limit: XLSX_LIMITS.maxRatio, entry: 'xl/worksheets/sheet1.xml' } });
  });
});
