/**
 * The CSV format for importing the organisation tree and its people. Each row names one
 * organisational unit (its path from the committee down, created as needed) and optionally one
 * person holding one role there; a row with a person but no unit gives the role for the whole
 * committee. Only the file itself is validated here; matching against the database is the
 * caller's business.
 */
import { CsvError, type CsvDelimiter, type CsvEncoding, decodeCsvBytes, parseCsv } from './csv';
import {
  ORGANISATION_UNIT_KIND_LABELS,
  ORGANISATION_UNIT_KINDS,
  type OrganisationUnitKind,
  isOrganisationUnitKind,
} from './organisation';
import { ROLE_LABELS, ROLES, type Role, parseRole } from './roles';

export interface OrganisationImportRow {
  /** 1-based row number as Excel shows it; the header is line 1. */
  line: number;
  municipality: string;
  committee: string;
  /** The unit's path from the committee down; empty for a role held for the whole committee. */
  path: string[];
  /** Kind of the last part of `path`; null when `path` is empty. */
  kind: OrganisationUnitKind | null;
  code: string | null;
  person: { name: string; email: string; title: string | null; role: Role } | null;
}

export interface ImportIssue {
  line: number;
  /** The column as the format names it (e.g. `E-post`), or null when the issue is about the whole row or file. */
  column: string | null;
  /** In Swedish, for the person who wrote the file. */
  message: string;
}

