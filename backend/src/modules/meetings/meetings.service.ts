import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgendaItemDto,
  CreateMeetingRequest,
  MeetingDto,
  MeetingListResponse,
  MeetingPackageDto,
  MeetingSettingsDto,
  MeetingSummaryDto,
  MyMeetingsResponse,
  OrderAgendaRequest,
  SaveAgendaItemRequest,
  UpdateDocumentRequest,
  UpdateMeetingRequest,
  UpdateMeetingSettingsRequest,
} from '@rapportflode/api-contract';
import {
  can,
  kallelseDeadline,
  KALLELSE_DAYS_MAX,
  KALLELSE_DAYS_MIN,
  numberAgenda,
  previewParagraphNumbers,
  scopesFor,
  type RoleGrant,
} from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { violatesConstraint } from '../../database/query';
import { AuditService } from '../audit/audit.service';
import { checkChange, cleanItem, cleanMeeting, cleanSecrecy, MeetingErrors } from './meeting-rules';
import {
  type AgendaDocumentRow,
  type MeetingRow,
  type MeetingSummaryRow,
  MeetingsRepository,
  type PackageRow,
} from './meetings.repository';
import { MeetingSchedule } from './meeting-schedule';

export interface MeetingActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

const scopeOf = (committeeId: string) => ({ committeeId, unitPath: [] as string[] });

