import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FACES: ReadonlyArray<{ weight: number; style: 'normal' | 'italic' }> = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
];

let cached: string | null = null;

function fontsourceDir(): string {
  // Resolved at run time from the installed package (not bundled: node_modules stay external).
  const bases = [join(process.cwd(), 'package.json'), __filename];
  for (const base of bases) {
    try {
      return dirname(createRequire(base).resolve('@fontsource/source-sans-3/package.json'));
    } catch {
      // try the next base
    }
  }
  throw new Error('@fontsource/source-sans-3 is not installed');
}

/**
 * `@font-face` rules for Source Sans 3 (latin: å ä ö, U+2212 minus, en dash) with the woff2 files
 * inlined as data: URLs, so Chromium needs no file or network access. Read once per process.
 */
export function sourceSansFontCss(): string {
  if (cached !== null) return cached;
  const dir = fontsourceDir();
  cached = FACES.map(({ weight, style }) => {
    const data = readFileSync(join(dir, 'files', `source-sans-3-latin-${weight}-${style}.woff2`)).toString('base64');
    return `@font-face{font-family:"Source Sans 3";font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");}\n`;
  }).join('');
  return cached;
}