export interface OrganisationImportResult {
  rows: OrganisationImportRow[];
  errors: ImportIssue[];
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

export const ORGANISATION_IMPORT_COLUMNS = [
  'Kommun',
  'Nämnd',
  'Enhet',
  'Nivå',
  'Kod',
  'Namn',
  'E-post',
  'Titel',
  'Roll',
] as const;
export type OrganisationImportColumn = (typeof ORGANISATION_IMPORT_COLUMNS)[number];

export const ORGANISATION_IMPORT_MAX_NAME_LENGTH = 200;
export const ORGANISATION_IMPORT_MAX_CODE_LENGTH = 30;

const REQUIRED_COLUMNS: readonly OrganisationImportColumn[] = ['Kommun', 'Nämnd'];
const PERSON_COLUMNS: readonly OrganisationImportColumn[] = ['Namn', 'E-post', 'Roll'];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parses and validates an organisation import file (raw bytes as uploaded, or already decoded text). */
export function parseOrganisationImport(input: Uint8Array | string): OrganisationImportResult {
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeCsvBytes(input);

  let parsed: { delimiter: CsvDelimiter; rows: string[][] };
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) {
      return {
        rows: [],
        errors: [{ line: error.line, column: null, message: error.message }],
        encoding,
        delimiter: ',',
      };
    }
    throw error;
  }
  const { delimiter, rows: records } = parsed;
  const fail = (message: string): OrganisationImportResult => ({
    rows: [],
    errors: [{ line: 1, column: null, message }],
    encoding,
    delimiter,
  });

  if (records.length === 0) {
    return fail(`Filen är tom. Första raden ska innehålla kolumnrubrikerna ${ORGANISATION_IMPORT_COLUMNS.join(', ')}.`);
  }

  const header = readHeader(records[0]);
  if (header.fatal) return { rows: [], errors: header.errors, encoding, delimiter };

  const errors: ImportIssue[] = [...header.errors];
  const rows: OrganisationImportRow[] = [];
  const seen = new SeenValues();

  for (let index = 1; index < records.length; index += 1) {
    const record = records[index].map(clean);
    if (record.every((value) => value === '')) continue;
    const line = index + 1;
    const rowErrors: ImportIssue[] = [];
    const add = (column: OrganisationImportColumn | null, message: string) => rowErrors.push({ line, column, message });
    const get = (column: OrganisationImportColumn): string => {
      const at = header.columns.get(column);
      return at === undefined ? '' : (record[at] ?? '');
    };

    for (let at = 0; at < record.length; at += 1) {
      if (record[at] !== '' && !header.known.has(at)) {
        add(null, `Värdet "${shorten(record[at])}" står i kolumn ${at + 1}, som saknar rubrik.`);
      }
    }

    const municipality = requireName(get('Kommun'), 'Kommun', add);
    const committee = requireName(get('Nämnd'), 'Nämnd', add);

    // The unit.
    const unitText = get('Enhet');
    const levelText = get('Nivå');
    const codeText = get('Kod');
    let path: string[] = [];
    let kind: OrganisationUnitKind | null = null;
    if (unitText !== '') {
      path = unitText.split('/').map((part) => part.trim());
      if (path.some((part) => part === '')) {
        add(
          'Enhet',
          `"Enhet" innehåller en tom del: "${unitText}". Skriv delarna åtskilda av " / ", till exempel "Socialförvaltningen / Stöd och vägledning".`,
        );
      }
      for (const part of path) {
        if (part.length > ORGANISATION_IMPORT_MAX_NAME_LENGTH) {
          add(
            'Enhet',
            `Enhetsnamnet "${shorten(part)}" är ${part.length} tecken; högst ${ORGANISATION_IMPORT_MAX_NAME_LENGTH} tillåts.`,
          );
        }
      }
      if (levelText === '') {
        add('Nivå', `"Nivå" måste fyllas i när "Enhet" är ifylld. Giltiga nivåer: ${kindLabels()}.`);
      } else {
        kind = parseKind(levelText);
        if (kind === null) add('Nivå', `Okänd nivå "${levelText}". Giltiga nivåer: ${kindLabels()}.`);
      }
      if (codeText.length > ORGANISATION_IMPORT_MAX_CODE_LENGTH) {
        add(
          'Kod',
          `Koden "${codeText}" är ${codeText.length} tecken; högst ${ORGANISATION_IMPORT_MAX_CODE_LENGTH} tillåts.`,
        );
      }
    } else {
      if (levelText !== '')
        add('Nivå', `"Nivå" är ifylld men "Enhet" är tom. Nivån anger vilken sorts enhet som står i "Enhet".`);
      if (codeText !== '') add('Kod', `"Kod" är ifylld men "Enhet" är tom. Koden hör till enheten i "Enhet".`);
    }
    const code = codeText === '' ? null : codeText;

    if (path.length > 0 && municipality !== null && committee !== null && !path.includes('')) {
      const unitKey = [municipality, committee, ...path].map((part) => part.toLocaleLowerCase('sv-SE')).join('\u0000');
      const unitName = path.join(' / ');
      if (kind !== null) {
        const earlier = seen.kinds.get(unitKey);
        if (earlier === undefined) seen.kinds.set(unitKey, { value: kind, line });
        else if (earlier.value !== kind) {
          add(
            'Nivå',
            `Enheten "${unitName}" har redan nivån "${ORGANISATION_UNIT_KIND_LABELS[earlier.value]}" på rad ${earlier.line}; här står "${ORGANISATION_UNIT_KIND_LABELS[kind]}".`,
          );
        }
      }
      if (code !== null && code.length <= ORGANISATION_IMPORT_MAX_CODE_LENGTH) {
        const earlier = seen.codes.get(unitKey);
        if (earlier === undefined) seen.codes.set(unitKey, { value: code, line });
        else if (earlier.value !== code) {
          add(
            'Kod',
            `Enheten "${unitName}" har redan koden "${earlier.value}" på rad ${earlier.line}; här står "${code}".`,
          );
        }
      }
    }

    // The person.
    const nameText = get('Namn');
    const emailText = get('E-post');
    const roleText = get('Roll');
    const titleText = get('Titel');
    let person: OrganisationImportRow['person'] = null;
    if (nameText !== '' || emailText !== '' || roleText !== '') {
      for (const column of PERSON_COLUMNS) {
        if (get(column) === '')
          add(column, `"${column}" måste fyllas i när raden har en person (Namn, E-post och Roll).`);
      }
      const name = nameText === '' ? null : checkLength(nameText, 'Namn', add);
      const title = titleText === '' ? null : checkLength(titleText, 'Titel', add);
      let email: string | null = null;
      if (emailText !== '') {
        if (EMAIL_PATTERN.test(emailText)) email = emailText.toLowerCase();
        else add('E-post', `Ogiltig e-postadress "${emailText}".`);
      }
      let role: Role | null = null;
      if (roleText !== '') {
        role = parseRole(roleText);
        if (role === null)
          add('Roll', `Okänd roll "${roleText}". Giltiga roller: ${ROLES.map((r) => ROLE_LABELS[r]).join(', ')}.`);
      }
      if (email !== null && name !== null) {
        const earlier = seen.names.get(email);
        if (earlier === undefined) seen.names.set(email, { value: name, line });
        else if (earlier.value !== name) {
          add(
            'Namn',
            `E-postadressen "${email}" hör redan till "${earlier.value}" på rad ${earlier.line}; här står "${name}".`,
          );
        }
      }
      if (name !== null && email !== null && role !== null) person = { name, email, title, role };
    } else if (titleText !== '') {
      add('Titel', `"Titel" är ifylld men raden saknar person. Fyll i Namn, E-post och Roll, eller töm "Titel".`);
    }

    if (unitText === '' && nameText === '' && emailText === '' && roleText === '') {
      add(null, 'Raden saknar både enhet och person. Fyll i "Enhet" och "Nivå", eller "Namn", "E-post" och "Roll".');
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
    } else if (municipality !== null && committee !== null) {
      rows.push({ line, municipality, committee, path, kind, code, person });
    }
  }

  if (rows.length === 0 && errors.length === 0) {
    return fail('Filen innehåller inga rader utöver rubrikraden.');
  }
  return { rows, errors, encoding, delimiter };
}

