import { createInflateRaw } from 'node:zlib';

/**
 * What an uploaded XLSX (a zip) may unpack to before exceljs sees it. exceljs inflates every
 * part into memory and builds a model of the whole sheet, about ten times the size of its XML
 * (37 MB of sheet XML took 360 MB and 7 s), so the limit on the unpacked size is what bounds the
 * memory of a parse. A finance system's export of a whole förvaltning unpacks to a few MB.
 */
export const XLSX_LIMITS = {
  /** Sum of the unpacked sizes of all parts. */
  maxInflatedBytes: 20 * 1024 * 1024,
  /** Parts in the zip (a workbook has a dozen; a thousand is far beyond any real one). */
  maxEntries: 1000,
  /** Unpacked size over packed size of one part; XML from Excel packs 5–30 times. */
  maxRatio: 200,
  /** Below this unpacked size a part's ratio is not judged (small parts pack oddly). */
  ratioGraceBytes: 1024 * 1024,
} as const;

export type ZipRefusal =
  | { kind: 'inflated_too_large'; limitBytes: number }
  | { kind: 'too_many_entries'; limit: number }
  | { kind: 'ratio'; limit: number; entry: string }
  | { kind: 'malformed'; reason: string };

export type ZipCheck = { ok: true; entries: number; inflatedBytes: number } | { ok: false; refusal: ZipRefusal };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

class Malformed extends Error {}

/** The central directory: where the zip says its parts are and how big they are, every field checked against the file. */
function readDirectory(bytes: Buffer): { entries: Entry[] | null; count: number; offset: number } {
  // The end record is the last 22 bytes plus a comment of at most 64 KiB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Malformed('no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || bytes.readUInt16LE(end + 8) !== count) throw new Malformed('multi-disk zip');
  // Zip64 markers: a workbook that needs them is far beyond every limit, so they are not followed.
  if (count === 0xffff || size === U32_MAX || offset === U32_MAX) throw new Malformed('zip64 directory');
  if (offset + size > end) throw new Malformed('directory outside the file');
  if (count > XLSX_LIMITS.maxEntries) return { entries: null, count, offset };

  const entries: Entry[] = [];
  const names = new Set<string>();
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== CENTRAL) throw new Malformed(`directory entry ${i}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > offset + size) throw new Malformed(`directory entry ${i} overruns`);
    const entry: Entry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === U32_MAX || entry.size === U32_MAX || entry.localOffset === U32_MAX) throw new Malformed('zip64 entry');
    if (names.has(entry.name)) throw new Malformed(`duplicate ${entry.name}`);
    names.add(entry.name);
    entries.push(entry);
    at = next;
  }
  if (at !== offset + size) throw new Malformed('directory size');
  return { entries, count, offset };
}

/** Where a part's packed bytes start, found as JSZip (under exceljs) finds them: after the local header. */
function dataStart(bytes: Buffer, entry: Entry, directoryStart: number): number {
  const at = entry.localOffset;
  if (at + 30 > directoryStart || bytes.readUInt32LE(at) !== LOCAL) throw new Malformed(`local header of ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > directoryStart) throw new Malformed(`data of ${entry.name} outside the file`);
  return start;
}

/**
 * Inflates a part only to count its bytes, dropping each chunk, and stops as soon as the count
 * passes `limit`: the declared size may lie, the packed bytes cannot.
 */
function inflatedSize(packed: Buffer, limit: number): Promise<number | 'over'> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let done = false;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit && !done) {
        done = true;
        inflate.destroy();
        resolve('over');
      }
    });
    inflate.on('error', (error) => {
      if (!done) {
        done = true;
        reject(new Malformed(`inflate: ${error.message}`));
      }
    });
    inflate.on('end', () => {
      if (!done) {
        done = true;
        resolve(total);
      }
    });
    inflate.end(packed);
  });
}

/**
 * Checks an XLSX's zip before anything unpacks it: the central directory must be sound, the
 * parts few, their declared sizes within the limits, and then the packed data is inflated
 * (counting, not keeping) to prove that each part unpacks to exactly what it declares.
 */
export async function checkXlsxZip(bytes: Buffer): Promise<ZipCheck> {
  let directory: ReturnType<typeof readDirectory>;
  try {
    directory = readDirectory(bytes);
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, refusal: { kind: 'malformed', reason: error.message } };
    throw error;
  }
  const { entries, offset: directoryStart } = directory;
  if (!entries) return { ok: false, refusal: { kind: 'too_many_entries', limit: XLSX_LIMITS.maxEntries } };
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > XLSX_LIMITS.maxInflatedBytes) return { ok: false, refusal: { kind: 'inflated_too_large', limitBytes: XLSX_LIMITS.maxInflatedBytes } };
  const tooPacked = (entry: Entry, size: number) => size > XLSX_LIMITS.ratioGraceBytes && size > XLSX_LIMITS.maxRatio * Math.max(1, entry.compressedSize);
  const ratioEntry = entries.find((e) => tooPacked(e, e.size));
  if (ratioEntry) return { ok: false, refusal: { kind: 'ratio', limit: XLSX_LIMITS.maxRatio, entry: ratioEntry.name } };

  let inflated = 0;
  try {
    for (const entry of entries) {
      if (entry.flags & 0x1) throw new Malformed(`${entry.name} is encrypted`);
      const start = dataStart(bytes, entry, directoryStart);
      const packed = bytes.subarray(start, start + entry.compressedSize);
      let size: number;
      if (entry.method === 0) {
        size = packed.length;
      } else if (entry.method === 8) {
        // Never past what it declares, so never past the total limit either.
        const counted = await inflatedSize(packed, entry.size);
        if (counted === 'over') throw new Malformed(`${entry.name} unpacks to more than it declares`);
        size = counted;
      } else {
        throw new Malformed(`${entry.name}: compression method ${entry.method}`);
      }
      if (size !== entry.size) throw new Malformed(`${entry.name} unpacks to ${size}, declares ${entry.size}`);
      inflated += size;
    }
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, refusal: { kind: 'malformed', reason: error.message } };
    throw error;
  }
  return { ok: true, entries: entries.length, inflatedBytes: inflated };
}
