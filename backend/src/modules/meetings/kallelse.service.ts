import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KallelseFormat, MeetingDto, SendKallelseRequest } from '@rapportflode/api-contract';
import { kallelseModel, type DocumentModel, type KallelseInput, type KallelseItem } from '@rapportflode/documents';
import { formatDate, kallelseDeadline, numberAgenda } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config.service';
import { AuditService } from '../audit/audit.service';
import { DocumentRenderer } from '../documents/document-renderer.service';
import { NotificationsService } from '../notifications/notifications.service';
import { kallelseMessage } from './meeting-mail';
import { MeetingErrors } from './meeting-rules';
import { MeetingSchedule } from './meeting-schedule';
import { MeetingsRepository, type AgendaDocumentRow, type AgendaItemRow, type MeetingRow } from './meetings.repository';
import { sendBlockers, type MeetingActor, MeetingsService } from './meetings.service';

export type Audience = 'internal' | 'public';

/** What a sent kallelse version keeps: the model's input as it was sent, for both audiences. */
export interface KallelseSnapshot {
  meetingVersion: number;
  internal: { input: KallelseInput; items: KallelseItem[] };
  public: { input: KallelseInput; items: KallelseItem[] };
}

/** The title a secret handling has in the public version. */
export const secretDocumentTitle = (reference: string | null) => `Handling med sekretess (${reference ?? 'OSL'})`;

/**
 * The kallelse with its föredragningslista: built from the meeting (libs/documents kallelseModel),
 * rendered as HTML, PDF and Word, and sent: one kallelse_version per sending (the first, then each
 * rättelse with its reason) and one outbox row per ledamot and ersättare, in one transaction; the
 * mails are queued after commit and sent once each (meeting-mail.processor.ts).
 */
@Injectable()
export class KallelseService {
  private readonly logger = new Logger('Meetings');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MeetingsRepository,
    private readonly meetings: MeetingsService,
    private readonly renderer: DocumentRenderer,
    private readonly audit: AuditService,
    private readonly schedule: MeetingSchedule,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The kallelse's input from the meeting as it is now. */
  async current(meetingId: string, manager: EntityManager = this.repository.manager): Promise<KallelseSnapshot> {
    const meeting = await this.repository.find(meetingId, manager);
    if (!meeting) throw MeetingErrors.notFound();
    const [items, documents, settings, versions] = await Promise.all([
      this.repository.items(meetingId, manager),
      this.repository.documents(meetingId, manager),
      this.repository.settings(meeting.committee_id, manager),
      this.repository.kallelseVersions(meetingId, manager),
    ]);
    const next = (versions.at(-1)?.version ?? 0) + 1;
    const base = (audience: Audience): KallelseInput => ({
      committee: meeting.committee_name,
      municipality: meeting.municipality,
      meetingDate: meeting.meeting_date,
      startTime: meeting.start_time,
      place: meeting.place,
      chair: meeting.chair_name,
      secretary: meeting.secretary_name,
      absenceContact: settings?.absence_contact ?? meeting.secretary_name ?? 'nämndsekreteraren',
      diaryNumber: null,
      version: next,
      correction: null,
      audience,
      status: { kind: 'draft', missing: [] },
    });
    return {
      meetingVersion: meeting.version,
      internal: { input: base('internal'), items: kallelseItems(items, documents, 'internal') },
      public: { input: base('public'), items: kallelseItems(items, documents, 'public') },
    };
  }

  /** The model of a sent version (as sent), or of the draft. */
  async model(meetingId: string, audience: Audience, version?: number): Promise<{ model: DocumentModel; meeting: MeetingRow; version: number | null }> {
    const meeting = await this.repository.find(meetingId);
    if (!meeting) throw MeetingErrors.notFound();
    if (version === undefined) {
      const snapshot = await this.current(meetingId);
      const part = snapshot[audience];
      return { model: kallelseModel(part.input, part.items), meeting, version: null };
    }
    const sent = (await this.repository.kallelseVersions(meetingId)).find((v) => v.version === version);
    if (!sent) throw new DomainError('not_found', `Kallelsen har ingen version ${version}.`);
    const part = (sent.input as KallelseSnapshot)[audience];
    return { model: kallelseModel(part.input, part.items), meeting, version };
  }

  async document(meetingId: string, format: KallelseFormat, audience: Audience, version?: number): Promise<{ body: Buffer; nameParts: string[] }> {
    const { model, meeting, version: v } = await this.model(meetingId, audience, version);
    const nameParts = ['Kallelse', meeting.committee_name, meeting.meeting_date, ...(v ? [`version ${v}`] : ['utkast']), ...(audience === 'public' ? ['offentlig'] : [])];
    if (format === 'html') return { body: Buffer.from(this.renderer.html(model, 'standalone'), 'utf8'), nameParts };
    if (format === 'docx') return { body: await this.renderer.docx(model), nameParts };
    return { body: await this.renderer.pdf(model), nameParts };
  }