interface Seen<T> {
  value: T;
  line: number;
}

/** What earlier rows said, so that a later row contradicting them can be pointed out. */
class SeenValues {
  readonly kinds = new Map<string, Seen<OrganisationUnitKind>>();
  readonly codes = new Map<string, Seen<string>>();
  readonly names = new Map<string, Seen<string>>();
}

interface Header {
  /** Position of each recognised column. */
  columns: Map<OrganisationImportColumn, number>;
  /** Positions that have a heading (recognised or not): values there are not "without heading". */
  known: Set<number>;
  errors: ImportIssue[];
  /** True when rows cannot be read at all. */
  fatal: boolean;
}

function readHeader(cells: readonly string[]): Header {
  const columns = new Map<OrganisationImportColumn, number>();
  const known = new Set<number>();
  const errors: ImportIssue[] = [];
  let duplicated = false;
  const byLowerName = new Map<string, OrganisationImportColumn>(
    ORGANISATION_IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]),
  );

  cells.forEach((cell, at) => {
    const heading = clean(cell);
    if (heading === '') return;
    known.add(at);
    const column = byLowerName.get(heading.toLowerCase());
    if (column === undefined) {
      errors.push({
        line: 1,
        column: heading,
        message: `Okänd kolumn "${heading}". Giltiga kolumner: ${ORGANISATION_IMPORT_COLUMNS.join(', ')}.`,
      });
    } else if (columns.has(column)) {
      duplicated = true;
      errors.push({ line: 1, column, message: `Kolumnen "${column}" förekommer två gånger.` });
    } else {
      columns.set(column, at);
    }
  });

  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (columns.has('Enhet') && !columns.has('Nivå')) missing.push('Nivå');
  if (PERSON_COLUMNS.some((column) => columns.has(column))) {
    missing.push(...PERSON_COLUMNS.filter((column) => !columns.has(column)));
  }
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column}"`);
    const message =
      names.length === 1
        ? `Kolumnen ${names[0]} saknas.`
        : `Kolumnerna ${names.slice(0, -1).join(', ')} och ${names[names.length - 1]} saknas.`;
    errors.unshift({ line: 1, column: null, message });
  }
  return { columns, known, errors, fatal: missing.length > 0 || duplicated };
}

/** Trims a field and puts it in composed form, so that "ä" typed on a Mac equals "ä" typed on Windows. */
function clean(value: string): string {
  return value.trim().normalize('NFC');
}

function parseKind(value: string): OrganisationUnitKind | null {
  const wanted = value.toLowerCase();
  if (isOrganisationUnitKind(wanted)) return wanted;
  return ORGANISATION_UNIT_KINDS.find((kind) => ORGANISATION_UNIT_KIND_LABELS[kind].toLowerCase() === wanted) ?? null;
}

function kindLabels(): string {
  return ORGANISATION_UNIT_KINDS.map((kind) => ORGANISATION_UNIT_KIND_LABELS[kind]).join(', ');
}

type AddIssue = (column: OrganisationImportColumn | null, message: string) => void;

function requireName(value: string, column: OrganisationImportColumn, add: AddIssue): string | null {
  if (value === '') {
    add(column, `"${column}" måste fyllas i.`);
    return null;
  }
  return checkLength(value, column, add);
}

function checkLength(value: string, column: OrganisationImportColumn, add: AddIssue): string | null {
  if (value.length > ORGANISATION_IMPORT_MAX_NAME_LENGTH) {
    add(column, `"${column}" är ${value.length} tecken; högst ${ORGANISATION_IMPORT_MAX_NAME_LENGTH} tillåts.`);
    return null;
  }
  return value;
}

/** Keeps a quoted value readable in a message. */
function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
