import { PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

/**
 * The object behind `value` (followed when a reference) if it is of `type`, else undefined: a
 * source's broken or unusual entry is skipped instead of failing the package (pdf-lib's
 * lookupMaybe throws on a wrong type).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function resolve<T>(context: PDFContext, value: PDFObject | undefined, type: Function & { prototype: T }): T | undefined {
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  return object instanceof type ? (object as T) : undefined;
}
