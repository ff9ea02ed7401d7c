/**
 * How a template's report is printed, chosen in the template (docs/domain.md, "Report
 * templates"): numbered headings, chapters on new pages, numbered table captions and the depth
 * of the table of contents; and per section, a heading without content of its own ("Endast
 * rubrik") or a section printed as an appendix (bilaga) after the main text.
 *
 * Every option defaults to how reports were always printed, so a template (or a cycle) stored
 * without a layout prints exactly as before.
 */

export const TOC_DEPTHS = [0, 1, 2, 3] as const;
export type TocDepth = (typeof TOC_DEPTHS)[number];

export interface TemplateLayout {
  /** Headings carry their number (`2.3 Ekonomi`) in the body, the TOC, the bookmarks and DOCX. */
  numberedHeadings: boolean;
  /** Each level-1 chapter starts on a new page in the PDF. */
  chapterPageBreak: boolean;
  /** Table captions are numbered: `Tabell 4. Ekonomiskt utfall`. */
  captions: boolean;
  /** The table of contents lists headings of levels 1..tocDepth; 0: no table of contents. */
  tocDepth: TocDepth;
}

export const DEFAULT_TEMPLATE_LAYOUT: Readonly<TemplateLayout> = Object.freeze({
  numberedHeadings: true,
  chapterPageBreak: true,
  captions: true,
  tocDepth: 2,
});

/** The Swedish names of the options, as the template editor's panel "Utskrift" shows them. */
export const TEMPLATE_LAYOUT_LABELS: Readonly<Record<keyof TemplateLayout, string>> = {
  numberedHeadings: 'Numrerade rubriker',
  chapterPageBreak: 'Varje kapitel börjar på ny sida',
  captions: 'Numrerade tabellrubriker (Tabell 1. …)',
  tocDepth: 'Rubriknivåer i innehållsförteckningen',
};

export type TemplateLayoutCheck = { ok: true; layout: TemplateLayout } | { ok: false; errors: string[] };

/**
 * Checks a template's print layout as sent or stored: null or absent means the defaults, an
 * absent option its default; an unknown option or a value of the wrong kind is refused.
 */
export function checkTemplateLayout(input: unknown): TemplateLayoutCheck {
  if (input === null || input === undefined) return { ok: true, layout: { ...DEFAULT_TEMPLATE_LAYOUT } };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: ['Mallens utskriftsinställningar har fel format.'] };
  const value = input as Record<string, unknown>;
  const errors: string[] = [];
  const known = Object.keys(DEFAULT_TEMPLATE_LAYOUT);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) errors.push(`Okänd utskriftsinställning "${key}".`);
  }
  const flag = (key: 'numberedHeadings' | 'chapterPageBreak' | 'captions'): boolean => {
    const v = value[key];
    if (v === undefined) return DEFAULT_TEMPLATE_LAYOUT[key];
    if (typeof v !== 'boolean') errors.push(`Utskriftsinställningen "${TEMPLATE_LAYOUT_LABELS[key]}" ska vara ja eller nej.`);
    return v === true;
  };
  const layout: TemplateLayout = {
    numberedHeadings: flag('numberedHeadings'),
    chapterPageBreak: flag('chapterPageBreak'),
    captions: flag('captions'),
    tocDepth: DEFAULT_TEMPLATE_LAYOUT.tocDepth,
  };
  if (value['tocDepth'] !== undefined) {
    const depth = value['tocDepth'];
    if (typeof depth === 'number' && (TOC_DEPTHS as readonly number[]).includes(depth)) layout.tocDepth = depth as TocDepth;
    else errors.push(`${TEMPLATE_LAYOUT_LABELS.tocDepth} ska vara 0, 1, 2 eller 3 (0: ingen innehållsförteckning).`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, layout };
}

/** A stored layout (null for templates and cycles from before layouts) with every option filled in; a bad one reads as the defaults. */
export function templateLayoutOf(stored: unknown): TemplateLayout {
  const checked = checkTemplateLayout(stored);
  return checked.ok ? checked.layout : { ...DEFAULT_TEMPLATE_LAYOUT };
}

/** Where a section is printed: in the main text, or as an appendix (Bilaga N) after it. */
export const SECTION_PLACEMENTS = ['body', 'appendix'] as const;
export type SectionPlacement = (typeof SECTION_PLACEMENTS)[number];

export const SECTION_PLACEMENT_LABELS: Readonly<Record<SectionPlacement, string>> = {
  body: 'I huvudtexten',
  appendix: 'Som bilaga',
};

/** The label of the per-section option that makes a section a heading without content (no task). */
export const HEADING_ONLY_LABEL = 'Endast rubrik';

/** The print options of one template section, as checkTemplateSections reads them. */
export interface SectionPrintOptions {
  key: string;
  parentKey: string | null;
  title: string;
  headingOnly?: boolean;
  placement?: SectionPlacement;
}

/**
 * Checks the sections' print options: a flag that is a flag, a known placement, appendices only
 * at the top level (their sub-sections follow them into the appendix).
 */
export function checkSectionPrintOptions(sections: readonly SectionPrintOptions[]): string[] {
  const errors: string[] = [];
  for (const section of sections) {
    if (section.headingOnly !== undefined && typeof section.headingOnly !== 'boolean') {
      errors.push(`Avsnittet "${section.title}": "${HEADING_ONLY_LABEL}" ska vara ja eller nej.`);
    }
    if (section.placement !== undefined && !(SECTION_PLACEMENTS as readonly string[]).includes(section.placement)) {
      errors.push(`Avsnittet "${section.title}" har en okänd placering.`);
    } else if (section.placement === 'appendix' && section.parentKey !== null) {
      errors.push(`Avsnittet "${section.title}" ligger under ett annat avsnitt och kan inte vara en egen bilaga. Bara avsnitt på översta nivån kan placeras som bilaga.`);
    }
  }
  return errors;
}

/** True for a section printed as an appendix (placement stored or sent as 'appendix'). */
export function isAppendixSection(section: { placement?: SectionPlacement | null }): boolean {
  return section.placement === 'appendix';
}
