import { Injectable } from '@nestjs/common';
import { API_PREFIX, type PublicCommitteeDto, type PublicFileDto, type PublicItemDto, type PublicMeetingDto, type PublicMeetingListResponse } from '@rapportflode/api-contract';
import {
  meetingsIcs,
  oparlAgendaItem,
  oparlFile,
  oparlMeeting,
  oparlLocation,
  oparlMeetingList,
  oparlOrganization,
  oparlUrls,
  publicationsAtom,
  type PublicAgendaItem,
  type PublicFile,
  type PublicMeeting,
} from '@rapportflode/documents';
import { AGENDA_ITEM_KIND_LABELS, AGENDA_SECTIONS, MEETING_STATE_LABELS, meetingTimeInWords, numberAgenda } from '@rapportflode/domain';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config.service';
import { type FileRow, MeetingsRepository } from './meetings.repository';

const notPublished = () => new DomainError('publication_not_found', 'Det finns inget publicerat med den adressen.');

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const OPARL_PAGE_SIZE = 50;

/**
 * What anyone may read without signing in: the published meetings of each nämnd, their public
 * handlingar (each file as stored at publication), the public titles of secret ärenden, an ICS
 * calendar, an Atom feed, a plain HTML page per meeting, and OParl 1.1 JSON. Nothing unpublished.
 */
