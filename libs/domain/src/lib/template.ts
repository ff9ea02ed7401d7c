import { isRole, ROLE_LABELS, Role } from './roles';
import { checkBlockSources } from './sections/blocks';
import { checkSectionConfig, SectionConfig } from './sections/content';
import { isReviewerRole, isWriterRole } from './workflow';
import { checkSectionPrintOptions, type SectionPlacement } from './template-layout';

export * from './template-layout';

/**
 * Report templates are data an administrator edits, never code: the ordered, nestable
 * sections of a report kind, what kind of content each holds, who must deliver it and who
 * reviews it (docs/domain.md, "The report cycle and its tasks" and "Section kinds and what they hold").
 */
export const REPORT_KINDS = ['tertial_report', 'interim_report', 'annual_report', 'monthly_report'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  tertial_report: 'Tertialrapport (T1)',
  interim_report: 'Delårsrapport (T2)',
  annual_report: 'Årsredovisning',
  monthly_report: 'Månadsuppföljning',
};

export const SECTION_KINDS = [
  'narrative',
  'economy',
  'sick_leave',
  'action_plan',
  'internal_control',
  'goals',
  'table',
  'blocks',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SECTION_KIND_LABELS: Readonly<Record<SectionKind, string>> = {
  narrative: 'Text',
  economy: 'Ekonomi',
  sick_leave: 'Sjukfrånvaro',
  action_plan: 'Åtgärdsplan',
  internal_control: 'Intern kontroll',
  goals: 'Mål och indikatorer',
  table: 'Tabell',
  blocks: 'Sammansatt (block)',
};

/** Who delivers a section: the nämnd level (one task), every unit, or the units chosen. */
export const RESPONSIBILITIES = ['committee', 'all_units', 'chosen_units'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const RESPONSIBILITY_LABELS: Readonly<Record<Responsibility, string>> = {
  committee: 'Nämndnivå',
  all_units: 'Alla enheter',
  chosen_units: 'Valda enheter',
};

export const TEMPLATE_MAX_DEPTH = 4;

/** The longest writing instruction a section may carry: a few sentences, not a manual. */
export const GUIDANCE_MAX_LENGTH = 600;

export interface TemplateSectionInput {
  /** Stable within the template (e.g. `ekonomi`); children point to it. */
  key: string;
  parentKey: string | null;
  title: string;
  kind: SectionKind;
  responsibility: Responsibility;
  /** With chosen_units: the units that deliver. */
  unitIds?: readonly string[];
  reviewerRole: Role;
  /** The role that writes and hands in the section (null or absent: the default rule of writesTask in workflow.ts). */
  writerRole?: Role | null;
  /** The section's layout beyond its kind (economy: the table's columns). */
  config?: SectionConfig | null;
  /** A short instruction to the writer, shown above the editor (null: none). */
  guidance?: string | null;
  /** Only a heading (a chapter over its sub-sections): no task, nothing missing, only the heading printed (template-layout.ts). */
  headingOnly?: boolean;
  /** 'appendix': printed after the main text as Bilaga N, numbered B1, B2 … (template-layout.ts); absent: 'body'. */
  placement?: SectionPlacement;
}

export interface NumberedSection extends TemplateSectionInput {
  /** `3`, `3.1`, … in template order. */
  number: string;
  depth: number;
}

export type TemplateCheck = { ok: true; sections: NumberedSection[] } | { ok: false; errors: string[] };

/**
 * Checks a template's sections (unique keys, parents that exist, no section inside itself,
 * at most TEMPLATE_MAX_DEPTH levels, chosen units given) and numbers them in order:
 * siblings keep the order they are listed in.
 */
export function checkTemplateSections(sections: readonly TemplateSectionInput[]): TemplateCheck {
  const errors: string[] = [];
  const byKey = new Map<string, TemplateSectionInput>();
  const cleanConfig = new Map<string, SectionConfig | null>();
  for (const section of sections) {
    if (!/^[a-z0-9][a-z0-9_-]{0,59}$/.test(section.key)) {
      errors.push(`Avsnittsnyckeln "${section.key}" får bara innehålla små bokstäver a–z, siffror, - och _.`);
    }
    if (byKey.has(section.key)) errors.push(`Avsnittsnyckeln "${section.key}" förekommer två gånger.`);
    byKey.set(section.key, section);
    if (!section.title.trim()) errors.push(`Avsnittet "${section.key}" saknar rubrik.`);
    if (!(SECTION_KINDS as readonly string[]).includes(section.kind)) {
      errors.push(`Avsnittet "${section.title}" har en okänd avsnittstyp.`);
    }
    if (!(RESPONSIBILITIES as readonly string[]).includes(section.responsibility)) {
      errors.push(`Avsnittet "${section.title}" saknar uppgift om vem som levererar det.`);
    }
    if (!isRole(section.reviewerRole)) {
      errors.push(`Avsnittet "${section.title}" har en okänd granskarroll.`);
    } else if (!isReviewerRole(section.reviewerRole)) {
      errors.push(
        `Avsnittet "${section.title}" kan inte granskas av ${ROLE_LABELS[section.reviewerRole].toLowerCase()}: välj en roll som får granska.`,
      );
    }
    const writer = checkWriterRole(section);
    if (writer) errors.push(writer);
    if (section.guidance !== undefined && section.guidance !== null) {
      if (typeof section.guidance !== 'string') errors.push(`Skrivinstruktionen för avsnittet "${section.title}" ska vara text.`);
      else if (section.guidance.trim().length > GUIDANCE_MAX_LENGTH) {
        errors.push(
          `Skrivinstruktionen för avsnittet "${section.title}" får vara högst ${GUIDANCE_MAX_LENGTH} tecken (nu ${section.guidance.trim().length}).`,
        );
      }
    }
    const layout = checkSectionConfig(section.kind, section.config);
    if (!layout.ok) errors.push(...layout.errors.map((e) => `Avsnittet "${section.title}": ${e}`));
    else cleanConfig.set(section.key, layout.config);
    // A heading-only section delivers nothing: it needs no units.
    if (section.responsibility === 'chosen_units' && !section.unitIds?.length && section.headingOnly !== true) {
      errors.push(`Avsnittet "${section.title}" ska levereras av valda enheter men inga enheter är valda.`);
    }
  }
  errors.push(...checkSectionPrintOptions(sections));
  errors.push(...checkBlockSources(sections.map((s) => ({ ...s, config: cleanConfig.get(s.key) ?? null }))));
  for (const section of sections) {
    if (section.parentKey !== null && !byKey.has(section.parentKey)) {
      errors.push(`Avsnittet "${section.title}" ligger under "${section.parentKey}", som inte finns.`);
    }
  }
  // Walk up from each section: a key seen twice on the way is a cycle in the nesting.
  const depthOf = new Map<string, number>();
  for (const section of sections) {
    const seen = new Set<string>();
    let current: TemplateSectionInput | undefined = section;
    let depth = 0;
    while (current && current.parentKey !== null) {
      if (seen.has(current.key)) break;
      seen.add(current.key);
      depth += 1;
      current = byKey.get(current.parentKey);
    }
    if (current && seen.has(current.key)) {
      errors.push(`Avsnittet "${section.title}" ligger inuti sig självt (en cirkel i strukturen).`);
      continue;
    }
    depthOf.set(section.key, depth + 1);
    if (depth + 1 > TEMPLATE_MAX_DEPTH) {
      errors.push(
        `Avsnittet "${section.title}" ligger på nivå ${depth + 1}; högst ${TEMPLATE_MAX_DEPTH} nivåer är tillåtna.`,
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };

  const numbered: NumberedSection[] = [];
  // Appendices are numbered apart from the chapters: B1, B2 … (the main text's numbers have no gaps).
  const appendixAtTop = (s: TemplateSectionInput) => s.parentKey === null && s.placement === 'appendix';
  const visit = (parentKey: string | null, prefix: string) => {
    let chapters = 0;
    let appendices = 0;
    sections
      .filter((s) => s.parentKey === parentKey)
      .forEach((section) => {
        const index = appendixAtTop(section) ? appendices++ : chapters++;
        const number = prefix ? `${prefix}.${index + 1}` : `${appendixAtTop(section) ? 'B' : ''}${index + 1}`;
        const guidance = typeof section.guidance === 'string' && section.guidance.trim() ? section.guidance.trim() : null;
        numbered.push({ ...section, config: cleanConfig.get(section.key) ?? null, guidance, number, depth: depthOf.get(section.key) ?? 1 });
        visit(section.key, number);
      });
  };
  visit(null, '');
  return { ok: true, sections: numbered };
}

/** Why a section's writer role cannot be used (null: none named, or one that can write). */
function checkWriterRole(section: TemplateSectionInput): string | null {
  const role = section.writerRole;
  if (role === undefined || role === null) return null;
  if (!isRole(role)) return `Avsnittet "${section.title}" har en okänd roll som skriver det.`;
  if (!isWriterRole(role)) return `Avsnittet "${section.title}" kan inte skrivas av ${ROLE_LABELS[role].toLowerCase()}: välj en roll som kan öppna uppgifterna.`;
  return null;
}
