import type { AgendaItemKind, AgendaSectionKey, MeetingState, ParticipantRole } from '@rapportflode/domain';

/** Who is called to a meeting: a ledamot or an ersättare, with or without an account. */
export interface ParticipantDto {
  id: string;
  name: string;
  email: string | null;
  role: ParticipantRole;
  party: string | null;
  /** Their account, when they have one (a `member` of the nämnd reads the package with it). */
  userId: string | null;
  /** They have reported förhinder for this meeting. */
  absent: boolean;
}

export interface ParticipantInput {
  name: string;
  email?: string | null;
  role: ParticipantRole;
  party?: string | null;
}

export interface MeetingSummaryDto {
  id: string;
  committeeId: string;
  committeeName: string;
  date: string;
  startTime: string;
  place: string;
  state: MeetingState;
  itemCount: number;
  /** The kallelse's last day (working days before the meeting, the nämnd's setting). */
  kallelseDeadline: string;
  /** The last sent kallelse version (0: not sent). */
  kallelseVersion: number;
  publishedAt: string | null;
}

export interface MeetingListResponse {
  meetings: MeetingSummaryDto[];
  /** The nämnd's settings for meetings (secretaries change them). */
  settings: MeetingSettingsDto;
  canManage: boolean;
}

export interface MeetingSettingsDto {
  committeeId: string;
  committeeName: string;
  kallelseWorkingDays: number;
  /** "Förhinder anmäls till …" */
  absenceContact: string | null;
  /** Mail domains of the organisation whose addresses are not a private person's (not flagged before publishing). */
  publicMailDomains: string[];
}

export type UpdateMeetingSettingsRequest = Omit<MeetingSettingsDto, 'committeeId' | 'committeeName'>;

export interface AgendaDocumentDto {
  id: string;
  kind: 'memo' | 'report' | 'attachment';
  title: string;
  position: number;
  secret: boolean;
  secrecyReference: string | null;
  fileName: string | null;
  pages: number | null;
  size: number | null;
  /** memo and report: whether the document is ready for the package (memo approved, report version frozen). */
  ready: boolean;
}

export interface AgendaItemDto {
  id: string;
  number: number;
  section: AgendaSectionKey;
  kind: AgendaItemKind;
  title: string;
  publicTitle: string | null;
  diaryNumber: string | null;
  presenter: string | null;
  proposal: string[];
  position: number;
  secret: boolean;
  secrecyReference: string | null;
  /** Created from this cycle's approved tjänsteskrivelse. */
  memoCycleId: string | null;
  /** The § number it would get if the meeting numbered now (given for real in the protokoll). */
  paragraphPreview: number;
  documents: AgendaDocumentDto[];
}

export interface KallelseVersionDto {
  version: number;
  reason: string | null;
  sentAt: string;
  sentByName: string | null;
  mails: { total: number; sent: number; pending: number; failed: number };
}

export interface ScanHitDto {
  id: string;
  fileId: string;
  document: string;
  page: number;
  kind: 'personnummer' | 'samordningsnummer' | 'email' | 'phone';
  match: string;
  context: string;
  resolution: 'not_personal_data' | null;
  reason: string | null;
  resolvedByName: string | null;
}

export interface PackageFileDto {
  id: string;
  /** What the file is: 'kallelse' (or 'kallelse-offentlig' in the public package), else the id of its handling (AgendaDocumentDto.id). */
  documentRef: string;
  itemNumber: number | null;
  title: string;
  fileName: string;
  pages: number;
  size: number;
  sha256: string;
  hasHtml: boolean;
}

export interface MeetingPackageDto {
  id: string;
  kallelseVersion: number;
  audience: 'internal' | 'public';
  pageCount: number;
  sha256: string;
  createdAt: string;
  files: PackageFileDto[];
}

export interface PublicationDto {
  publishedAt: string;
  releasedByName: string | null;
  kallelseVersion: number;
  scanned: Array<{ document: string; pages: number }>;
  hitsResolved: number;
}

