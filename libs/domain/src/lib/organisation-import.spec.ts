import { type ImportIssue, parseOrganisationImport } from './organisation-import';

/** Encodes text as Swedish Excel saves it: Windows-1252, one byte per Latin-1 character. */
function toWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) as number;
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`Not in this test helper: ${ch}`);
    return code;
  });
}

const HEADER = 'Kommun;Nämnd;Enhet;Nivå;Kod;Namn;E-post;Titel;Roll';
const G = 'Gnesta kommun;Socialnämnden';
const SOC = 'Socialförvaltningen';
const SOV = `${SOC} / Stöd och vägledning`;

/** A semicolon file with CRLF, as Excel writes it; the header is line 1. */
const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

const errorsOf = (text: string): ImportIssue[] => parseOrganisationImport(text).errors;

describe('parseOrganisationImport: reading the file', () => {
  const gnesta = file(
    `${G};${SOC};Förvaltning;;Karin Söderström;karin.soderstrom@gnesta.se;Socialchef;Förvaltningschef`,
    `${G};${SOV};Verksamhetsområde;SoV;;;;`,
    `${G};${SOV} / Utredning och stöd;Enhet;;Åsa Lindqvist;Asa.Lindqvist@Gnesta.se;Enhetschef;Enhetschef`,
    `${G};${SOV} / Stöd till arbete;Enhet;;Örjan Källström;orjan.kallstrom@gnesta.se;;unit_head`,
    `${G};${SOV} / Vuxenutbildning;Enhet;;;;;`,
    `${G};${SOC} / Äldre, funktionsstöd, hälso- och sjukvård;Verksamhetsområde;ÄFH;;;;`,
    `${G};${SOC} / Administration och bistånd;Verksamhetsområde;AoB;Jörgen Öberg;jorgen.oberg@gnesta.se;Ekonom;FÖRVALTNINGSEKONOM`,
    `${G};;;;Märta Ek;marta.ek@gnesta.se;Nämndsekreterare;Nämndsekreterare`,
  );

  it('reads a Windows-1252 file from Swedish Excel (semicolons, CRLF) with å, ä, ö intact', () => {
    const result = parseOrganisationImport(toWindows1252(gnesta));
    expect(result.errors).toEqual([]);
    expect(result.encoding).toBe('windows-1252');
    expect(result.delimiter).toBe(';');
    expect(result.rows).toHaveLength(8);
    expect(result.rows[0]).toEqual({
      line: 2,
      municipality: 'Gnesta kommun',
      committee: 'Socialnämnden',
      path: ['Socialförvaltningen'],
      kind: 'administration',
      code: null,
      person: { name: 'Karin Söderström', email: 'karin.soderstrom@gnesta.se', title: 'Socialchef', role: 'director' },
    });
    expect(result.rows[1]).toMatchObject({
      line: 3,
      path: ['Socialförvaltningen', 'Stöd och vägledning'],
      kind: 'operating_area',
      code: 'SoV',
      person: null,
    });
    expect(result.rows[5]).toMatchObject({
      path: ['Socialförvaltningen', 'Äldre, funktionsstöd, hälso- och sjukvård'],
      code: 'ÄFH',
    });
  });

  it('normalises e-mail to lower case and reads roles by code or by Swedish label in any case', () => {
    const rows = parseOrganisationImport(toWindows1252(gnesta)).rows;
    expect(rows[2].person).toEqual({
      name: 'Åsa Lindqvist',
      email: 'asa.lindqvist@gnesta.se',
      title: 'Enhetschef',
      role: 'unit_head',
    });
    expect(rows[3].person).toEqual({
      name: 'Örjan Källström',
      email: 'orjan.kallstrom@gnesta.se',
      title: null,
      role: 'unit_head',
    });
    expect(rows[6].person?.role).toBe('economist');
  });

  it('gives a role for the whole committee when "Enhet" is empty', () => {
    const last = parseOrganisationImport(gnesta).rows[7];
    expect(last).toEqual({
      line: 9,
      municipality: 'Gnesta kommun',
      committee: 'Socialnämnden',
      path: [],
      kind: null,
      code: null,
      person: { name: 'Märta Ek', email: 'marta.ek@gnesta.se', title: 'Nämndsekreterare', role: 'secretary' },
    });
  });

  it('reads a UTF-8 file with byte order mark and commas, with the comma-laden unit name quoted', () => {
    const text =
      'Kommun,Nämnd,Enhet,Nivå,Kod\n' +
      'Gnesta kommun,Socialnämnden,"Socialförvaltningen / Äldre, funktionsstöd, hälso- och sjukvård",Verksamhetsområde,ÄFH\n';
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const result = parseOrganisationImport(bytes);
    expect(result.errors).toEqual([]);
    expect(result.encoding).toBe('utf-8');
    expect(result.delimiter).toBe(',');
    expect(result.rows).toEqual([
      {
        line: 2,
        municipality: 'Gnesta kommun',
        committee: 'Socialnämnden',
        path: ['Socialförvaltningen', 'Äldre, funktionsstöd, hälso- och sjukvård'],
        kind: 'operating_area',
        code: 'ÄFH',
        person: null,
      },
    ]);
  });

  it('accepts the headings in another order, another case and with spaces around them', () => {
    const text =
      ' roll ;E-POST;namn;NIVÅ;enhet;NÄMND;Kommun\r\n' +
      'enhetschef;per.lund@gnesta.se;Per Lund;enhet;Socialförvaltningen/Stöd och vägledning/Vuxenutbildning;Socialnämnden;Gnesta kommun\r\n';
    const result = parseOrganisationImport(text);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        municipality: 'Gnesta kommun',
        committee: 'Socialnämnden',
        path: ['Socialförvaltningen', 'Stöd och vägledning', 'Vuxenutbildning'],
        kind: 'unit',
        code: null,
        person: { name: 'Per Lund', email: 'per.lund@gnesta.se', title: null, role: 'unit_head' },
      },
    ]);
  });

  it('reads quoted fields with semicolons and line breaks, and numbers later rows as Excel does', () => {
    const text = file(
      `${G};"${SOV} / Stöd till arbete";Enhet;;"Lind; Eva";eva.lind@gnesta.se;"Enhetschef\r\nStöd till arbete";Enhetschef`,
      `${G};${SOV} / Vuxenutbildning;Enhet;;;;;`,
      `${G};${SOV} / Utredning och stöd;Avdelning;;;;;`,
    );
    const result = parseOrganisationImport(text);
    expect(result.rows[0].person).toEqual({
      name: 'Lind; Eva',
      email: 'eva.lind@gnesta.se',
      title: 'Enhetschef\r\nStöd till arbete',
      role: 'unit_head',
    });
    expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(result.errors).toEqual([expect.objectContaining({ line: 4, column: 'Nivå' })]);
  });

  it('trims every field and skips empty rows without shifting line numbers', () => {
    const text = file(
      `  Gnesta kommun ; Socialnämnden ;  ${SOC}  ; Förvaltning ; ; ; ; ;`,
      ';;;;;;;;',
      '',
      `${G};${SOV};Verksamhetsområde; SoV ;;;;`,
    );
    const result = parseOrganisationImport(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.path.join(' / '), row.code])).toEqual([
      [2, 'Socialförvaltningen', null],
      [5, 'Socialförvaltningen / Stöd och vägledning', 'SoV'],
    ]);
  });

  it('keeps the good rows and leaves out a row with errors', () => {
    const result = parseOrganisationImport(
      file(`${G};${SOC};Förvaltning;;;;;`, `${G};${SOV};Verksamhetsområde;SoV;Anna;anna.example.se;;Enhetschef`),
    );
    expect(result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.errors.map((error) => error.line)).toEqual([3]);
  });
});