/**
 * The nämnd's sammanträden: meetings, who is called, ärenden and their handlingar, the order of
 * the föredragningslista, and the ärenden that approved tjänsteskrivelser bring by themselves.
 * The kallelse is kallelse.service.ts; the package and publishing meeting-package.service.ts.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MeetingsRepository,
    private readonly audit: AuditService,
    private readonly schedule: MeetingSchedule,
  ) {}

  async list(committeeId: string, grants: readonly RoleGrant[]): Promise<MeetingListResponse> {
    await this.bringApprovedMemos(committeeId);
    const settings = await this.settings(committeeId);
    const rows = await this.repository.list(committeeId);
    return {
      meetings: rows.map((r) => summary(r, settings.kallelseWorkingDays)),
      settings,
      canManage: can(grants, 'meeting.manage', scopeOf(committeeId)),
    };
  }

  async mine(userId: string, grants: readonly RoleGrant[]): Promise<MyMeetingsResponse> {
    const scopes = scopesFor(grants, 'meeting.read');
    const committees = scopes.some((g) => g.committeeId === null) ? 'all' : [...new Set(scopes.map((g) => g.committeeId as string))];
    for (const committeeId of committees === 'all' ? [] : committees) await this.bringApprovedMemos(committeeId);
    const rows = await this.repository.mine(userId, committees);
    const days = new Map<string, number>();
    const out: MeetingSummaryDto[] = [];
    for (const row of rows) {
      if (!days.has(row.committee_id)) days.set(row.committee_id, (await this.settings(row.committee_id)).kallelseWorkingDays);
      out.push(summary(row, days.get(row.committee_id) as number));
    }
    return { meetings: out };
  }

  async settings(committeeId: string, manager?: EntityManager): Promise<MeetingSettingsDto> {
    const row = await this.repository.settings(committeeId, manager);
    if (!row) throw new DomainError('committee_not_found', 'Nämnden finns inte.');
    return {
      committeeId,
      committeeName: row.committee_name,
      kallelseWorkingDays: row.kallelse_working_days,
      absenceContact: row.absence_contact,
      publicMailDomains: row.public_mail_domains,
    };
  }

  async updateSettings(committeeId: string, body: UpdateMeetingSettingsRequest, actor: MeetingActor): Promise<MeetingSettingsDto> {
    const days = body.kallelseWorkingDays;
    const errors: string[] = [];
    if (!Number.isInteger(days) || days < KALLELSE_DAYS_MIN || days > KALLELSE_DAYS_MAX) {
      errors.push(`Ange hur många arbetsdagar före sammanträdet kallelsen ska gå ut: ${KALLELSE_DAYS_MIN}–${KALLELSE_DAYS_MAX}.`);
    }
    const domains = (Array.isArray(body.publicMailDomains) ? body.publicMailDomains : [])
      .map((d) => String(d).trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean);
    for (const d of domains) if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)) errors.push(`${d} är ingen domän (skriv till exempel nacka.se).`);
    const contact = typeof body.absenceContact === 'string' ? body.absenceContact.trim().slice(0, 300) || null : null;
    if (errors.length) throw new DomainError('meeting_invalid', 'Inställningarna kan inte sparas.', errors);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings(committeeId, manager);
      await this.repository.saveSettings(committeeId, days, contact, [...new Set(domains)], manager);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.settings',
        entityType: 'committee',
        entityId: committeeId,
        committeeId,
        before,
        after: { kallelseWorkingDays: days, absenceContact: contact, publicMailDomains: domains },
        ip: actor.ip,
      });
    });
    await this.schedule.afterCommit({ committeeId });
    return this.settings(committeeId);
  }

  async create(committeeId: string, body: CreateMeetingRequest, actor: MeetingActor): Promise<MeetingDto> {
    const clean = cleanMeeting(body);
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.repository.insert(committeeId, clean, actor.userId, manager);
      if (!created) throw MeetingErrors.exists();
      if (clean.participants) await this.repository.replaceParticipants(created, clean.participants, manager);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.create',
        entityType: 'meeting',
        entityId: created,
        committeeId,
        before: null,
        after: { date: clean.date, startTime: clean.startTime, place: clean.place },
        ip: actor.ip,
      });
      return created;
    });
    await this.schedule.afterCommit({ meetingId: id });
    await this.bringApprovedMemos(committeeId);
    return this.get(id, actor);
  }

  async update(meetingId: string, body: UpdateMeetingRequest, actor: MeetingActor): Promise<MeetingDto> {
    const clean = cleanMeeting(body);
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.update', async (manager, meeting) => {
      try {
        await this.repository.update(meetingId, clean, manager);
      } catch (error) {
        if (violatesConstraint(error, 'uq_meeting_committee_date')) throw MeetingErrors.exists();
        throw error;
      }
      if (clean.participants) await this.repository.replaceParticipants(meetingId, clean.participants, manager);
      return { before: { date: meeting.meeting_date, startTime: meeting.start_time, place: meeting.place }, after: { date: clean.date, startTime: clean.startTime, place: clean.place } };
    });
    await this.schedule.afterCommit({ meetingId });
    return this.get(meetingId, actor);
  }

  async createItem(meetingId: string, body: SaveAgendaItemRequest, actor: MeetingActor): Promise<MeetingDto> {
    const clean = cleanItem(body);
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.item_create', async (manager) => {
      const position = await this.repository.nextItemPosition(meetingId, manager);
      await this.repository.insertItem(meetingId, { ...clean, position, memo_cycle_id: null }, actor.userId, manager);
      return { before: null, after: { title: clean.title } };
    });
    return this.get(meetingId, actor);
  }

  async updateItem(meetingId: string, itemId: string, body: SaveAgendaItemRequest, actor: MeetingActor): Promise<MeetingDto> {
    const clean = cleanItem(body);
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.item_update', async (manager) => {
      const item = (await this.repository.items(meetingId, manager)).find((i) => i.id === itemId);
      if (!item) throw MeetingErrors.itemNotFound();
      await this.repository.updateItem(itemId, clean, manager);
      return { before: { title: item.title, kind: item.kind, secret: item.secret }, after: { title: clean.title, kind: clean.kind, secret: clean.secret } };
    });
    return this.get(meetingId, actor);
  }

  async deleteItem(meetingId: string, itemId: string, body: { version: number; reason?: string }, actor: MeetingActor): Promise<MeetingDto> {
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.item_delete', async (manager) => {
      const item = (await this.repository.items(meetingId, manager)).find((i) => i.id === itemId);
      if (!item) throw MeetingErrors.itemNotFound();
      await this.repository.deleteItem(itemId, manager);
      return { before: { title: item.title }, after: null };
    });
    return this.get(meetingId, actor);
  }

  /** The föredragningslista's new order: every ärende once. */
  async order(meetingId: string, body: OrderAgendaRequest, actor: MeetingActor): Promise<MeetingDto> {
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.order', async (manager) => {
      const items = await this.repository.items(meetingId, manager);
      const ids = Array.isArray(body.itemIds) ? body.itemIds : [];
      const known = new Set(items.map((i) => i.id));
      if (ids.length !== items.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
        throw new DomainError('agenda_item_invalid', 'Ordningen måste innehålla varje ärende på sammanträdet en gång. Ladda om sidan och försök igen.');
      }
      const before = numberAgenda(items).map((i) => i.title);
      await this.repository.setItemPositions(ids, manager);
      const after = numberAgenda(ids.map((id, position) => ({ ...(items.find((i) => i.id === id) as (typeof items)[number]), position }))).map((i) => i.title);
      return { before: { order: before }, after: { order: after } };
    });
    return this.get(meetingId, actor);
  }

  /** A checked bilaga (attachment-check.ts) added to an ärende. */
  async addAttachment(
    meetingId: string,
    itemId: string,
    file: { fileName: string; content: Buffer; pages: number; sha256: string; title: string },
    fields: { version: number; reason?: string; secret?: boolean; secrecyReference?: string | null },
    actor: MeetingActor,
  ): Promise<MeetingDto> {
    const secrecy = cleanSecrecy(fields.secret, fields.secrecyReference);
    await this.change(meetingId, fields.version, fields.reason, actor, 'meeting.attachment_add', async (manager) => {
      const item = (await this.repository.items(meetingId, manager)).find((i) => i.id === itemId);
      if (!item) throw MeetingErrors.itemNotFound();
      await this.repository.insertDocument(
        itemId,
        { kind: 'attachment', title: file.title, ...secrecy, fileName: file.fileName, content: file.content, pages: file.pages, sha256: file.sha256 },
        actor.userId,
        manager,
      );
      return { before: null, after: { title: file.title, item: item.title, pages: file.pages } };
    });
    return this.get(meetingId, actor);
  }

  async updateDocument(meetingId: string, documentId: string, body: UpdateDocumentRequest, actor: MeetingActor): Promise<MeetingDto> {
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.document_update', async (manager) => {
      const documents = await this.repository.documents(meetingId, manager);
      const doc = documents.find((d) => d.id === documentId);
      if (!doc) throw MeetingErrors.documentNotFound();
      const title = typeof body.title === 'string' ? body.title.trim().replace(/\s+/g, ' ').slice(0, 300) : doc.title;
      if (!title) throw new DomainError('agenda_item_invalid', 'Ange handlingens namn.');
      const secrecy = body.secret === undefined ? { secret: doc.secret, secrecyReference: doc.secrecy_reference } : cleanSecrecy(body.secret, body.secrecyReference);
      await this.repository.updateDocument(documentId, { title, ...secrecy }, manager);
      if (typeof body.position === 'number') {
        const siblings = documents.filter((d) => d.item_id === doc.item_id && d.id !== documentId);
        const at = Math.max(0, Math.min(siblings.length, Math.trunc(body.position)));
        siblings.splice(at, 0, doc);
        await this.repository.setDocumentPositions(siblings.map((d) => d.id), manager);
      }
      return { before: { title: doc.title, secret: doc.secret }, after: { title, secret: secrecy.secret, secrecyReference: secrecy.secrecyReference } };
    });
    return this.get(meetingId, actor);
  }

  async deleteDocument(meetingId: string, documentId: string, body: { version: number; reason?: string }, actor: MeetingActor): Promise<MeetingDto> {
    await this.change(meetingId, body.version, body.reason, actor, 'meeting.document_delete', async (manager) => {
      const doc = (await this.repository.documents(meetingId, manager)).find((d) => d.id === documentId);
      if (!doc) throw MeetingErrors.documentNotFound();
      await this.repository.deleteDocument(documentId, manager);
      return { before: { title: doc.title }, after: null };
    });
    return this.get(meetingId, actor);
  }

  async attachment(meetingId: string, documentId: string): Promise<{ content: Buffer; fileName: string }> {
    const row = await this.repository.attachmentContent(documentId, meetingId);
    if (!row) throw MeetingErrors.documentNotFound();
    return { content: row.content, fileName: row.file_name };
  }

  /**
   * One change of the meeting in one transaction: the meeting locked, the version and state
   * checked (a reason once the kallelse is out), the change, the version moved on, audited.
   */
  async change(
    meetingId: string,
    version: number,
    reason: string | undefined,
    actor: MeetingActor,
    action: string,
    apply: (manager: EntityManager, meeting: MeetingRow) => Promise<{ before: unknown; after: unknown }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.repository.find(meetingId, manager, true);
      if (!meeting) throw MeetingErrors.notFound();
      const why = checkChange(meeting, version, reason);
      const { before, after } = await apply(manager, meeting);
      await this.repository.bump(meetingId, manager);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action,
        entityType: 'meeting',
        entityId: meetingId,
        committeeId: meeting.committee_id,
        before,
        after: { ...(after && typeof after === 'object' ? after : {}), date: meeting.meeting_date, ...(why ? { reason: why } : {}) },
        ip: actor.ip,
      });
    });
  }

  /**
   * Approved tjänsteskrivelser become ärenden on the meeting their cycle names (its meeting
   * date), with the memo and the frozen report as handlingar; a meeting is planned for that date
   * when the nämnd has none (time and place from its last meeting). Idempotent: one ärende per
   * cycle (uq_agenda_item_memo), whoever looks first.
   */
  async bringApprovedMemos(committeeId: string): Promise<void> {
    const pending = await this.repository.approvedMemosWithoutItem(committeeId, this.repository.manager);
    const stale = await this.repository.staleReportDocuments(committeeId, this.repository.manager);
    if (pending.length === 0 && stale.length === 0) return;
    const touched: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      // A report frozen (again) after its ärende was made: the handling follows the latest version until the kallelse goes out.
      for (const doc of await this.repository.staleReportDocuments(committeeId, manager)) {
        if (doc.document_id) await this.repository.setReportVersion(doc.document_id, doc.frozen_version, manager);
        else {
          const cycle = await this.repository.cycleTitle(doc.cycle_id, manager);
          await this.repository.insertDocument(
            doc.item_id,
            { kind: 'report', title: `${cycle?.title ?? 'Rapport'} ${cycle?.committee ?? ''}`.trim(), secret: false, secrecyReference: null, cycleId: doc.cycle_id, reportVersion: doc.frozen_version },
            null,
            manager,
          );
        }
        await this.repository.bump(doc.meeting_id, manager);
        touched.push(doc.meeting_id);
      }
      for (const memo of await this.repository.approvedMemosWithoutItem(committeeId, manager)) {
        let meeting = await this.repository.byDate(committeeId, memo.meeting_date, manager);
        if (!meeting) {
          const last = await this.repository.lastPlace(committeeId, manager);
          const id = await this.repository.insert(
            committeeId,
            { date: memo.meeting_date, startTime: last?.start_time ?? '13:00', place: last?.place ?? 'Plats meddelas senare', chairName: null, secretaryName: null },
            null,
            manager,
          );
          meeting = id ? { id } : await this.repository.byDate(committeeId, memo.meeting_date, manager);
          if (!meeting) continue;
        }
        const cycle = await this.repository.cycleTitle(memo.cycle_id, manager);
        const title = memo.title?.trim() || `${cycle?.title ?? 'Rapport'} för ${cycle?.committee ?? 'nämnden'}`;
        const itemId = await this.repository.insertItem(
          meeting.id,
          {
            kind: 'decision',
            title,
            public_title: null,
            diary_number: memo.diary_number || null,
            presenter: memo.signer,
            proposal: Array.isArray(memo.proposals) ? memo.proposals.filter((p) => typeof p === 'string' && p.trim()) : [],
            position: await this.repository.nextItemPosition(meeting.id, manager),
            secret: false,
            secrecy_reference: null,
            memo_cycle_id: memo.cycle_id,
          },
          null,
          manager,
        );
        if (!itemId) continue;
        await this.repository.insertDocument(itemId, { kind: 'memo', title: `Tjänsteskrivelse ${title}`, secret: false, secrecyReference: null, cycleId: memo.cycle_id }, null, manager);
        if (memo.frozen_version !== null) {
          await this.repository.insertDocument(
            itemId,
            { kind: 'report', title: `${cycle?.title ?? 'Rapport'} ${cycle?.committee ?? ''}`.trim(), secret: false, secrecyReference: null, cycleId: memo.cycle_id, reportVersion: memo.frozen_version },
            null,
            manager,
          );
        }
        await this.repository.bump(meeting.id, manager);
        await this.audit.record(manager, {
          actorUserId: null,
          action: 'meeting.item_from_memo',
          entityType: 'meeting',
          entityId: meeting.id,
          committeeId,
          before: null,
          after: { title, cycleId: memo.cycle_id, date: memo.meeting_date },
          ip: null,
        });
        touched.push(meeting.id);
      }
    });
    for (const meetingId of new Set(touched)) await this.schedule.afterCommit({ meetingId });
  }

  /** The meeting as its page shows it, for the person asking. */
  async get(meetingId: string, actor: { userId: string; grants: readonly RoleGrant[] }): Promise<MeetingDto> {
    const first = await this.repository.find(meetingId);
    if (!first) throw MeetingErrors.notFound();
    await this.bringApprovedMemos(first.committee_id);
    const manager = this.repository.manager;
    const meeting = (await this.repository.find(meetingId, manager)) as MeetingRow;
    const settings = await this.settings(meeting.committee_id, manager);
    const [participants, absences, items, documents, versions, internal, publicPackage, publication] = await Promise.all([
      this.repository.participants(meetingId, manager),
      this.repository.absences(meetingId, manager),
      this.repository.items(meetingId, manager),
      this.repository.documents(meetingId, manager),
      this.repository.kallelseVersions(meetingId, manager),
      this.repository.latestPackage(meetingId, 'internal', manager),
      this.repository.latestPackage(meetingId, 'public', manager),
      this.repository.publication(meetingId, manager),
    ]);
    const absent = new Set(absences.map((a) => a.user_id));
    const numbered = numberAgenda(items);
    const paragraphs = previewParagraphNumbers(numbered.length, 0);
    const scope = scopeOf(meeting.committee_id);
    const manage = can(actor.grants, 'meeting.manage', scope);
    const isMember = participants.some((p) => p.user_id === actor.userId) || actor.grants.some((g) => g.role === 'member' && (g.committeeId === null || g.committeeId === meeting.committee_id));
    const lastVersion = versions.at(-1);
    const sentMeetingVersion = (lastVersion?.input as { meetingVersion?: number } | undefined)?.meetingVersion ?? null;
    const itemsDto: AgendaItemDto[] = numbered.map((item, i) => ({
      id: item.id,
      number: item.number,
      section: item.section,
      kind: item.kind,
      title: item.title,
      publicTitle: item.public_title,
      diaryNumber: item.diary_number,
      presenter: item.presenter,
      proposal: item.proposal,
      position: item.position,
      secret: item.secret,
      secrecyReference: item.secrecy_reference,
      memoCycleId: item.memo_cycle_id,
      paragraphPreview: paragraphs[i],
      documents: documents.filter((d) => d.item_id === item.id).map(documentDto),
    }));
    return {
      id: meeting.id,
      committeeId: meeting.committee_id,
      committeeName: meeting.committee_name,
      municipality: meeting.municipality,
      date: meeting.meeting_date,
      startTime: meeting.start_time,
      place: meeting.place,
      chairName: meeting.chair_name,
      secretaryName: meeting.secretary_name,
      state: meeting.state,
      version: meeting.version,
      participants: participants.map((p) => ({
        id: p.id,
        name: p.name,
        email: manage ? p.email : null,
        role: p.role,
        party: p.party,
        userId: p.user_id,
        absent: p.user_id !== null && absent.has(p.user_id),
      })),
      items: itemsDto,
      kallelseDeadline: kallelseDeadline(meeting.meeting_date, settings.kallelseWorkingDays),
      kallelseVersions: versions.map((v) => ({
        version: v.version,
        reason: v.reason,
        sentAt: v.sent_at.toISOString(),
        sentByName: v.sent_by_name,
        mails: { total: v.total, sent: v.sent, pending: v.pending, failed: v.failed },
      })),
      changedSinceKallelse: sentMeetingVersion !== null && meeting.version > sentMeetingVersion,
      sendBlockers: sendBlockers(itemsDto, participants.length),
      internalPackage: manage || isMember ? await this.packageDto(internal) : null,
      publicPackage: manage ? await this.packageDto(publicPackage) : null,
      scanHits: manage && publicPackage ? (await this.repository.hits(publicPackage.id, manager)).map((h) => ({
        id: h.id,
        fileId: h.file_id,
        document: h.document,
        page: h.page,
        kind: h.kind,
        match: h.match,
        context: h.context,
        resolution: h.resolution,
        reason: h.reason,
        resolvedByName: h.resolved_by_name,
      })) : [],
      publication: publication
        ? {
            publishedAt: publication.published_at.toISOString(),
            releasedByName: publication.released_by_name,
            kallelseVersion: publication.kallelse_version,
            scanned: publication.scanned,
            hitsResolved: (await this.repository.hits(publication.package_id, manager)).filter((h) => h.resolution).length,
          }
        : null,
      permissions: { manage, read: true, member: isMember },
      mine: isMember ? { absent: absent.has(actor.userId), notes: await this.repository.notes(actor.userId, meetingId, manager) } : null,
    };
  }

  private async packageDto(row: PackageRow | null): Promise<MeetingPackageDto | null> {
    if (!row) return null;
    const files = await this.repository.files(row.id);
    return {
      id: row.id,
      kallelseVersion: row.kallelse_version,
      audience: row.audience,
      pageCount: row.page_count,
      sha256: row.sha256,
      createdAt: row.created_at.toISOString(),
      files: files.map((f) => ({
        id: f.id,
        documentRef: f.document_ref,
        itemNumber: f.item_number,
        title: f.title,
        fileName: f.file_name,
        pages: f.pages,
        size: f.size,
        sha256: f.sha256,
        hasHtml: f.has_html,
      })),
    };
  }
}

