import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeetingDto } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { MeetingErrors } from './meeting-rules';
import { MeetingSchedule } from './meeting-schedule';
import { MeetingsRepository } from './meetings.repository';
import { type MeetingActor, MeetingsService } from './meetings.service';

const DOCUMENT_REF = /^(kallelse|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** What a ledamot or ersättare does on the meeting's page: private notes per document, förhinder. */
@Injectable()
export class MeetingMembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MeetingsRepository,
    private readonly meetings: MeetingsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly schedule: MeetingSchedule,
  ) {}

  /** Whether the person is called to this meeting: a participant with their account, or a member of its nämnd. */
  private async isMember(meetingId: string, committeeId: string, actor: MeetingActor): Promise<boolean> {
    if (actor.grants.some((g) => g.role === 'member' && (g.committeeId === null || g.committeeId === committeeId))) return true;
    return (await this.repository.participants(meetingId)).some((p) => p.user_id === actor.userId);
  }

  async saveNote(meetingId: string, documentRef: string, text: string, actor: MeetingActor): Promise<MeetingDto> {
    const meeting = await this.repository.find(meetingId);
    if (!meeting) throw MeetingErrors.notFound();
    if (!(await this.isMember(meetingId, meeting.committee_id, actor))) {
      throw new DomainError('not_allowed', 'Anteckningar är till för nämndens ledamöter och ersättare.');
    }
    if (!DOCUMENT_REF.test(documentRef)) throw new DomainError('member_note_invalid', 'Anteckningen hör inte till någon handling på sammanträdet.');
    await this.dataSource.transaction((manager) => this.repository.saveNote(actor.userId, meetingId, documentRef.toLowerCase(), text.trim() ? text : '', manager));
    return this.meetings.get(meetingId, actor);
  }

  /** Förhinder: recorded once, the secretaries told in Notiser and by mail (the outbox, once each). */
  async reportAbsence(meetingId: string, message: string | null, actor: MeetingActor): Promise<MeetingDto> {
    const mailIds = await this.dataSource.transaction(async (manager) => {
      const meeting = await this.repository.find(meetingId, manager, true);
      if (!meeting) throw MeetingErrors.notFound();
      if (!(await this.isMember(meetingId, meeting.committee_id, actor))) {
        throw new DomainError('not_allowed', 'Förhinder anmäls av nämndens ledamöter och ersättare.');
      }
      if (meeting.state === 'held') throw MeetingErrors.held();
      const text = message?.trim().slice(0, 1000) || null;
      if (!(await this.repository.insertAbsence(meetingId, actor.userId, text, manager))) return [];
      const person = await this.repository.userName(actor.userId, manager);
      const secretaries = await this.repository.secretaries(meeting.committee_id, manager);
      await this.notifications.notify(
        manager,
        secretaries.map((s) => s.id),
        actor.userId,
        'meeting',
        `${person?.name ?? 'En ledamot'} har anmält förhinder till sammanträdet ${meeting.meeting_date}${text ? `: ${text}` : '.'}`,
        null,
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.absence',
        entityType: 'meeting',
        entityId: meetingId,
        committeeId: meeting.committee_id,
        before: null,
        after: { date: meeting.meeting_date, message: text },
        ip: actor.ip,
      });
      return this.repository.insertMails(
        meetingId,
        null,
        'absence',
        secretaries.map((s) => ({ key: `absence|${meetingId}|${actor.userId}|${s.email.toLowerCase()}`, email: s.email, name: s.name })),
        manager,
      );
    });
    await this.schedule.afterCommit({ mailIds });
    return this.meetings.get(meetingId, actor);
  }
}
