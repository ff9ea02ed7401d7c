/** What report assembly reads (a cycle, its sections, units and tasks) and what it returns. */
import type { SectionConfig, SectionKind, SectionPlacement, SickLeaveHistory, TaskContent, TaskState, TemplateLayout } from '@rapportflode/domain';
import type { DocumentModel, MissingItem } from '../model';

export interface AssemblyCycle {
  /** 'Socialnämnden' */
  committee: string;
  /** 'Nacka kommun' */
  municipality: string;
  /** 'Tertialbokslut 2 2021' */
  title: string;
  year: number;
  /** ISO date, the last day of the period. */
  periodEnd: string;
  /** 'T2 2021': the open-data period of every table. */
  periodLabel: string;
  diaryNumber: string | null;
  /** Dated facts for the header block (Sammanträde …), in order. Never today's date: a version's figures must not change by the day. */
  dates: ReadonlyArray<{ label: string; date: string }>;
}

export interface AssemblySection {
  id: string;
  /** The section's key in its template (charts of other sections find their source by it). */
  key?: string;
  /** '2.3' */
  number: string;
  depth: number;
  title: string;
  kind: SectionKind;
  config: SectionConfig | null;
  /** Only its heading is printed; its tasks (a cycle creates none) are never missing. */
  headingOnly?: boolean;
  /** 'appendix' (a top-level section): printed with its sub-sections as Bilaga N after the main text. */
  placement?: SectionPlacement;
}

export interface AssemblyUnit {
  id: string;
  name: string;
}

export interface AssemblyTask {
  sectionId: string;
  /** null: the nämnd-level task. */
  unitId: string | null;
  state: TaskState;
  /** The approved content (the task's locked content while approved); ignored unless state is 'approved'. */
  content: TaskContent | null;
}

export interface AssemblyInput {
  cycle: AssemblyCycle;
  /** In template order. */
  sections: readonly AssemblySection[];
  /** In organisation order. */
  units: readonly AssemblyUnit[];
  tasks: readonly AssemblyTask[];
  /** Earlier periods' sick leave per unit id (optional): drawn as a trend chart. */
  sickLeaveHistory?: Readonly<Record<string, SickLeaveHistory>>;
  /** The PDF bilagor uploaded to the report, in their order: Bilaga N after the template's appendix sections. */
  attachments?: ReadonlyArray<{ id: string; title: string; fileName: string; pages: number; sha256: string }>;
  /** The template's print layout as the cycle keeps it (absent: the defaults, DEFAULT_TEMPLATE_LAYOUT). */
  layout?: TemplateLayout;
  /** When given, the model is a frozen version; otherwise a draft with the missing list. */
  final?: { version: number; frozenAt: string; checksum: string };
}

export interface AssemblyResult {
  model: DocumentModel;
  missing: MissingItem[];
  /** Things a secretary should look at before freezing (empty approved sections, partial nämnd tables). */
  warnings: string[];
}