describe('parseOrganisationImport: errors in the header', () => {
  it('names a single missing required column on line 1 and reads no rows', () => {
    const result = parseOrganisationImport('Kommun;Enhet;Nivå\r\nGnesta kommun;Socialförvaltningen;Förvaltning\r\n');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, column: null, message: 'Kolumnen "Nämnd" saknas.' }]);
  });

  it('names several missing columns in one error', () => {
    expect(errorsOf('Enhet;Nivå\r\nSocialförvaltningen;Förvaltning\r\n')).toEqual([
      { line: 1, column: null, message: 'Kolumnerna "Kommun" och "Nämnd" saknas.' },
    ]);
  });

  it('requires "Nivå" when there is an "Enhet" column, and all of Namn, E-post and Roll when one is there', () => {
    expect(errorsOf('Kommun;Nämnd;Enhet;Namn\r\nGnesta kommun;Socialnämnden;Socialförvaltningen;Karin\r\n')).toEqual([
      { line: 1, column: null, message: 'Kolumnerna "Nivå", "E-post" och "Roll" saknas.' },
    ]);
  });

  it('names an unknown column', () => {
    const result = parseOrganisationImport(
      'Kommun;Nämnd;Enhet;Nivå;Avdelning\r\nGnesta kommun;Socialnämnden;Socialförvaltningen;Förvaltning;x\r\n',
    );
    expect(result.errors).toEqual([
      {
        line: 1,
        column: 'Avdelning',
        message:
          'Okänd kolumn "Avdelning". Giltiga kolumner: Kommun, Nämnd, Enhet, Nivå, Kod, Namn, E-post, Titel, Roll.',
      },
    ]);
  });

  it('rejects a column given twice', () => {
    const result = parseOrganisationImport('Kommun;Nämnd;Kod;kod\r\nGnesta kommun;Socialnämnden;SoV;AoB\r\n');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, column: 'Kod', message: 'Kolumnen "Kod" förekommer två gånger.' }]);
  });

  it('says so when the file is empty or has only the header', () => {
    expect(errorsOf('')).toEqual([
      {
        line: 1,
        column: null,
        message:
          'Filen är tom. Första raden ska innehålla kolumnrubrikerna Kommun, Nämnd, Enhet, Nivå, Kod, Namn, E-post, Titel, Roll.',
      },
    ]);
    expect(errorsOf(file())).toEqual([
      { line: 1, column: null, message: 'Filen innehåller inga rader utöver rubrikraden.' },
    ]);
  });

  it('reports an unterminated quote with its line instead of throwing', () => {
    const result = parseOrganisationImport(
      file(`${G};${SOC};Förvaltning;;;;;`, `${G};"${SOV};Verksamhetsområde;SoV;;;;`),
    );
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 3, column: null });
    expect(result.errors[0].message).toContain('Citattecknet som börjar på rad 3 avslutas aldrig');
  });
});