function summary(row: MeetingSummaryRow, days: number): MeetingSummaryDto {
  return {
    id: row.id,
    committeeId: row.committee_id,
    committeeName: row.committee_name,
    date: row.meeting_date,
    startTime: row.start_time,
    place: row.place,
    state: row.state,
    itemCount: row.item_count,
    kallelseDeadline: kallelseDeadline(row.meeting_date, days),
    kallelseVersion: row.kallelse_version,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
  };
}

function documentDto(d: AgendaDocumentRow) {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    position: d.position,
    secret: d.secret,
    secrecyReference: d.secrecy_reference,
    fileName: d.file_name,
    pages: d.pages,
    size: d.size,
    ready: d.ready,
  };
}

/** What stops the kallelse from going out, in Swedish. */
export function sendBlockers(
  items: ReadonlyArray<{ number: number; documents: ReadonlyArray<{ kind: string; ready: boolean }> }>,
  participantCount: number,
): string[] {
  const out: string[] = [];
  if (items.length === 0) out.push('Föredragningslistan har inga ärenden.');
  if (participantCount === 0) out.push('Lägg till ledamöter och ersättare som ska kallas.');
  for (const item of items) {
    for (const d of item.documents) {
      if (d.ready) continue;
      out.push(
        d.kind === 'memo'
          ? `Ärende ${item.number}: tjänsteskrivelsen är inte godkänd.`
          : `Ärende ${item.number}: rapportversionen finns inte; fastställ rapporten igen.`,
      );
    }
  }
  return out;
}
