/** What every block builder of the assembly shares: ids unique in the report, heading levels, the tables' open-data labels. */
import type { HeadingBlock, TableBlock } from '../model';
import type { AssemblyCycle } from './input';
import type { ChartSourceLookup } from './composite-blocks';

/** An ASCII slug for ids: 'Barn och familjeenheten' → 'barn-och-familjeenheten'. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'x';
}

/** Ids unique within one report: a repeated base gets `-2`, `-3`, … */
export class Ids {
  private readonly used = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** A heading level, kept within 1–4. */
export type Level = HeadingBlock['level'];
export const level = (n: number): Level => Math.max(1, Math.min(4, n)) as Level;

/** Where a block is being built: the report's ids and cycle, and the section (and heading) it belongs to. */
export interface Context {
  ids: Ids;
  cycle: AssemblyCycle;
  /** '3 Ekonomiskt resultat' */
  sectionName: string;
  sectionTitle: string;
  /** The level a heading inside the content gets (one below the section's or the unit's heading). */
  base: number;
  headingId: string;
  /** Another section's approved content by its key, for charts that draw it (composite-blocks.ts). */
  chartSource?: ChartSourceLookup;
}

/** A table's open-data labels: its unit, period and section. */
export function dataset(ctx: Context, unit: string | null): NonNullable<TableBlock['dataset']> {
  return { unit, period: ctx.cycle.periodLabel, section: ctx.sectionName };
}

/** `tabell-<section>[-<unit>][-<suffix>]`, unique in the report. */
export function tableId(ctx: Context, unit: string | null, suffix?: string): string {
  return ctx.ids.take(['tabell', slugify(ctx.sectionTitle), unit ? slugify(unit) : null, suffix ?? null].filter(Boolean).join('-'));
}