describe('parseOrganisationImport: errors on a row', () => {
  it('requires Kommun and Nämnd', () => {
    expect(errorsOf(file(`;;${SOC};Förvaltning;;;;;`))).toEqual([
      { line: 2, column: 'Kommun', message: '"Kommun" måste fyllas i.' },
      { line: 2, column: 'Nämnd', message: '"Nämnd" måste fyllas i.' },
    ]);
  });

  it('requires Nivå when Enhet is filled', () => {
    expect(errorsOf(file(`${G};${SOV};;SoV;;;;`))).toEqual([
      {
        line: 2,
        column: 'Nivå',
        message: '"Nivå" måste fyllas i när "Enhet" är ifylld. Giltiga nivåer: Förvaltning, Verksamhetsområde, Enhet.',
      },
    ]);
  });

  it('rejects an unknown Nivå and lists the valid ones', () => {
    expect(errorsOf(file(`${G};${SOC};Förvaltning;;;;;`, `${G};${SOV};Avdelning;SoV;;;;`))).toEqual([
      {
        line: 3,
        column: 'Nivå',
        message: 'Okänd nivå "Avdelning". Giltiga nivåer: Förvaltning, Verksamhetsområde, Enhet.',
      },
    ]);
  });

  it('rejects Nivå or Kod on a row without Enhet', () => {
    expect(errorsOf(file(`${G};;Förvaltning;SoC;Märta Ek;marta.ek@gnesta.se;;Nämndsekreterare`))).toEqual([
      {
        line: 2,
        column: 'Nivå',
        message: '"Nivå" är ifylld men "Enhet" är tom. Nivån anger vilken sorts enhet som står i "Enhet".',
      },
      { line: 2, column: 'Kod', message: '"Kod" är ifylld men "Enhet" är tom. Koden hör till enheten i "Enhet".' },
    ]);
  });

  it('rejects an empty part in the unit path', () => {
    expect(errorsOf(file(`${G};Socialförvaltningen //  Stöd och vägledning;Verksamhetsområde;SoV;;;;`))).toEqual([
      {
        line: 2,
        column: 'Enhet',
        message:
          '"Enhet" innehåller en tom del: "Socialförvaltningen //  Stöd och vägledning". Skriv delarna åtskilda av " / ", till exempel "Socialförvaltningen / Stöd och vägledning".',
      },
    ]);
  });

  it('rejects a code longer than 30 characters', () => {
    const code = 'StodOchVagledningSocialforvaltn'; // 31
    expect(errorsOf(file(`${G};${SOV};Verksamhetsområde;${code};;;;`))).toEqual([
      { line: 2, column: 'Kod', message: `Koden "${code}" är 31 tecken; högst 30 tillåts.` },
    ]);
  });

  it('rejects names longer than 200 characters', () => {
    const long = 'Vuxenutbildning'.padEnd(201, 'x');
    const errors = errorsOf(file(`${G};${SOV} / ${long};Enhet;;${long};per.lund@gnesta.se;;Enhetschef`));
    expect(errors).toEqual([
      { line: 2, column: 'Enhet', message: `Enhetsnamnet "${long.slice(0, 57)}…" är 201 tecken; högst 200 tillåts.` },
      { line: 2, column: 'Namn', message: '"Namn" är 201 tecken; högst 200 tillåts.' },
    ]);
  });

  it('rejects the same unit given two different levels, on the later line', () => {
    const errors = errorsOf(
      file(
        `${G};${SOV};Verksamhetsområde;SoV;;;;`,
        `${G};${SOC};Förvaltning;;;;;`,
        `${G};Socialförvaltningen/Stöd och vägledning;Enhet;;;;;`,
      ),
    );
    expect(errors).toEqual([
      {
        line: 4,
        column: 'Nivå',
        message:
          'Enheten "Socialförvaltningen / Stöd och vägledning" har redan nivån "Verksamhetsområde" på rad 2; här står "Enhet".',
      },
    ]);
  });

  it('rejects the same unit given two different codes, on the later line', () => {
    expect(errorsOf(file(`${G};${SOV};Verksamhetsområde;SoV;;;;`, `${G};${SOV};Verksamhetsområde;SV;;;;`))).toEqual([
      {
        line: 3,
        column: 'Kod',
        message: 'Enheten "Socialförvaltningen / Stöd och vägledning" har redan koden "SoV" på rad 2; här står "SV".',
      },
    ]);
  });

  it('rejects one e-mail address with two different names, on the later line, whatever the case of the address', () => {
    const errors = errorsOf(
      file(
        `${G};${SOV} / Utredning och stöd;Enhet;;Åsa Lindqvist;asa.lindqvist@gnesta.se;;Enhetschef`,
        `${G};${SOV} / Stöd till arbete;Enhet;;Åsa Lindqvist;ASA.LINDQVIST@gnesta.se;;Enhetschef`,
        `${G};${SOV} / Vuxenutbildning;Enhet;;Åsa Lindkvist;Asa.Lindqvist@gnesta.se;;Enhetschef`,
      ),
    );
    expect(errors).toEqual([
      {
        line: 4,
        column: 'Namn',
        message:
          'E-postadressen "asa.lindqvist@gnesta.se" hör redan till "Åsa Lindqvist" på rad 2; här står "Åsa Lindkvist".',
      },
    ]);
  });

  it('requires Namn, E-post and Roll together once one of them is filled', () => {
    expect(errorsOf(file(`${G};${SOV} / Vuxenutbildning;Enhet;;Per Lund;;Rektor;`))).toEqual([
      {
        line: 2,
        column: 'E-post',
        message: '"E-post" måste fyllas i när raden har en person (Namn, E-post och Roll).',
      },
      { line: 2, column: 'Roll', message: '"Roll" måste fyllas i när raden har en person (Namn, E-post och Roll).' },
    ]);
  });

  it('rejects an invalid e-mail address', () => {
    expect(errorsOf(file(`${G};${SOV} / Vuxenutbildning;Enhet;;Anna Berg;anna.example.se;;Enhetschef`))).toEqual([
      { line: 2, column: 'E-post', message: 'Ogiltig e-postadress "anna.example.se".' },
    ]);
    expect(
      errorsOf(file(`${G};${SOV} / Vuxenutbildning;Enhet;;Anna Berg;anna berg@gnesta.se;;Enhetschef`))[0].message,
    ).toBe('Ogiltig e-postadress "anna berg@gnesta.se".');
    expect(errorsOf(file(`${G};${SOV} / Vuxenutbildning;Enhet;;Anna Berg;anna@gnesta;;Enhetschef`))[0].message).toBe(
      'Ogiltig e-postadress "anna@gnesta".',
    );
  });

  it('rejects an unknown role and lists the valid ones in Swedish', () => {
    expect(errorsOf(file(`${G};${SOV} / Vuxenutbildning;Enhet;;Per Lund;per.lund@gnesta.se;Rektor;chef`))).toEqual([
      {
        line: 2,
        column: 'Roll',
        message:
          'Okänd roll "chef". Giltiga roller: Enhetschef, Förvaltningsekonom, Nämndsekreterare, Förvaltningschef, Granskare, Administratör, Läsare, Ledamot.',
      },
    ]);
  });

  it('rejects a title without a person', () => {
    expect(errorsOf(file(`${G};${SOV} / Vuxenutbildning;Enhet;;;;Rektor;`))).toEqual([
      {
        line: 2,
        column: 'Titel',
        message: '"Titel" är ifylld men raden saknar person. Fyll i Namn, E-post och Roll, eller töm "Titel".',
      },
    ]);
  });

  it('rejects a row with neither a unit nor a person', () => {
    expect(errorsOf(file(`${G};;;;;;;`))).toEqual([
      {
        line: 2,
        column: null,
        message: 'Raden saknar både enhet och person. Fyll i "Enhet" och "Nivå", eller "Namn", "E-post" och "Roll".',
      },
    ]);
  });

  it('rejects a value in a column without heading', () => {
    expect(errorsOf(file(`${G};${SOC};Förvaltning;;;;;;;Glömd anteckning`))).toEqual([
      { line: 2, column: null, message: 'Värdet "Glömd anteckning" står i kolumn 11, som saknar rubrik.' },
    ]);
  });
});