@Injectable()
export class PublicMeetingsService {
  constructor(
    private readonly repository: MeetingsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private get base(): string {
    return `${this.config.get('PUBLIC_URL')}${API_PREFIX}/public`;
  }

  committees(): Promise<PublicCommitteeDto[]> {
    return this.repository.publicCommittees().then((rows) => rows.map((r) => ({ id: r.id, name: r.name, municipality: r.municipality, meetingCount: r.meeting_count })));
  }

  async meetings(committeeId: string): Promise<PublicMeetingListResponse> {
    const committee = (await this.committees()).find((c) => c.id === committeeId);
    if (!committee) throw notPublished();
    const rows = await this.repository.publishedMeetings(committeeId);
    const meetings = await Promise.all(rows.map((r) => this.dto(r)));
    meetings.sort((a, b) => b.date.localeCompare(a.date));
    return { committee, meetings };
  }

  async meeting(meetingId: string): Promise<PublicMeetingDto> {
    const [row] = await this.repository.publishedMeetings(null, meetingId);
    if (!row) throw notPublished();
    return this.dto(row);
  }

  private async dto(row: Awaited<ReturnType<MeetingsRepository['publishedMeetings']>>[number]): Promise<PublicMeetingDto> {
    const files = await this.repository.files(row.package_id);
    const items = numberAgenda(await this.repository.items(row.id));
    const fileDto = (f: FileRow): PublicFileDto => ({ id: f.id, title: f.title, fileName: f.file_name, pages: f.pages, size: f.size, sha256: f.sha256, hasHtml: f.has_html });
    const kallelse = files.find((f) => f.item_number === null);
    const publicItems: PublicItemDto[] = items.map((item) => ({
      id: item.id,
      number: item.number,
      section: item.section,
      kind: item.kind,
      title: item.secret ? (item.public_title ?? 'Ärende med sekretess') : item.title,
      secret: item.secret,
      secrecyReference: item.secret ? item.secrecy_reference : null,
      diaryNumber: item.diary_number,
      proposal: item.secret ? [] : item.proposal,
      files: item.secret ? [] : files.filter((f) => f.item_number === item.number).map(fileDto),
    }));
    return {
      id: row.id,
      committeeId: row.committee_id,
      committeeName: row.committee_name,
      municipality: row.municipality,
      date: row.meeting_date,
      startTime: row.start_time,
      place: row.place,
      state: row.state,
      publishedAt: new Date(row.published_at).toISOString(),
      kallelseVersion: row.kallelse_version,
      kallelse: kallelse ? fileDto(kallelse) : null,
      package: { pages: row.package_pages, size: row.package_size },
      items: publicItems,
    };
  }

  /** The published package's merged PDF, as stored. */
  async package(meetingId: string): Promise<{ body: Buffer; nameParts: string[] }> {
    const [row] = await this.repository.publishedMeetings(null, meetingId);
    const body = row ? await this.repository.packageBytes(row.package_id, 'pdf') : null;
    if (!row || !body) throw notPublished();
    return { body, nameParts: ['Handlingar', row.committee_name, row.meeting_date] };
  }

  async file(fileId: string, format: 'pdf' | 'html'): Promise<{ body: Buffer; fileName: string; html: boolean }> {
    const row = await this.repository.publishedFile(fileId);
    if (!row) throw notPublished();
    if (format === 'html') {
      if (!row.html) throw new DomainError('format_invalid', 'Handlingen finns bara som PDF.');
      return { body: Buffer.from(row.html, 'utf8'), fileName: row.file_name.replace(/\.pdf$/, '.html'), html: true };
    }
    return { body: row.pdf, fileName: row.file_name, html: false };
  }

  /** The feeds' shape of a published meeting. */
  private feedMeeting(m: PublicMeetingDto): PublicMeeting {
    const file = (f: PublicFileDto): PublicFile => ({
      id: f.id,
      name: f.title,
      url: `${this.base}/files/${f.id}`,
      htmlUrl: f.hasHtml ? `${this.base}/files/${f.id}?format=html` : null,
      size: f.size,
      sha256: f.sha256,
      mimeType: 'application/pdf',
      publishedAt: m.publishedAt,
    });
    const items: PublicAgendaItem[] = m.items.map((i) => ({
      id: i.id,
      number: i.number,
      kind: i.kind,
      title: i.title,
      secret: i.secret,
      diaryNumber: i.diaryNumber,
      proposal: i.proposal,
      files: i.files.map(file),
    }));
    return {
      id: m.id,
      committeeId: m.committeeId,
      committee: m.committeeName,
      municipality: m.municipality,
      date: m.date,
      startTime: m.startTime,
      durationMinutes: 180,
      place: m.place,
      state: m.state,
      url: `${this.config.get('PUBLIC_URL')}/offentligt/sammantraden/${m.id}`,
      kallelse: m.kallelse ? file(m.kallelse) : null,
      items,
      publishedAt: m.publishedAt,
      modifiedAt: m.publishedAt,
    };
  }

  async calendar(committeeId: string): Promise<string> {
    const { committee, meetings } = await this.meetings(committeeId);
    return meetingsIcs(meetings.map((m) => this.feedMeeting(m)), { calendarName: `${committee.name}, ${committee.municipality}`, now: this.clock.now() });
  }

  async feed(committeeId: string): Promise<string> {
    const { committee, meetings } = await this.meetings(committeeId);
    return publicationsAtom(
      meetings.map((m) => this.feedMeeting(m)),
      {
        feedUrl: `${this.base}/committees/${committeeId}/feed.atom`,
        siteUrl: `${this.config.get('PUBLIC_URL')}/offentligt/${committeeId}`,
        title: `${committee.name}: publicerade handlingar`,
        now: this.clock.now(),
      },
    );
  }

  private get oparlBase(): string {
    return `${this.base}/oparl`;
  }

  async oparlMeetings(committeeId: string, page: number): Promise<object> {
    const { meetings } = await this.meetings(committeeId);
    const all = meetings.map((m) => this.feedMeeting(m));
    const totalPages = Math.max(1, Math.ceil(all.length / OPARL_PAGE_SIZE));
    const current = Math.min(Math.max(1, page), totalPages);
    return oparlMeetingList(all.slice((current - 1) * OPARL_PAGE_SIZE, current * OPARL_PAGE_SIZE), this.oparlBase, {
      listUrl: `${this.oparlBase}/committees/${committeeId}/meetings`,
      currentPage: current,
      elementsPerPage: OPARL_PAGE_SIZE,
      totalElements: all.length,
    });
  }

  async oparlOrganization(committeeId: string): Promise<object> {
    const committee = (await this.committees()).find((c) => c.id === committeeId);
    if (!committee) throw notPublished();
    return oparlOrganization(committee, this.oparlBase, {
      meetings: `${this.oparlBase}/committees/${committeeId}/meetings`,
      web: `${this.config.get('PUBLIC_URL')}/offentligt/${committeeId}`,
    });
  }

  async oparlLocation(meetingId: string): Promise<object> {
    return oparlLocation(this.feedMeeting(await this.meeting(meetingId)), this.oparlBase);
  }

  async oparlMeeting(meetingId: string): Promise<object> {
    return oparlMeeting(this.feedMeeting(await this.meeting(meetingId)), this.oparlBase);
  }

  async oparlAgendaItem(itemId: string): Promise<object> {
    const found = await this.repository.publishedItem(itemId);
    if (!found) throw notPublished();
    const meeting = this.feedMeeting(await this.meeting(found.meeting_id));
    const item = meeting.items.find((i) => i.id === itemId);
    if (!item) throw notPublished();
    return oparlAgendaItem(item, meeting, this.oparlBase);
  }

  async oparlFile(fileId: string): Promise<object> {
    const meta = await this.repository.publishedFileMeta(fileId);
    if (!meta) throw notPublished();
    const meeting = this.feedMeeting(await this.meeting(meta.meeting_id));
    const item = meeting.items.find((i) => i.files.some((f) => f.id === fileId));
    const file = meeting.kallelse?.id === fileId ? meeting.kallelse : item?.files.find((f) => f.id === fileId);
    if (!file) throw notPublished();
    const urls = oparlUrls(this.oparlBase);
    return oparlFile(file, this.oparlBase, { meeting: urls.meeting(meeting.id), ...(item ? { agendaItem: urls.agendaItem(item.id) } : {}) });
  }

  /** The meeting as one plain HTML page: readable without JavaScript, links to every public file. */
  async page(meetingId: string): Promise<string> {
    const m = await this.meeting(meetingId);
    const when = meetingTimeInWords(m.date, m.startTime);
    const link = (f: PublicFileDto) =>
      `<a href="${this.base}/files/${f.id}">${escapeHtml(f.title)} (PDF, ${f.pages} ${f.pages === 1 ? 'sida' : 'sidor'})</a>${
        f.hasHtml ? ` · <a href="${this.base}/files/${f.id}?format=html">som webbsida</a>` : ''
      }`;
    const sections = AGENDA_SECTIONS.map((s) => {
      const items = m.items.filter((i) => i.section === s.key);
      if (!items.length) return '';
      return `<h2>${escapeHtml(s.title)}</h2><ol class="items">${items
        .map(
          (i) =>
            `<li value="${i.number}"><h3>${i.number}. ${escapeHtml(i.title)}</h3><p>${escapeHtml(AGENDA_ITEM_KIND_LABELS[i.kind])}${
              i.diaryNumber ? `, diarienummer ${escapeHtml(i.diaryNumber)}` : ''
            }</p>${i.secret ? `<p>Sekretess enligt ${escapeHtml(i.secrecyReference ?? 'OSL')}. Handlingarna är inte offentliga.</p>` : ''}${
              i.proposal.length ? `<p>Förslag till beslut:</p><ol>${i.proposal.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ol>` : ''
            }${i.files.length ? `<ul>${i.files.map((f) => `<li>${link(f)}</li>`).join('')}</ul>` : ''}</li>`,
        )
        .join('')}</ol>`;
    }).join('');
    return `<!doctype html>
<html lang="sv-SE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${m.committeeName} ${m.date}`)} – handlingar</title>
<link rel="alternate" type="application/atom+xml" title="Publicerade handlingar" href="${this.base}/committees/${m.committeeId}/feed.atom">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b4f8a}ol.items{padding-left:0;list-style:none}h3{margin-bottom:.25rem}</style>
</head><body><main>
<h1>${escapeHtml(m.committeeName)}, ${escapeHtml(m.municipality)}</h1>
<p>Sammanträde ${escapeHtml(when)}, ${escapeHtml(m.place)}. ${escapeHtml(MEETING_STATE_LABELS[m.state])}. Publicerat ${escapeHtml(m.publishedAt.slice(0, 10))}${m.kallelseVersion > 1 ? ` (kallelse version ${m.kallelseVersion})` : ''}.</p>
${m.kallelse ? `<p>${link(m.kallelse)}</p>` : ''}
<p><a href="${this.base}/committees/${m.committeeId}/calendar.ics">Sammanträden i din kalender (ICS)</a></p>
${sections}
</main></body></html>`;
  }
}
