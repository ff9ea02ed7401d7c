import { CsvError, decodeCsvBytes, parseCsv } from './csv';

/** Encodes text as Swedish Excel saves it: Windows-1252, one byte per character. */
function toWindows1252(text: string): Uint8Array {
  const above0x7f: Record<string, number> = {
    '€': 0x80,
    '–': 0x96,
    '—': 0x97,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
  };
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = above0x7f[ch];
    if (byte === undefined) throw new Error(`No Windows-1252 byte for ${ch}`);
    return byte;
  });
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('reads a Windows-1252 file from Swedish Excel with å, ä, ö intact', () => {
    const bytes = toWindows1252(
      'Kommun;Nämnd;Enhet\r\nGnesta kommun;Socialnämnden;Äldre, funktionsstöd, hälso- och sjukvård\r\n',
    );
    expect(bytes).toContain(0xe4); // ä as one byte: not valid UTF-8
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(
      'Kommun;Nämnd;Enhet\r\nGnesta kommun;Socialnämnden;Äldre, funktionsstöd, hälso- och sjukvård\r\n',
    );
  });

  it('reads the capital letters Å, Ä, Ö and the cp1252 specials (€, dashes, quotes) in Windows-1252', () => {
    const decoded = decodeCsvBytes(Uint8Array.from([0xc5, 0xc4, 0xd6, 0x20, 0x80, 0x96, 0x93, 0x94]));
    expect(decoded).toEqual({ text: 'ÅÄÖ €–“”', encoding: 'windows-1252' });
  });

  it('decodes every byte 0x80–0x9F as the WHATWG Windows-1252 table says, on any Node version', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const codePoints = [...decodeCsvBytes(bytes).text].map((ch) => ch.codePointAt(0));
    // prettier-ignore
    expect(codePoints).toEqual([
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ]);
  });

  it('strips a UTF-8 byte order mark so the first heading is not "\\uFEFFKommun"', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Kommun,Nämnd\nGnesta kommun,Socialnämnden\n')]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('Kommun,Nämnd\nGnesta kommun,Socialnämnden\n');
  });

  it('reads UTF-8 without a byte order mark as UTF-8, not as Ã¤-garbage', () => {
    const decoded = decodeCsvBytes(utf8('Stöd och vägledning'));
    expect(decoded).toEqual({ text: 'Stöd och vägledning', encoding: 'utf-8' });
  });

  it('treats a plain ASCII file as UTF-8', () => {
    expect(decodeCsvBytes(utf8('Kod\nSoV\n')).encoding).toBe('utf-8');
  });

  it('reads UTF-16 LE with its BOM (Excel\'s "Unicode text") and UTF-16 BE, with å, ä, ö intact, not as Windows-1252', () => {
    const text = 'Enhet\tHelårsbudget\r\nÄldreomsorg\t-91 123\r\n';
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeCsvBytes(le)).toEqual({ text, encoding: 'utf-16le' });
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeCsvBytes(be)).toEqual({ text, encoding: 'utf-16be' });
  });
});

