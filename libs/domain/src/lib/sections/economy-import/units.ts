/**
 * Which unit a file or a row belongs to: the unit a file without a unit column is for, and the
 * unit a row's cell names (by name, by path from the top, or by code), or why it names none.
 */
import { type EconomyImportIssue, type EconomyImportMapping, type EconomyImportOptions, type ImportUnit, lower } from './types';

/** Unit names, codes and every tail of their paths, in lower case → the units they can mean. */
function unitMatcher(units: readonly ImportUnit[]) {
  const exact = new Map<string, ImportUnit[]>();
  const add = (text: string, unit: ImportUnit) => {
    const key = lower(text);
    if (!key) return;
    const list = exact.get(key) ?? [];
    if (!list.includes(unit)) list.push(unit);
    exact.set(key, list);
  };
  for (const unit of units) {
    add(unit.name, unit);
    if (unit.code) add(unit.code, unit);
    // Every tail of the path: `Stöd och vägledning / Vuxenutbildning`, and the whole path.
    for (let i = 0; i < unit.path.length - 1; i += 1) add(unit.path.slice(i).join(' / '), unit);
  }
  return (text: string): ImportUnit | ImportUnit[] | null => {
    const found = exact.get(lower(text.replace(/\s*\/\s*/g, ' / ')));
    if (!found) return null;
    return found.length === 1 ? found[0] : found;
  };
}


/**
 * The unit of a file without a unit column: the one chosen, or the section's only unit. Null
 * (and an issue, when the file has no unit column) when there is none.
 */
export function defaultImportUnit(
  mapping: EconomyImportMapping,
  options: Pick<EconomyImportOptions, 'units' | 'defaultUnitId'>,
  headerLine: number,
): { unit: ImportUnit | null; issue: EconomyImportIssue | null } {
  if (mapping.unitColumn !== null) return { unit: null, issue: null };
  const unit = options.units.find((u) => u.id === options.defaultUnitId) ?? (options.units.length === 1 ? options.units[0] : null);
  if (unit) return { unit, issue: null };
  return {
    unit: null,
    issue: {
      line: headerLine,
      column: null,
      message: 'Filen har ingen kolumn för enhet, och avsnittet lämnas av flera enheter. Koppla kolumnen med enheten, eller välj vilken enhet filen gäller.',
    },
  };
}

/** The unit a row's cell names, or why it names none (message null: the same unknown unit was reported on an earlier row). */
export type UnitCell = { unit: ImportUnit } | { unit: null; message: string | null };

/** Reads rows' unit cells (not empty) against the units that deliver the section; an unknown unit is reported once per file. */
export function unitCellReader(units: readonly ImportUnit[]): ((text: string) => UnitCell) & { peek: (text: string) => ImportUnit | ImportUnit[] | null } {
  const findUnit = unitMatcher(units);
  const unknown = new Set<string>();
  const read = (text: string): UnitCell => {
    const found = findUnit(text);
    if (found === null) {
      if (unknown.has(lower(text))) return { unit: null, message: null };
      unknown.add(lower(text));
      const names = units.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'sv-SE'));
      return {
        unit: null,
        message:
          `Enheten "${text}" lämnar inte det här avsnittet, eller finns inte. ` +
          (names.length <= 12 ? `Enheter som lämnar avsnittet: ${names.join(', ')}.` : 'Skriv enhetens namn, väg eller kod som i Rapportflöde.'),
      };
    }
    if (Array.isArray(found)) {
      return {
        unit: null,
        message: `Enheten "${text}" finns på flera ställen (${found.map((u) => u.path.join(' / ')).join('; ')}). Skriv vägen, till exempel "${found[0].path.slice(-2).join(' / ')}", eller enhetens kod.`,
      };
    }
    return { unit: found };
  };
  // The unit (or units) a text names, without reporting anything: a total's label may name one.
  return Object.assign(read, { peek: findUnit });
}
