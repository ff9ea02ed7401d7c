import type { ReportKind, Responsibility, Role, SectionConfig, SectionKind, SectionPlacement, TemplateLayout } from '@rapportflode/domain';

export interface TemplateSectionDto {
  key: string;
  parentKey: string | null;
  /** `3`, `3.1`, … */
  number: string;
  depth: number;
  title: string;
  kind: SectionKind;
  responsibility: Responsibility;
  reviewerRole: Role;
  /** The role that writes the section ("Skrivs av"); null or absent: the default rule (the unit's enhetschef, the nämnd's secretary). */
  writerRole?: Role | null;
  /** With responsibility chosen_units: the units that deliver. */
  unitIds: string[];
  /** The layout beyond the kind (economy: columns, unit, headings); null: the default. */
  config: SectionConfig | null;
  /** The writing instruction shown to the writer above the editor; null: none. */
  guidance: string | null;
  /** Only a heading ("Endast rubrik"): the cycle creates no task for it. */
  headingOnly: boolean;
  /** 'appendix': printed as Bilaga N after the main text (top-level sections only). */
  placement: SectionPlacement;
}

export interface ReportTemplateSummaryDto {
  id: string;
  /** null: shared by the whole installation. */
  committeeId: string | null;
  committeeName: string | null;
  name: string;
  reportKind: ReportKind;
  active: boolean;
  sectionCount: number;
}

/** GET /api/templates */
export interface TemplateListResponse {
  templates: ReportTemplateSummaryDto[];
}

/** GET /api/templates/:id */
export interface ReportTemplateDto extends ReportTemplateSummaryDto {
  sections: TemplateSectionDto[];
  /** How the report is printed ("Utskrift"); every option filled in (defaults for a template stored without). */
  layout: TemplateLayout;
}
