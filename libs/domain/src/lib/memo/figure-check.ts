/** The warning when the figures the "Ekonomiska konsekvenser" text states no longer match the report's. */
import { formatNumber, formatSignedNumber } from '../format';
import { plainText, RichTextDocument } from '../rich-text';
import { type EconomicFigures, genitive } from './economy';

export interface MemoFigureWarning {
  /** The row's label, or the committee for the total. */
  label: string;
  total: boolean;
  kind: 'result' | 'forecast';
  /** As written in the text: '+3,8 miljoner kronor'. */
  stated: string;
  /** What the figures say, in the text's unit: '+3,6'. */
  expected: string;
  message: string;
}

export interface FigureCheckOptions {
  committee: string;
  /** Whose figures: 'den fastställda rapporten' (a frozen version) or 'de godkända siffrorna'. */
  source?: string;
}

interface Anchor {
  start: number;
  end: number;
  label: string;
  total: boolean;
  kind: 'result' | 'forecast' | null;
}

const AMOUNT = /(^|[^\d,])([+\-−–]\s?)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(tkr|mnkr|miljoner kronor|miljoner|mkr)\b/giu;
/** How far before a figure its subject may stand (characters). */
const MAX_GAP = 120;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findAll(sentence: string, pattern: RegExp): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const match of sentence.matchAll(pattern)) out.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  return out;
}

/**
 * Warnings when a figure the "Ekonomiska konsekvenser" text states (`+3,8 miljoner kronor`,
 * `−9 504 tkr`) no longer matches the figures: each figure is read with its subject — the
 * nearest row label or the nämnd (`Socialnämndens resultat`, `Prognosen för socialnämnden`,
 * `Prognos:`) before it in the same sentence — and compared in the text's own precision.
 */
export function memoFigureWarnings(
  text: RichTextDocument | string,
  figures: EconomicFigures,
  options: FigureCheckOptions,
): MemoFigureWarning[] {
  const source = options.source ?? 'den fastställda rapporten';
  const plain = typeof text === 'string' ? text : plainText(text);
  const committee = escapeRegExp(options.committee);
  const committeeGen = escapeRegExp(genitive(options.committee));
  const warnings: MemoFigureWarning[] = [];
  const seen = new Set<string>();
  // A sentence ends at . ! ? before a capital letter ("t.o.m. augusti" goes on).
  const sentences = plain.split(/(?<=[.!?])\s+(?=\p{Lu})|\n+/u);
  const labels = [...new Set(figures.rows.map((r) => r.label).filter((l) => l.trim().length > 1))];
  for (const sentence of sentences) {
    const anchors: Anchor[] = [];
    const add = (pattern: RegExp, anchor: Omit<Anchor, 'start' | 'end'>) =>
      findAll(sentence, pattern).forEach((at) => anchors.push({ ...at, ...anchor }));
    add(new RegExp(`(?:${committeeGen}|nämndens) (?:totala )?resultat`, 'giu'), { label: options.committee, total: true, kind: 'result' });
    add(new RegExp(`(?:${committee}|nämnden) redovisar ett resultat`, 'giu'), { label: options.committee, total: true, kind: 'result' });
    add(new RegExp(`(?:prognosen|prognos) för (?:${committee}|nämnden)(?![\\p{L}])`, 'giu'), { label: options.committee, total: true, kind: 'forecast' });
    add(new RegExp(`(?:${committeeGen}|nämndens) prognos`, 'giu'), { label: options.committee, total: true, kind: 'forecast' });
    add(/^\s*prognos:/giu, { label: options.committee, total: true, kind: 'forecast' });
    for (const label of labels) {
      add(new RegExp(`(?<![\\p{L}])${escapeRegExp(label)}(?![\\p{L}])`, 'giu'), { label, total: false, kind: null });
    }
    for (const match of sentence.matchAll(AMOUNT)) {
      const at = (match.index ?? 0) + match[1].length;
      const before = anchors.filter((a) => a.end <= at && at - a.end <= MAX_GAP);
      if (before.length === 0) continue;
      const nearestEnd = Math.max(...before.map((a) => a.end));
      const candidates = before.filter((a) => a.end === nearestEnd);
      const anchor = candidates.find((a) => a.total) ?? candidates.sort((a, b) => a.start - b.start)[0];
      // A total's own wording says result or forecast; a row's is read from its sentence.
      const inForecastSentence = /prognos/iu.test(sentence.slice(0, at)) && !/resultat/iu.test(sentence.slice(Math.max(0, anchor.start - 40), at));
      const kind = anchor.kind ?? (inForecastSentence ? 'forecast' : 'result');
      // "… resultat … på +3,8 … och en prognos för helåret på −2,1 …": a later forecast in the sentence.
      const resolvedKind = anchor.total && kind === 'result' && /prognos/iu.test(sentence.slice(anchor.end, at)) ? 'forecast' : kind;
      const expectedTkr = anchor.total
        ? figures.total[resolvedKind]
        : figures.rows.find((r) => r.label.toLocaleLowerCase('sv-SE') === anchor.label.toLocaleLowerCase('sv-SE'))?.[resolvedKind] ?? null;
      if (expectedTkr === null || expectedTkr === undefined) continue;
      const unitWord = match[5].toLowerCase();
      const mnkr = unitWord !== 'tkr';
      const decimals = match[4] ? match[4].length : 0;
      const sign = match[2] ? (/[+]/.test(match[2]) ? 1 : -1) : 0;
      const magnitude = Number(`${match[3].replace(/[ \u00a0\u202f]/g, '')}${match[4] ? `.${match[4]}` : ''}`);
      const expectedInUnit = mnkr ? expectedTkr / 1000 : expectedTkr;
      const factor = 10 ** decimals;
      const expectedRounded = Math.round(expectedInUnit * factor) / factor;
      const statedValue = sign === 0 ? magnitude : sign * magnitude;
      const matches = sign === 0 ? Math.abs(expectedRounded) === magnitude : expectedRounded === statedValue;
      if (matches) continue;
      const stated = `${sign === 0 ? formatNumber(magnitude, decimals) : formatSignedNumber(statedValue, decimals)}\u00a0${mnkr ? (unitWord === 'miljoner kronor' ? 'miljoner kronor' : unitWord) : 'tkr'}`;
      const expected = formatSignedNumber(expectedRounded, decimals);
      const key = `${anchor.label}|${anchor.total}|${resolvedKind}|${stated}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const subject = `${anchor.label}${anchor.total ? ' totalt' : ''}`;
      const what = resolvedKind === 'forecast' ? `prognosen för ${subject}` : subject;
      warnings.push({
        label: anchor.label,
        total: anchor.total,
        kind: resolvedKind,
        stated,
        expected,
        message: `Ekonomiska konsekvenser nämner ${stated} för ${what}, men ${source} har ${expected}.`,
      });
    }
  }
  return warnings;
}
