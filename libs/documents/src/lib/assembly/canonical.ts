import type { DocumentModel } from '../model';

/** JSON with object keys sorted at every level (arrays keep their order): the same model always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * What a report version's checksum covers: the whole model except its status (version number,
 * freezing instant and the checksum itself), so that an unchanged report has the same checksum
 * as the version before it. SHA-256 of this text, in hex, is the version's checksum.
 */
export function checksumText(model: DocumentModel): string {
  return canonicalJson({ ...model, meta: { ...model.meta, status: null } });
}
