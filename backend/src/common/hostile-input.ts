import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';

/**
 * Limits on the shape of what a request carries. The deepest legitimate body (a memo part holding
 * rich text with four levels of lists, marks and their attributes) is under 30 levels; thousands
 * of levels overflow the stack of the recursive validators and transformers behind the JSON parser.
 */
export const INPUT_LIMITS = {
  maxDepth: 64,
  /** Values in one body (objects, arrays, strings, numbers…): a 1 MB report section has well under 100 000. */
  maxNodes: 250_000,
} as const;

export const INVALID_INPUT = 'invalid_input';

export type HostileInput =
  | { kind: 'depth' }
  | { kind: 'nodes' }
  | { kind: 'character'; where: string; character: 'nul' | 'surrogate' }
  | { kind: 'key'; where: string };

/** A NUL (PostgreSQL text cannot hold it) or half of a surrogate pair (not Unicode, so not UTF-8). */
function badCharacter(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  // A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) ? 'surrogate' : null;
}

/** The key as it can be shown in a message: the characters it may not hold become "?". */
function printable(key: string): string {
  return Array.from(key, (c) => (c === '\u0000' || (c.length === 1 && c >= '\ud800' && c <= '\udfff') ? '?' : c)).join('');
}

/** Object keys that would reach an object's prototype when copied with Object.assign or a merge. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/** A readable path of where in the input something sits: sections[2].title. */
function join(where: string, key: string | number): string {
  if (typeof key === 'number') return `${where}[${key}]`;
  return where ? `${where}.${key}` : key;
}

/**
 * The first thing in a parsed value (a JSON body, a query, a form's fields) that must not reach the
 * application, or null. Iterative, so that no nesting can overflow the stack here.
 */
export function findHostileInput(value: unknown, limits: { maxDepth: number; maxNodes: number } = INPUT_LIMITS): HostileInput | null {
  const stack: Array<{ value: unknown; depth: number; where: string }> = [{ value, depth: 0, where: '' }];
  let nodes = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: current, depth, where } = item;
    nodes += 1;
    if (nodes > limits.maxNodes) return { kind: 'nodes' };
    if (typeof current === 'string') {
      const character = badCharacter(current);
      if (character) return { kind: 'character', where, character };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.maxDepth) return { kind: 'depth' };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth: depth + 1, where: join(where, i) });
      continue;
    }
    // Buffers and other non-plain objects (an uploaded file) are not walked.
    const prototype = Object.getPrototypeOf(current);
    if (prototype !== Object.prototype && prototype !== null) continue;
    for (const key of Object.keys(current)) {
      const character = badCharacter(key);
      if (character) return { kind: 'character', where: join(where, printable(key)), character };
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'key', where: join(where, key) };
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1, where: join(where, key) });
    }
  }
  return null;
}

/** The 400 for hostile input, in the API's error shape (code invalid_input, Swedish message). */
export function hostileInputException(problem: HostileInput): DomainError {
  switch (problem.kind) {
    case 'depth':
      return new DomainError(INVALID_INPUT, 'Begäran är för djupt nästlad.', [
        `Högst ${INPUT_LIMITS.maxDepth} nivåer tillåts.`,
      ]);
    case 'nodes':
      return new DomainError(INVALID_INPUT, 'Begäran innehåller för många delar.', [
        `Högst ${INPUT_LIMITS.maxNodes.toLocaleString('sv-SE')} värden tillåts.`,
      ]);
    case 'key':
      return new DomainError(INVALID_INPUT, 'Begäran innehåller ett otillåtet fältnamn.', [problem.where]);
    case 'character': {
      const what = problem.character === 'nul' ? 'ett NUL-tecken (U+0000)' : 'ett ofullständigt Unicode-tecken';
      const field = problem.where ? `Fältet ${problem.where}` : 'Värdet';
      return new DomainError(INVALID_INPUT, 'Texten innehåller tecken som inte kan sparas.', [
        `${field} innehåller ${what}.`,
      ]);
    }
  }
}

/** Path segments as the router will decode them; malformed escapes are the router's own 400. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

/**
 * Refuses hostile input before anything reads it (the access checks read ids from the body, the
 * validators walk it recursively, PostgreSQL refuses NUL): the parsed JSON body, the query and
 * the path. Bodies parsed later (forms, multipart fields) meet the same check in RequestValidationPipe.
 */
export function rejectHostileInput(request: Request, _response: Response, next: NextFunction): void {
  const problem =
    findHostileInput(decodedPath(request.path)) ??
    findHostileInput(request.query, { maxDepth: 8, maxNodes: 2_000 }) ??
    findHostileInput(request.body);
  next(problem ? hostileInputException(problem) : undefined);
}
