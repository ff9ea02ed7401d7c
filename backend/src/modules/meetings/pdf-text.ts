import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../common/domain-error';

/**
 * The text layer of a PDF, read by PDF.js (the build bundled in the `unpdf` package).
 *
 * It runs in a worker thread of its own, for three reasons:
 *  - `unpdf` loads PDF.js as an ES module with a dynamic `import()`. The backend is CommonJS
 *    (webpack bundle, ts-jest in the unit tests), and Jest's module sandbox refuses a dynamic
 *    import unless Node runs with --experimental-vm-modules, which the unit tests do not. A
 *    worker thread is plain Node, outside webpack's bundle and Jest's sandbox, so the same code
 *    loads the package in the server, the queue worker and every test runner.
 *  - Reading 500 pages takes seconds of CPU; in a worker the event loop keeps answering requests.
 *  - The file comes from a user: a worker that hangs or runs out of memory is stopped (a time
 *    limit and a heap limit) without taking the process along.
 * The worker's source is a string (`eval: true`), so webpack neither bundles nor rewrites it; the
 * package is resolved on disk at run time like the other dependencies (node_modules stay external).
 */

const DEFAULT_TIMEOUT_MS = 120_000;
const WORKER_HEAP_MB = 1024;
/** At most this many PDFs are read at once in this process; further calls wait their turn. */
const MAX_CONCURRENT = 2;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
(async () => {
  const loaded = await import(pathToFileURL(workerData.entry).href);
  const unpdf = typeof loaded.getDocumentProxy === 'function' ? loaded : loaded.default;
  const results = [];
  for (const bytes of workerData.files) {
    try {
      const pdf = await unpdf.getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false });
      try {
        const pages = [];
        for (let number = 1; number <= pdf.numPages; number += 1) {
          const page = await pdf.getPage(number);
          const content = await page.getTextContent();
          let text = '';
          for (const item of content.items) {
            if (typeof item.str === 'string') text += item.str + (item.hasEOL ? '\\n' : '');
          }
          pages.push(text);
          page.cleanup();
        }
        results.push({ pages });
      } finally {
        await pdf.destroy();
      }
    } catch (error) {
      results.push({ error: String((error && error.message) || error), name: String((error && error.name) || '') });
    }
  }
  parentPort.postMessage({ results });
})().catch((error) => {
  parentPort.postMessage({ error: String((error && error.message) || error), name: String((error && error.name) || '') });
});
`;

type FileAnswer = { pages: string[] } | { error: string; name: string };
type WorkerAnswer = { results: FileAnswer[] } | { error: string; name: string };

let entryPath: string | null = null;

/** Where `unpdf` is installed: from the working directory (the app's root), else beside this file. */
function unpdfEntry(): string {
  if (entryPath) return entryPath;
  const bases = [join(process.cwd(), 'package.json'), __filename];
  for (const base of bases) {
    try {
      entryPath = createRequire(base).resolve('unpdf');
      return entryPath;
    } catch {
      // try the next base
    }
  }
  throw new Error('unpdf is not installed');
}

let running = 0;
const waiting: Array<() => void> = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function unreadable(): DomainError {
  return new DomainError(
    'attachment_invalid',
    'Texten i PDF-filen kunde inte läsas: filen är skadad eller ofullständig. Spara den på nytt och ladda upp igen.',
  );
}

function encrypted(): DomainError {
  return new DomainError('attachment_encrypted', 'PDF-filen är krypterad eller lösenordsskyddad. Spara den utan lösenord och ladda upp igen.');
}

/** One answer per file, in order: its pages, or why it could not be read. */
function runWorker(files: readonly Uint8Array[], timeoutMs: number): Promise<Array<string[] | DomainError>> {
  // Copies of their own go to the worker (transferred, not cloned again): PDF.js detaches them.
  const copies = files.map((bytes) => new Uint8Array(bytes));
  return new Promise<Array<string[] | DomainError>>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: unpdfEntry(), files: copies },
      transferList: copies.map((copy) => copy.buffer),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new DomainError(
              'attachment_invalid',
              'Texten i PDF-filen kunde inte läsas: det tog för lång tid. Spara filen på nytt och ladda upp igen.',
            ),
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() => {
        if (!('results' in answer)) return reject(unreadable());
        resolve(answer.results.map((r) => ('pages' in r ? r.pages : r.name === 'PasswordException' ? encrypted() : unreadable())));
      }),
    );
    worker.once('error', () => finish(() => reject(unreadable())));
    worker.once('exit', () => finish(() => reject(unreadable())));
  });
}

/**
 * The text of each page of a PDF, in page order (one string per page; a page without a text
 * layer, such as a scan, gives ''). Lines end with '\n' where PDF.js sees a line end.
 * Throws DomainError `attachment_invalid` for a file PDF.js cannot read (or that takes longer
 * than `timeoutMs`) and `attachment_encrypted` for one that needs a password.
 */
export async function extractPdfText(bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<string[]> {
  const [result] = await inTurn(() => runWorker([bytes], options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  if (result instanceof DomainError) throw result;
  return result;
}

/**
 * The text of several PDFs in one worker (a package's documents: the worker and PDF.js start
 * once, not once per file), one page list per file in order; the time limit is per file. Throws
 * as extractPdfText for the first file that cannot be read.
 */
export async function extractPdfTexts(files: readonly Uint8Array[], options: { timeoutMs?: number } = {}): Promise<string[][]> {
  if (files.length === 0) return [];
  const results = await inTurn(() => runWorker(files, (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) * files.length));
  return results.map((result) => {
    if (result instanceof DomainError) throw result;
    return result;
  });
}