  /**
   * Sends the kallelse: version 1, or a rättelse (a reason required) when the meeting changed
   * since the last one. The meeting row is locked, so two sends at once give one version and a
   * 409 for the other.
   */
  async send(meetingId: string, body: SendKallelseRequest, actor: MeetingActor): Promise<MeetingDto> {
    const mailIds = await this.dataSource.transaction(async (manager) => {
      const meeting = await this.repository.find(meetingId, manager, true);
      if (!meeting) throw MeetingErrors.notFound();
      if (meeting.state === 'held') throw MeetingErrors.held();
      if (meeting.version !== body.version) throw MeetingErrors.stale();
      const versions = await this.repository.kallelseVersions(meetingId, manager);
      const last = versions.at(-1);
      const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 1000) : '';
      if (last) {
        const sentAt = (last.input as KallelseSnapshot).meetingVersion;
        if (sentAt === meeting.version && !reason) {
          throw new DomainError('kallelse_already_sent', `Kallelsen är redan skickad (version ${last.version}). Ändra sammanträdet och skicka en rättelse med en anledning.`);
        }
        if (!reason) throw MeetingErrors.reasonRequired();
      }
      const snapshot = await this.current(meetingId, manager);
      const participants = await this.repository.participants(meetingId, manager);
      const documents = await this.repository.documents(meetingId, manager);
      const numbered = numberAgenda(await this.repository.items(meetingId, manager));
      const blockers = sendBlockers(
        numbered.map((i) => ({ number: i.number, documents: documents.filter((d) => d.item_id === i.id) })),
        participants.length,
      );
      if (blockers.length) throw new DomainError('meeting_state_invalid', 'Kallelsen kan inte skickas än.', blockers);
      const version = (last?.version ?? 0) + 1;
      const sentOn = formatDate(this.clock.now());
      const status = { kind: 'final' as const, version, frozenAt: this.clock.now().toISOString(), checksum: '' };
      for (const audience of ['internal', 'public'] as const) {
        snapshot[audience].input = {
          ...snapshot[audience].input,
          version,
          correction: version > 1 ? { reason, date: sentOn } : null,
          status,
        };
      }
      const newVersion = await this.repository.bump(meetingId, manager, 'kallelse_sent');
      snapshot.meetingVersion = newVersion;
      const versionId = await this.repository.insertKallelseVersion(meetingId, version, version > 1 ? reason : null, snapshot, actor.userId, manager);
      const recipients = participants
        .filter((p) => p.email)
        .map((p) => ({ key: `kallelse|${versionId}|${(p.email as string).toLowerCase()}`, email: p.email as string, name: p.name }));
      const ids = await this.repository.insertMails(meetingId, versionId, 'kallelse', recipients, manager);
      const notified = participants.map((p) => p.user_id).filter((id): id is string => id !== null);
      await this.notifications.notify(
        manager,
        notified,
        actor.userId,
        'meeting',
        `${version > 1 ? 'Rättelse: kallelse' : 'Kallelse'} till ${meeting.committee_name}s sammanträde ${meeting.meeting_date}.`,
        null,
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.kallelse_send',
        entityType: 'meeting',
        entityId: meetingId,
        committeeId: meeting.committee_id,
        before: last ? { version: last.version } : null,
        after: { version, date: meeting.meeting_date, recipients: recipients.length, ...(version > 1 ? { reason } : {}) },
        ip: actor.ip,
      });
      return ids;
    });
    await this.schedule.afterCommit({ mailIds });
    return this.meetings.get(meetingId, actor);
  }

  /** The mail of one kallelse outbox row, from the version it belongs to. */
  async kallelseMail(meetingId: string, version: number, recipientName: string): Promise<{ subject: string; text: string; html: string } | null> {
    const meeting = await this.repository.find(meetingId);
    if (!meeting) return null;
    const sent = (await this.repository.kallelseVersions(meetingId)).find((v) => v.version === version);
    if (!sent) return null;
    const snapshot = sent.input as KallelseSnapshot;
    const settings = await this.repository.settings(meeting.committee_id);
    return kallelseMessage({
      recipientName,
      committee: meeting.committee_name,
      date: snapshot.public.input.meetingDate,
      startTime: snapshot.public.input.startTime,
      place: snapshot.public.input.place,
      version,
      reason: sent.reason,
      items: numberAgenda(snapshot.public.items.map((i, position) => ({ ...i, id: String(i.number), position }))).map((i) => ({
        number: i.number,
        title: i.title,
        section: i.section,
      })),
      absenceContact: settings?.absence_contact ?? null,
      url: `${this.config.get('PUBLIC_URL')}/sammantraden/${meetingId}`,
    });
  }

  /** The kallelse's last day (the nämnd's setting), for a meeting. */
  async deadlineOf(meeting: MeetingRow): Promise<string> {
    const settings = await this.repository.settings(meeting.committee_id);
    return kallelseDeadline(meeting.meeting_date, settings?.kallelse_working_days ?? 7);
  }
}

/** The kallelse's ärenden for an audience: the public one shows a secret ärende by its public title and no secret handling's name. */
export function kallelseItems(items: readonly AgendaItemRow[], documents: readonly AgendaDocumentRow[], audience: Audience): KallelseItem[] {
  return numberAgenda(items).map((item) => {
    const hidden = audience === 'public' && item.secret;
    const docs = documents.filter((d) => d.item_id === item.id);
    return {
      number: item.number,
      kind: item.kind,
      title: hidden ? (item.public_title ?? 'Ärende med sekretess') : item.title,
      diaryNumber: item.diary_number,
      presenter: item.presenter,
      proposal: hidden ? [] : item.proposal,
      documents: hidden ? [] : docs.map((d) => (audience === 'public' && d.secret ? secretDocumentTitle(d.secrecy_reference) : d.title)),
      secret: item.secret,
      secrecyReference: item.secrecy_reference,
    };
  });
}
