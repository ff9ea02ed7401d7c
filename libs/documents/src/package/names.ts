// File and folder names inside the ZIP: readable (Swedish letters kept, NFC), safe on Windows,
// macOS and Linux, and unique (case-insensitively) where they sit.

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const FOLDER_TITLE_MAX = 60;
const FILE_NAME_MAX = 80;

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

/** One path segment: no separators, control or reserved characters, no leading or trailing dots or spaces. */
export function safeSegment(name: string, max: number, fallback: string): string {
  let out = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[/\\]/g, '-')
    .replace(/[:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  out = cut(out, max).replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!out) out = fallback;
  return RESERVED.test(out) ? `_${out}` : out;
}

/** A PDF file name: safe, ending in '.pdf'; from the title when the name is empty. */
export function safePdfName(fileName: string, title: string): string {
  const given = fileName.trim() || title;
  const base = given.replace(/\.pdf$/i, '');
  return `${safeSegment(base, FILE_NAME_MAX - 4, 'dokument')}.pdf`;
}

/** The part's folder: '00 Kallelse och föredragningslista', '03 Delårsrapport 2026 för socialnämnden'. */
export function folderName(itemNumber: number | null, title: string, digits: number): string {
  return `${String(itemNumber ?? 0).padStart(digits, '0')} ${safeSegment(title, FOLDER_TITLE_MAX, 'Ärende')}`;
}

/** Hands out names, adding ' (2)', ' (3)' … before the extension when a name is taken (case-insensitively). */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