describe('parseCsv', () => {
  it('refuses a NUL byte or half a surrogate pair with the line it stands on, as nothing could store it', () => {
    expect(() => parseCsv('Kommun;Nämnd\nGnesta;Social\u0000nämnden\n')).toThrow(
      new CsvError(
        'Rad 2 innehåller ett NUL-tecken (U+0000), som inte kan sparas. Öppna filen i Excel och spara den på nytt som CSV (UTF-8).',
        2,
      ),
    );
    expect(() => parseCsv('a;b\r\nc;d\r\ne;\ud800x')).toThrow(/^Rad 3 innehåller ett ofullständigt tecken/);
    expect(() => parseCsv('a;b\n\udc00')).toThrow(/^Rad 2 /);
    // A whole pair (an emoji) is an ordinary character.
    expect(parseCsv('Namn;Titel\nÅsa 😀;Chef\n').rows[1]).toEqual(['Åsa 😀', 'Chef']);
  });

  it('detects semicolons, as Swedish Excel writes, and keeps commas inside fields', () => {
    const result = parseCsv(
      'Kommun;Nämnd;Enhet\r\nGnesta kommun;Socialnämnden;Äldre, funktionsstöd, hälso- och sjukvård\r\n',
    );
    expect(result.delimiter).toBe(';');
    expect(result.rows).toEqual([
      ['Kommun', 'Nämnd', 'Enhet'],
      ['Gnesta kommun', 'Socialnämnden', 'Äldre, funktionsstöd, hälso- och sjukvård'],
    ]);
  });

  it('detects commas and reads quoted fields that contain commas', () => {
    const result = parseCsv(
      'Kommun,Nämnd,Enhet\nGnesta kommun,Socialnämnden,"Äldre, funktionsstöd, hälso- och sjukvård"\n',
    );
    expect(result.delimiter).toBe(',');
    expect(result.rows[1]).toEqual(['Gnesta kommun', 'Socialnämnden', 'Äldre, funktionsstöd, hälso- och sjukvård']);
  });

  it('detects tab as delimiter when the first line has more tabs than ; or ,', () => {
    expect(parseCsv('Enhet\tRad\tUtfall\n"Vård; omsorg"\tHemtjänst\t-45 000,5\n')).toEqual({
      delimiter: '\t',
      rows: [
        ['Enhet', 'Rad', 'Utfall'],
        ['Vård; omsorg', 'Hemtjänst', '-45 000,5'],
      ],
    });
  });

  it('does not count delimiters inside a quoted heading when detecting', () => {
    expect(parseCsv('"a;b;c;d",x,y\n1,2,3').delimiter).toBe(',');
  });

  it('reads semicolons, line breaks and doubled quotes inside quoted fields', () => {
    const text =
      'Enhet;Titel\r\n"Stöd; vägledning";"Enhetschef\r\nVuxenutbildning"\r\n"Utredning och stöd";"Kallas ""Myndighet"" internt"\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['Enhet', 'Titel'],
      ['Stöd; vägledning', 'Enhetschef\r\nVuxenutbildning'],
      ['Utredning och stöd', 'Kallas "Myndighet" internt'],
    ]);
  });

  it('keeps empty fields and a last line without a line break', () => {
    expect(parseCsv('a;b;c\n;;\nx;;z').rows).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['x', '', 'z'],
    ]);
  });

  it('ignores trailing empty lines but keeps empty lines in the middle, so row numbers match Excel', () => {
    const rows = parseCsv('Kod\r\nSoV\r\n\r\nÄFH\r\n\r\n,\r\n\r\n').rows;
    // ÄFH is row 4 in Excel, so it must be rows[3].
    expect(rows).toEqual([['Kod'], ['SoV'], [''], ['ÄFH']]);
  });

  it('accepts a lone CR as line end (old Mac Excel)', () => {
    expect(parseCsv('Kod\rSoV\rAoB').rows).toEqual([['Kod'], ['SoV'], ['AoB']]);
  });

  it('returns no rows for an empty text', () => {
    expect(parseCsv('')).toEqual({ delimiter: ',', rows: [] });
  });

  it('rejects an unterminated quote with a Swedish message naming the row where it starts', () => {
    const text = 'Enhet;Namn\r\n"Stöd till arbete";Anna Berg\r\n"Vuxenutbildning;Per Lund\r\nAoB;Eva Ek\r\n';
    let caught: unknown;
    try {
      parseCsv(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvError);
    expect((caught as CsvError).line).toBe(3);
    expect((caught as CsvError).message).toContain('Citattecknet som börjar på rad 3 avslutas aldrig');
  });

  it('counts rows as Excel does when an earlier field spans lines', () => {
    const text = 'Enhet;Titel\n"SoV";"rad ett\nrad två"\n"AoB;x\n';
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ line: 3 }));
  });
});