export interface MeetingDto {
  id: string;
  committeeId: string;
  committeeName: string;
  municipality: string;
  date: string;
  startTime: string;
  place: string;
  chairName: string | null;
  secretaryName: string | null;
  state: MeetingState;
  version: number;
  participants: ParticipantDto[];
  items: AgendaItemDto[];
  kallelseDeadline: string;
  kallelseVersions: KallelseVersionDto[];
  /** Changed since the last sent kallelse: sending again is a rättelse and needs a reason. */
  changedSinceKallelse: boolean;
  /** Why the current kallelse cannot be sent yet (a memo not approved, a report not frozen, no ärenden …). */
  sendBlockers: string[];
  internalPackage: MeetingPackageDto | null;
  publicPackage: MeetingPackageDto | null;
  scanHits: ScanHitDto[];
  publication: PublicationDto | null;
  permissions: { manage: boolean; read: boolean; member: boolean };
  /** For a signed-in member: their förhinder and private notes (never anyone else's). */
  mine: { absent: boolean; notes: Record<string, string> } | null;
}

export interface CreateMeetingRequest {
  date: string;
  startTime: string;
  place: string;
  chairName?: string | null;
  secretaryName?: string | null;
  participants?: ParticipantInput[];
}

export interface UpdateMeetingRequest extends CreateMeetingRequest {
  version: number;
  /** Required once the kallelse has gone out: why it changes (the rättelse says so). */
  reason?: string;
}

export interface AgendaItemInput {
  kind: AgendaItemKind;
  title: string;
  publicTitle?: string | null;
  diaryNumber?: string | null;
  presenter?: string | null;
  proposal?: string[];
  secret?: boolean;
  secrecyReference?: string | null;
}

export interface SaveAgendaItemRequest extends AgendaItemInput {
  /** The meeting's version the change started from. */
  version: number;
  reason?: string;
}

export interface OrderAgendaRequest {
  version: number;
  /** Every ärende of the meeting, in the new order (within and across sections: a kind moves an item between sections). */
  itemIds: string[];
  reason?: string;
}

export interface UpdateDocumentRequest {
  version: number;
  title?: string;
  secret?: boolean;
  secrecyReference?: string | null;
  /** Move within its ärende: the new 0-based position. */
  position?: number;
  reason?: string;
}

export interface DeleteRequest {
  version: number;
  reason?: string;
}

export interface SendKallelseRequest {
  version: number;
  /** Required for a rättelse (version 2 and later). */
  reason?: string;
}

export interface ResolveScanHitRequest {
  reason: string;
}

export interface MemberNoteRequest {
  text: string;
}

export interface AbsenceRequest {
  message?: string;
}

export type KallelseFormat = 'html' | 'pdf' | 'docx';
export const KALLELSE_FORMATS: readonly KallelseFormat[] = ['html', 'pdf', 'docx'];

export interface MyMeetingsResponse {
  meetings: MeetingSummaryDto[];
}

/** The public page: what has been published, nothing else. */
export interface PublicCommitteeDto {
  id: string;
  name: string;
  municipality: string;
  meetingCount: number;
}

export interface PublicFileDto {
  id: string;
  title: string;
  fileName: string;
  pages: number;
  size: number;
  sha256: string;
  hasHtml: boolean;
}

export interface PublicItemDto {
  id: string;
  number: number;
  section: AgendaSectionKey;
  kind: AgendaItemKind;
  title: string;
  secret: boolean;
  secrecyReference: string | null;
  diaryNumber: string | null;
  proposal: string[];
  files: PublicFileDto[];
}

export interface PublicMeetingDto {
  id: string;
  committeeId: string;
  committeeName: string;
  municipality: string;
  date: string;
  startTime: string;
  place: string;
  state: MeetingState;
  publishedAt: string;
  kallelseVersion: number;
  kallelse: PublicFileDto | null;
  package: { pages: number; size: number } | null;
  items: PublicItemDto[];
}

export interface PublicMeetingListResponse {
  committee: PublicCommitteeDto;
  meetings: PublicMeetingDto[];
}
