/**
 * The assembled report of a cycle: its status (every section × unit), the draft and the
 * frozen versions, and the downloads of each in every format.
 */

export const REPORT_FORMATS = ['html', 'preview', 'pdf', 'docx', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One task of a section in the status table. */
export interface ReportTaskStatusDto {
  taskId: string;
  /** null: the nämnd-level task. */
  unitId: string | null;
  unitName: string | null;
  state: string;
  approved: boolean;
  /** Who approved it last, and when (null when not approved). */
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface ReportSectionStatusDto {
  sectionId: string;
  number: string;
  depth: number;
  title: string;
  kind: string;
  tasks: ReportTaskStatusDto[];
}

/** A section (× unit) not yet in the report: '2.3 Ekonomi', 'Omsorgsenheten', 'Inlämnad'. */
export interface ReportMissingDto {
  section: string;
  unit: string | null;
  state: string;
}

export interface ReportTableDto {
  id: string;
  /** 'Tabell 3. Ekonomiskt resultat, Omsorgsenheten' */
  caption: string;
}

export interface ReportVersionDto {
  number: number;
  /** SHA-256 (hex) of the version's model without its status. */
  checksum: string;
  reason: string | null;
  frozenAt: string;
  frozenBy: string | null;
  tables: ReportTableDto[];
}

export interface ReportStatusDto {
  cycle: { id: string; title: string; committeeName: string; year: number; period: string; diaryNumber: string };
  sections: ReportSectionStatusDto[];
  missing: ReportMissingDto[];
  warnings: string[];
  /** Every required section approved: the report can be frozen. */
  ready: boolean;
  /** Whether the person may freeze (Fastställ). */
  canFreeze: boolean;
  /** The frozen versions, newest first. */
  versions: ReportVersionDto[];
  /** A version exists and the report as it stands now differs from the latest one. */
  changedSinceVersion: boolean;
  /** The draft's tables (CSV downloads). */
  tables: ReportTableDto[];
}

export interface FreezeReportRequest {
  /** Required when a version exists already: why a new one. */
  reason?: string;
}

/** A PDF bilaga the secretary uploaded to the report: printed after the main text as 'Bilaga N <title>'. */
export interface ReportAppendixDto {
  id: string;
  /** 1, 2 …: the order among the uploaded bilagor (they follow the template's appendix sections). */
  position: number;
  title: string;
  fileName: string;
  pages: number;
  /** Bytes. */
  size: number;
  uploadedAt: string;
}

/** The uploaded bilagor a frozen version holds, as they were at its freeze (its PDF appends exactly these). */
export interface ReportVersionAppendicesDto {
  version: number;
  appendices: ReportAppendixDto[];
}

/** GET/POST/PUT …/report/appendices */
export interface ReportAppendixListResponse {
  /** The current list: what the next frozen version will hold. It may change again after a freeze. */
  appendices: ReportAppendixDto[];
  /** The number of the version the current list goes into when it is frozen (1 while none is). */
  nextVersion: number;
  /** Each frozen version's bilagor, oldest version first (empty while none is frozen). */
  versions: ReportVersionAppendicesDto[];
}

/** Rename, or move to another place (1-based) among the uploaded bilagor. */
export interface UpdateReportAppendixRequest {
  title?: string;
  position?: number;
}
