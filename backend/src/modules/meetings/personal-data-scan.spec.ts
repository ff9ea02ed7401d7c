import { contactDetailsIn, phoneDigits, scanPersonalData, type ScanHit, type ScanPage } from './personal-data-scan';

// Every identity number here is generated (the Luhn digit computed below), except 19121212-1212,
// Skatteverket's published test number.

/** The Luhn digit over the first nine digits of the ten-digit form. */
function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < nine.length; i += 1) {
    let value = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

type Format = 'YYMMDD-XXXX' | 'YYMMDD+XXXX' | 'YYYYMMDDXXXX' | 'YYYYMMDD-XXXX' | 'YYMMDDXXXX' | 'YYMMDD XXXX' | 'YYYYMMDD XXXX';

/** An identity number for a date (the day already + 60 for a samordningsnummer), serial 001–999. */
function identityNumber(year: number, month: number, day: number, serial: number, format: Format, checkOffset = 0): string {
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const nnn = String(serial).padStart(3, '0');
  const check = (luhnDigit(yymmdd + nnn) + checkOffset) % 10;
  const last = `${nnn}${check}`;
  const century = String(Math.floor(year / 100));
  switch (format) {
    case 'YYMMDD-XXXX':
      return `${yymmdd}-${last}`;
    case 'YYMMDD+XXXX':
      return `${yymmdd}+${last}`;
    case 'YYYYMMDDXXXX':
      return `${century}${yymmdd}${last}`;
    case 'YYYYMMDD-XXXX':
      return `${century}${yymmdd}-${last}`;
    case 'YYMMDDXXXX':
      return `${yymmdd}${last}`;
    case 'YYMMDD XXXX':
      return `${yymmdd} ${last}`;
    case 'YYYYMMDD XXXX':
      return `${century}${yymmdd} ${last}`;
  }
}

/** A small seeded generator, so that a failure can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function page(text: string, pageNumber = 1, documentId = 'kallelse'): ScanPage {
  return { documentId, page: pageNumber, text };
}

function kinds(hits: ScanHit[]): Array<[string, string]> {
  return hits.map((hit) => [hit.kind, hit.match]);
}

function scanText(text: string, options?: Parameters<typeof scanPersonalData>[1]): Array<[string, string]> {
  return kinds(scanPersonalData([page(text)], options));
}

describe('scanPersonalData: personnummer and samordningsnummer', () => {
  it("finds Skatteverket's test number in every format", () => {
    for (const written of ['19121212-1212', '191212121212', '121212-1212', '1212121212', '121212 1212', '19121212 1212']) {
      expect(scanText(`Sökande: ${written}, inkom i dag.`)).toEqual([['personnummer', written]]);
    }
  });

  it.each<Format>(['YYMMDD-XXXX', 'YYYYMMDDXXXX', 'YYYYMMDD-XXXX', 'YYMMDDXXXX', 'YYMMDD XXXX', 'YYYYMMDD XXXX'])(
    'finds generated personnummer written %s',
    (format) => {
      const next = random(format.length * 7919);
      for (let i = 0; i < 50; i += 1) {
        const year = 1930 + Math.floor(next() * 90);
        const month = 1 + Math.floor(next() * 12);
        const day = 1 + Math.floor(next() * daysIn(year, month));
        const written = identityNumber(year, month, day, 1 + Math.floor(next() * 999), format);
        expect(scanText(`Ärendet gäller ${written} enligt ansökan.`)).toEqual([['personnummer', written]]);
      }
    },
  );

  it('finds the + form of someone over a hundred years old', () => {
    const written = identityNumber(1918, 5, 17, 123, 'YYMMDD+XXXX');
    expect(scanText(`Född ${written}.`)).toEqual([['personnummer', written]]);
  });

  it('finds samordningsnummer (day + 60) in the same formats', () => {
    const next = random(4242);
    for (const format of ['YYMMDD-XXXX', 'YYYYMMDDXXXX', 'YYYYMMDD-XXXX', 'YYMMDDXXXX'] as const) {
      for (let i = 0; i < 20; i += 1) {
        const year = 1950 + Math.floor(next() * 60);
        const month = 1 + Math.floor(next() * 12);
        const day = 1 + Math.floor(next() * daysIn(year, month));
        const written = identityNumber(year, month, day + 60, 1 + Math.floor(next() * 999), format);
        expect(scanText(`Samordningsnummer ${written}`)).toEqual([['samordningsnummer', written]]);
      }
    }
    expect(scanText(`${identityNumber(1990, 2, 28, 456, 'YYYYMMDD-XXXX')} och ${identityNumber(1990, 2, 28 + 60, 456, 'YYYYMMDD-XXXX')}`)).toEqual([
      ['personnummer', identityNumber(1990, 2, 28, 456, 'YYYYMMDD-XXXX')],
      ['samordningsnummer', identityNumber(1990, 2, 88, 456, 'YYYYMMDD-XXXX')],
    ]);
  });

  it('finds nothing when the check digit is wrong', () => {
    const next = random(99);
    for (let i = 0; i < 200; i += 1) {
      const year = 1930 + Math.floor(next() * 90);
      const month = 1 + Math.floor(next() * 12);
      const day = 1 + Math.floor(next() * daysIn(year, month));
      const offset = 1 + Math.floor(next() * 9);
      const written = identityNumber(year, month, day, 1 + Math.floor(next() * 999), i % 2 ? 'YYMMDD-XXXX' : 'YYYYMMDDXXXX', offset);
      expect(scanText(`Nummer ${written} i texten.`)).toEqual([]);
    }
    expect(scanText('19121212-1213 och 121212-1211')).toEqual([]);
  });

  it('finds nothing for dates that do not exist, with a correct check digit', () => {
    const cases = [
      identityNumber(1985, 13, 1, 234, 'YYMMDD-XXXX'), // month 13
      identityNumber(1985, 0, 12, 234, 'YYYYMMDDXXXX'), // month 00
      identityNumber(1985, 1, 32, 234, 'YYMMDD-XXXX'), // day 32
      identityNumber(1985, 1, 0, 234, 'YYMMDD-XXXX'), // day 00
      identityNumber(1985, 1, 92, 234, 'YYMMDD-XXXX'), // day 92: no samordningsnummer either
      identityNumber(1985, 2, 29, 234, 'YYYYMMDD-XXXX'), // 1985 is no leap year
      identityNumber(1985, 2, 89, 234, 'YYYYMMDD-XXXX'), // nor as a samordningsnummer
      identityNumber(2099, 6, 1, 234, 'YYYYMMDD-XXXX'), // a birth date in the future
      identityNumber(1550, 6, 1, 234, 'YYYYMMDDXXXX'), // no century of the living
    ];
    for (const written of cases) expect(scanText(`Nummer ${written}.`)).toEqual([]);
    // 1984 is a leap year: the same day is real then.
    const leap = identityNumber(1984, 2, 29, 234, 'YYYYMMDD-XXXX');
    expect(scanText(leap)).toEqual([['personnummer', leap]]);
  });

  it('does not flag numbers inside longer runs of digits', () => {
    const ten = identityNumber(1985, 7, 9, 980, 'YYMMDDXXXX');
    expect(scanText(ten)).toEqual([['personnummer', ten]]);
    for (const text of [`konto 1${ten}23`, `${ten}5`, `9${ten}`, `ref ${ten}.5`, `${ten},25 kr`, `SN 2019/${ten}`]) {
      expect(scanText(text)).toEqual([]);
    }
    expect(scanText('Kontonummer 1234567890123 och clearing 8327-9')).toEqual([]);
  });

  it('finds several on a page, with their offsets and contexts', () => {
    const first = identityNumber(1962, 3, 4, 555, 'YYMMDD-XXXX');
    const second = identityNumber(2004, 11, 30 + 60, 17, 'YYYYMMDDXXXX');
    const text = `Klagande:   Anna Exempel (${first}),\n\nboende i Nacka.\tOmbud har samordningsnummer ${second} och har yttrat sig i ärendet.`;
    const hits = scanPersonalData([page(text, 7, 'bilaga-3')]);
    expect(hits).toEqual([
      {
        documentId: 'bilaga-3',
        page: 7,
        kind: 'personnummer',
        match: first,
        offset: text.indexOf(first),
        context: `Klagande: Anna Exempel (${first}), boende i Nacka. Ombud har samordning`,
      },
      {
        documentId: 'bilaga-3',
        page: 7,
        kind: 'samordningsnummer',
        match: second,
        offset: text.indexOf(second),
        context: `de i Nacka. Ombud har samordningsnummer ${second} och har yttrat sig i ärendet.`,
      },
    ]);
  });
});

describe('scanPersonalData: non-hits in report text', () => {
  it.each([
    'Diarienummer SN 2019/1703, KS 2021/0123 och KFKS 2023/000123.',
    'Prognosen är −9 504 tkr och budgeten 24 800 tkr; utfallet 123 456 kr.',
    'Nämnden sammanträder 2026-08-31 kl. 08.30–12.00, justering 2026-09-03 13:15.',
    'År 2019, 2020 och 2021 ökade kostnaderna med 3,8 procent; 0,5 mnkr återstår.',
    'Organisationsnummer 212000-0142 och bankgiro 5050-1055.',
    'Tabell: 202 408 | 198 331 | 4 077 | 10 12 | 08 | 0 | 12',
    'Beslutet fattades 31-08-2026 och gäller från 08-12-2026.',
    'Postadress 131 81 Nacka; besöksadress Granitvägen 15.',
    'Ärendenummer 2026-0815 och löpnummer 20261204.',
    'Administration 50 068 44 856 5 212 tkr; Boende LSS 78\u00a0098 67\u00a0187 10\u00a0911 tkr.',
    'Boende LSS 85\n097 68 393 16 704 tkr (an amount broken over two lines)',
  ])('%s', (text) => {
    expect(scanText(text)).toEqual([]);
  });
});

describe('scanPersonalData: phone numbers', () => {
  it.each([
    ['070-123 45 67'],
    ['0701234567'],
    ['070-1234567'],
    ['+46 70 123 45 67'],
    ['+46701234567'],
    ['0046 70 123 45 67'],
    ['+46 (0)8-123 456 78'],
    ['08-123 456 78'],
    ['08-12 34 56'],
    ['013-12 34 56'],
    ['(08) 123 456 78'],
    ['(013) 12 34 56'],
    ['0771-123 456'],
    ['08–123 456 78'],
  ])('finds %s', (written) => {
    expect(scanText(`Ring ${written} om du har frågor.`)).toEqual([['phone', written]]);
    expect(scanText(`Tel: ${written}`)).toEqual([['phone', written]]);
    expect(scanText(`(${written})`)).toEqual([['phone', written]]);
  });

  it('stops at the end of the number in a table row', () => {
    expect(scanText('Kontakt 08-123 456 78 24 800 tkr')).toEqual([['phone', '08-123 456 78']]);
    expect(scanText('070-123 45 67 2019')).toEqual([['phone', '070-123 45 67']]);
    expect(scanText('070-123 45 67, 08-12 34 56 och 013-12 34 56.')).toEqual([
      ['phone', '070-123 45 67'],
      ['phone', '08-12 34 56'],
      ['phone', '013-12 34 56'],
    ]);
  });

  it('finds a number the line wrap broke in two', () => {
    expect(scanText('Kontakta handläggaren på 070-132\n85 49. Enheten')).toEqual([['phone', '070-132\n85 49']]);
  });

  it('does not take a personnummer for a phone number, valid or not', () => {
    const born2001 = identityNumber(2001, 2, 3, 234, 'YYMMDD-XXXX');
    expect(born2001.startsWith('010203-')).toBe(true);
    expect(scanText(`Elev ${born2001}.`)).toEqual([['personnummer', born2001]]);
    const wrong = identityNumber(2001, 2, 3, 234, 'YYMMDD-XXXX', 3);
    expect(scanText(`Elev ${wrong}.`)).toEqual([]);
    const long = identityNumber(2003, 4, 5, 678, 'YYYYMMDDXXXX');
    expect(scanText(long)).toEqual([['personnummer', long]]);
  });

  it('does not take short or long digit runs for phone numbers', () => {
    for (const text of ['Kod 0701', 'Nummer 0123', '070-12', '07012345678901', '0 12 34 56', '00 12 34 56 78']) {
      expect(scanText(text)).toEqual([]);
    }
  });
});

describe('scanPersonalData: e-mail addresses', () => {
  const text =
    'Synpunkter från anna.exempel@gmail.com och Björn.Öst@exempel.se skickas till registrator@nacka.se, ' +
    'kopia till Ekonomi@Nacka.SE, elev.namn@elev.nacka.se och kontakt@forening.example.org.';

  it('finds every address when no domain is allowed', () => {
    expect(scanText(text).map(([, match]) => match)).toEqual([
      'anna.exempel@gmail.com',
      'Björn.Öst@exempel.se',
      'registrator@nacka.se',
      'Ekonomi@Nacka.SE',
      'elev.namn@elev.nacka.se',
      'kontakt@forening.example.org',
    ]);
    expect(scanText(text).every(([kind]) => kind === 'email')).toBe(true);
  });

  it("leaves out the allowed domains (any case, sub-domains not included) and allowed addresses", () => {
    const hits = scanText(text, { allowedEmailDomains: ['nacka.se'], allowedAddresses: ['KONTAKT@forening.example.org'] });
    expect(hits).toEqual([
      ['email', 'anna.exempel@gmail.com'],
      ['email', 'Björn.Öst@exempel.se'],
      ['email', 'elev.namn@elev.nacka.se'],
    ]);
  });

  it('gives the address without the full stop after it, and does not read its digits as a phone number', () => {
    expect(scanText('Skriv till 0701234567@sms.example.se.')).toEqual([['email', '0701234567@sms.example.se']]);
    expect(scanText('Skriv till 0701234567@nacka.se.', { allowedEmailDomains: ['nacka.se'] })).toEqual([]);
  });
});

describe('scanPersonalData: pages and documents', () => {
  it('reports each hit with its document and page, in the order given', () => {
    const pnr = identityNumber(1977, 8, 19, 321, 'YYYYMMDD-XXXX');
    const hits = scanPersonalData([
      page('Inget här.', 1, 'kallelse'),
      page(`Ring 08-12 34 56 eller skriv till a@b.se. Sökande ${pnr}.`, 2, 'kallelse'),
      page(`Bilagan: ${pnr}`, 1, 'bilaga-1'),
    ]);
    expect(hits.map((hit) => [hit.documentId, hit.page, hit.kind, hit.offset])).toEqual([
      ['kallelse', 2, 'phone', 5],
      ['kallelse', 2, 'email', 34],
      ['kallelse', 2, 'personnummer', 50],
      ['bilaga-1', 1, 'personnummer', 9],
    ]);
    expect(hits[1].context).toBe(`Ring 08-12 34 56 eller skriv till a@b.se. Sökande ${pnr}.`);
  });

  it('scans 400 pages of 3 000 characters in well under a second', () => {
    const line = 'Nämnden redovisar en prognos om −9 504 tkr (SN 2019/1703) per 2026-08-31; utfall 24 800 tkr. ';
    const body = line.repeat(Math.ceil(3000 / line.length)).slice(0, 3000);
    const pages = Array.from({ length: 400 }, (_, i) => page(i % 50 === 0 ? `${body} Kontakt 070-123 45 67.` : body, i + 1));
    scanPersonalData(pages);
    const started = performance.now();
    const hits = scanPersonalData(pages);
    const ms = performance.now() - started;
    expect(hits).toHaveLength(8);
    expect(ms).toBeLessThan(500);
  });
});

describe('the organisation’s own contact details', () => {
  it('are not hits when allowed, whatever their spacing; other numbers on the page still are', () => {
    const own = contactDetailsIn('Maria Holm, 0158-275 000, maria.holm@gnesta.example.se');
    expect(own).toEqual({ phones: ['0158-275 000'], addresses: ['maria.holm@gnesta.example.se'] });
    const hits = scanPersonalData([{ documentId: 'k', page: 1, text: 'Förhinder anmäls till Maria Holm, 0158275000. Ring inte 070-123 45 67.' }], {
      allowedPhoneNumbers: own.phones,
    });
    expect(hits.map((h) => h.match)).toEqual(['070-123 45 67']);
    expect(phoneDigits('+46 158 275 000')).toBe('0158275000');
  });
});
