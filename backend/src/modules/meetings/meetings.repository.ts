import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgendaItemKind, MeetingState, ParticipantRole } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../../database/query';

export interface MeetingRow {
  id: string;
  committee_id: string;
  committee_name: string;
  municipality: string;
  meeting_date: string;
  start_time: string;
  place: string;
  chair_name: string | null;
  secretary_name: string | null;
  state: MeetingState;
  version: number;
  updated_at: Date;
}

export interface MeetingSummaryRow extends MeetingRow {
  item_count: number;
  kallelse_version: number;
  published_at: Date | null;
}

export interface SettingsRow {
  committee_id: string;
  committee_name: string;
  municipality: string;
  kallelse_working_days: number;
  absence_contact: string | null;
  public_mail_domains: string[];
}

export interface ParticipantRow {
  id: string;
  name: string;
  email: string | null;
  role: ParticipantRole;
  party: string | null;
  user_id: string | null;
  position: number;
}

export interface AgendaItemRow {
  id: string;
  kind: AgendaItemKind;
  title: string;
  public_title: string | null;
  diary_number: string | null;
  presenter: string | null;
  proposal: string[];
  position: number;
  secret: boolean;
  secrecy_reference: string | null;
  memo_cycle_id: string | null;
}

export interface AgendaDocumentRow {
  id: string;
  item_id: string;
  kind: 'memo' | 'report' | 'attachment';
  title: string;
  position: number;
  secret: boolean;
  secrecy_reference: string | null;
  cycle_id: string | null;
  report_version: number | null;
  file_name: string | null;
  size: number | null;
  pages: number | null;
  sha256: string | null;
  /** memo: approved; report: that version exists; attachment: always. */
  ready: boolean;
}

export interface KallelseVersionRow {
  id: string;
  version: number;
  reason: string | null;
  input: unknown;
  sent_at: Date;
  sent_by_name: string | null;
  total: number;
  sent: number;
  pending: number;
  failed: number;
}

export interface PackageRow {
  id: string;
  kallelse_version_id: string;
  kallelse_version: number;
  audience: 'internal' | 'public';
  page_count: number;
  sha256: string;
  created_at: Date;
}

export interface FileRow {
  id: string;
  package_id: string;
  document_ref: string;
  item_number: number | null;
  title: string;
  file_name: string;
  pages: number;
  size: number;
  sha256: string;
  has_html: boolean;
  position: number;
}

export interface ScanHitRow {
  id: string;
  file_id: string;
  document: string;
  page: number;
  kind: 'personnummer' | 'samordningsnummer' | 'email' | 'phone';
  match: string;
  context: string;
  resolution: 'not_personal_data' | null;
  reason: string | null;
  resolved_by_name: string | null;
}

export interface PublicationRow {
  id: string;
  package_id: string;
  published_at: Date;
  released_by_name: string | null;
  scanned: Array<{ document: string; pages: number }>;
  kallelse_version: number;
}

export interface ApprovedMemoRow {
  cycle_id: string;
  committee_id: string;
  meeting_date: string;
  title: string;
  diary_number: string;
  proposals: string[];
  signer: string | null;
  frozen_version: number | null;
}

export interface MeetingMailRow {
  id: string;
  recipient: string;
  recipient_name: string;
  status: string;
  kind: 'kallelse' | 'absence' | 'deadline';
  meeting_id: string;
  /** The kallelse version a kallelse mail carries. */
  version: number | null;
  dedupe_key: string;
}

export interface NewFile {
  documentRef: string;
  itemNumber: number | null;
  title: string;
  fileName: string;
  pdf: Buffer;
  html: string | null;
  textPages: string[];
  pages: number;
  sha256: string;
  position: number;
}

const MEETING_COLUMNS = `m.id, m.committee_id, c.name AS committee_name, c.municipality, m.meeting_date::text AS meeting_date, m.start_time, m.place,
  m.chair_name, m.secretary_name, m.state, m.version, m.updated_at`;

/**
 * The only writer of the meeting tables (meeting, meeting_settings, meeting_participant,
 * agenda_item, agenda_document, kallelse_version, meeting_mail (its status columns are the outbox's),
 * meeting_package, meeting_file, scan_hit, publication, member_note, meeting_absence).
 */
@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async settings(committeeId: string, manager: EntityManager = this.manager): Promise<SettingsRow | null> {
    const [row]: SettingsRow[] = await manager.query(
      `SELECT c.id AS committee_id, c.name AS committee_name, c.municipality, COALESCE(s.kallelse_working_days, 7) AS kallelse_working_days,
              s.absence_contact, COALESCE(s.public_mail_domains, '{}') AS public_mail_domains
         FROM committee c LEFT JOIN meeting_settings s ON s.committee_id = c.id WHERE c.id = $1`,
      [committeeId],
    );
    return row ?? null;
  }

  async saveSettings(committeeId: string, days: number, absenceContact: string | null, domains: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_settings (committee_id, kallelse_working_days, absence_contact, public_mail_domains) VALUES ($1, $2, $3, $4)
       ON CONFLICT (committee_id) DO UPDATE SET kallelse_working_days = $2, absence_contact = $3, public_mail_domains = $4, updated_at = now()`,
      [committeeId, days, absenceContact, domains],
    );
  }

  async list(committeeId: string): Promise<MeetingSummaryRow[]> {
    return this.manager.query(
      `SELECT ${MEETING_COLUMNS},
              (SELECT count(*)::int FROM agenda_item i WHERE i.meeting_id = m.id) AS item_count,
              COALESCE((SELECT max(k.version) FROM kallelse_version k WHERE k.meeting_id = m.id), 0) AS kallelse_version,
              (SELECT max(p.published_at) FROM publication p WHERE p.meeting_id = m.id) AS published_at
         FROM meeting m JOIN committee c ON c.id = m.committee_id
        WHERE m.committee_id = $1 ORDER BY m.meeting_date DESC, m.start_time DESC`,
      [committeeId],
    );
  }

  /** Meetings of the nämnder where the person is called (a participant) or holds a meeting role. */
  async mine(userId: string, committeeIds: readonly string[] | 'all'): Promise<MeetingSummaryRow[]> {
    return this.manager.query(
      `SELECT ${MEETING_COLUMNS},
              (SELECT count(*)::int FROM agenda_item i WHERE i.meeting_id = m.id) AS item_count,
              COALESCE((SELECT max(k.version) FROM kallelse_version k WHERE k.meeting_id = m.id), 0) AS kallelse_version,
              (SELECT max(p.published_at) FROM publication p WHERE p.meeting_id = m.id) AS published_at
         FROM meeting m JOIN committee c ON c.id = m.committee_id
        WHERE ($2::boolean OR m.committee_id = ANY($3::uuid[]) OR EXISTS (SELECT 1 FROM meeting_participant pa WHERE pa.meeting_id = m.id AND pa.user_id = $1))
          AND m.meeting_date >= (now() AT TIME ZONE 'Europe/Stockholm')::date - 60
        ORDER BY m.meeting_date, m.start_time`,
      [userId, committeeIds === 'all', committeeIds === 'all' ? [] : committeeIds],
    );
  }

  async find(meetingId: string, manager: EntityManager = this.manager, lock = false): Promise<MeetingRow | null> {
    const [row]: MeetingRow[] = await manager.query(
      `SELECT ${MEETING_COLUMNS} FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [meetingId],
    );
    return row ?? null;
  }

  async byDate(committeeId: string, date: string, manager: EntityManager): Promise<{ id: string } | null> {
    const [row]: Array<{ id: string }> = await manager.query(
      `SELECT id FROM meeting WHERE committee_id = $1 AND meeting_date = $2 ORDER BY start_time LIMIT 1`,
      [committeeId, date],
    );
    return row ?? null;
  }

  /** The nämnd's latest meeting's time and place: the defaults of one created from a cycle. */
  async lastPlace(committeeId: string, manager: EntityManager): Promise<{ start_time: string; place: string } | null> {
    const [row]: Array<{ start_time: string; place: string }> = await manager.query(
      `SELECT start_time, place FROM meeting WHERE committee_id = $1 ORDER BY meeting_date DESC LIMIT 1`,
      [committeeId],
    );
    return row ?? null;
  }

  async insert(
    committeeId: string,
    m: { date: string; startTime: string; place: string; chairName: string | null; secretaryName: string | null },
    userId: string | null,
    manager: EntityManager,
  ): Promise<string | null> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO meeting (committee_id, meeting_date, start_time, place, chair_name, secretary_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (committee_id, meeting_date, start_time) DO NOTHING RETURNING id`,
      [committeeId, m.date, m.startTime, m.place, m.chairName, m.secretaryName, userId],
    );
    return row?.id ?? null;
  }

  async update(
    meetingId: string,
    m: { date: string; startTime: string; place: string; chairName: string | null; secretaryName: string | null },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE meeting SET meeting_date = $2, start_time = $3, place = $4, chair_name = $5, secretary_name = $6 WHERE id = $1`,
      [meetingId, m.date, m.startTime, m.place, m.chairName, m.secretaryName],
    );
  }

  /** A change of the meeting or anything on it: the version moves on. */
  async bump(meetingId: string, manager: EntityManager, state?: MeetingState): Promise<number> {
    const [row] = await changedRows<{ version: number }>(
      manager,
      `UPDATE meeting SET version = version + 1, updated_at = now(), state = COALESCE($2, state) WHERE id = $1 RETURNING version`,
      [meetingId, state ?? null],
    );
    return row.version;
  }

  async participants(meetingId: string, manager: EntityManager = this.manager): Promise<ParticipantRow[]> {
    return manager.query(
      `SELECT id, name, email, role, party, user_id, position FROM meeting_participant WHERE meeting_id = $1 ORDER BY role, position`,
      [meetingId],
    );
  }

  async replaceParticipants(
    meetingId: string,
    people: ReadonlyArray<{ name: string; email: string | null; role: ParticipantRole; party: string | null }>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`DELETE FROM meeting_participant WHERE meeting_id = $1`, [meetingId]);
    for (const [i, p] of people.entries()) {
      await manager.query(
        `INSERT INTO meeting_participant (meeting_id, name, email, role, party, position, user_id)
         VALUES ($1, $2, $3::text, $4, $5, $6, (SELECT id FROM app_user WHERE lower(email) = lower($3::text) LIMIT 1))`,
        [meetingId, p.name, p.email, p.role, p.party, i],
      );
    }
  }

  async items(meetingId: string, manager: EntityManager = this.manager): Promise<AgendaItemRow[]> {
    return manager.query(
      `SELECT id, kind, title, public_title, diary_number, presenter, proposal, position, secret, secrecy_reference, memo_cycle_id
         FROM agenda_item WHERE meeting_id = $1 ORDER BY position, created_at`,
      [meetingId],
    );
  }

  async documents(meetingId: string, manager: EntityManager = this.manager): Promise<AgendaDocumentRow[]> {
    return manager.query(
      `SELECT d.id, d.item_id, d.kind, d.title, d.position, d.secret, d.secrecy_reference, d.cycle_id, d.report_version, d.file_name,
              d.size, d.pages, d.sha256,
              CASE d.kind
                WHEN 'memo' THEN EXISTS (SELECT 1 FROM memo mo WHERE mo.cycle_id = d.cycle_id AND mo.state = 'approved')
                WHEN 'report' THEN EXISTS (SELECT 1 FROM report_version v WHERE v.cycle_id = d.cycle_id AND v.number = d.report_version)
                ELSE true END AS ready
         FROM agenda_document d JOIN agenda_item i ON i.id = d.item_id
        WHERE i.meeting_id = $1 ORDER BY d.item_id, d.position, d.created_at`,
      [meetingId],
    );
  }

  async attachmentContent(documentId: string, meetingId: string): Promise<{ content: Buffer; file_name: string; title: string } | null> {
    const [row]: Array<{ content: Buffer; file_name: string; title: string }> = await this.manager.query(
      `SELECT d.content, d.file_name, d.title FROM agenda_document d JOIN agenda_item i ON i.id = d.item_id
        WHERE d.id = $1 AND i.meeting_id = $2 AND d.kind = 'attachment'`,
      [documentId, meetingId],
    );
    return row ?? null;
  }

  async documentContent(documentId: string): Promise<Buffer | null> {
    const [row]: Array<{ content: Buffer }> = await this.manager.query(`SELECT content FROM agenda_document WHERE id = $1 AND kind = 'attachment'`, [documentId]);
    return row?.content ?? null;
  }

  async nextItemPosition(meetingId: string, manager: EntityManager): Promise<number> {
    const [row]: Array<{ next: number }> = await manager.query(
      `SELECT COALESCE(max(position) + 1, 0)::int AS next FROM agenda_item WHERE meeting_id = $1`,
      [meetingId],
    );
    return row.next;
  }

  async insertItem(meetingId: string, item: Omit<AgendaItemRow, 'id'>, userId: string | null, manager: EntityManager): Promise<string | null> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO agenda_item (meeting_id, kind, title, public_title, diary_number, presenter, proposal, position, secret, secrecy_reference, memo_cycle_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (memo_cycle_id) DO NOTHING RETURNING id`,
      [
        meetingId,
        item.kind,
        item.title,
        item.public_title,
        item.diary_number,
        item.presenter,
        JSON.stringify(item.proposal),
        item.position,
        item.secret,
        item.secrecy_reference,
        item.memo_cycle_id,
        userId,
      ],
    );
    return row?.id ?? null;
  }

  async updateItem(itemId: string, item: Omit<AgendaItemRow, 'id' | 'position' | 'memo_cycle_id'>, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE agenda_item SET kind = $2, title = $3, public_title = $4, diary_number = $5, presenter = $6, proposal = $7, secret = $8,
              secrecy_reference = $9, updated_at = now() WHERE id = $1`,
      [itemId, item.kind, item.title, item.public_title, item.diary_number, item.presenter, JSON.stringify(item.proposal), item.secret, item.secrecy_reference],
    );
  }

  async deleteItem(itemId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM agenda_item WHERE id = $1`, [itemId]);
  }

  async setItemPositions(ids: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE agenda_item i SET position = o.ord - 1, updated_at = now() FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE i.id = o.id`,
      [ids],
    );
  }

  async insertDocument(
    itemId: string,
    d: {
      kind: 'memo' | 'report' | 'attachment';
      title: string;
      secret: boolean;
      secrecyReference: string | null;
      cycleId?: string | null;
      reportVersion?: number | null;
      fileName?: string | null;
      content?: Buffer | null;
      pages?: number | null;
      sha256?: string | null;
    },
    userId: string | null,
    manager: EntityManager,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO agenda_document (item_id, kind, title, position, secret, secrecy_reference, cycle_id, report_version, file_name, content, size, pages, sha256, created_by)
       VALUES ($1, $2, $3, (SELECT COALESCE(max(position) + 1, 0) FROM agenda_document WHERE item_id = $1), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING id`,
      [
        itemId,
        d.kind,
        d.title,
        d.secret,
        d.secrecyReference,
        d.cycleId ?? null,
        d.reportVersion ?? null,
        d.fileName ?? null,
        d.content ?? null,
        d.content ? d.content.length : null,
        d.pages ?? null,
        d.sha256 ?? null,
        userId,
      ],
    );
    return row.id;
  }

  async updateDocument(documentId: string, d: { title: string; secret: boolean; secrecyReference: string | null }, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE agenda_document SET title = $2, secret = $3, secrecy_reference = $4 WHERE id = $1`, [
      documentId,
      d.title,
      d.secret,
      d.secrecyReference,
    ]);
  }

  async setDocumentPositions(ids: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE agenda_document d SET position = o.ord - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE d.id = o.id`,
      [ids],
    );
  }

  async deleteDocument(documentId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM agenda_document WHERE id = $1`, [documentId]);
  }

  /**
   * Approved tjänsteskrivelser of the nämnd not yet on a meeting (their cycle's meeting date from
   * today on), with what the ärende takes from them.
   */
  async approvedMemosWithoutItem(committeeId: string, manager: EntityManager): Promise<ApprovedMemoRow[]> {
    return manager.query(
      `SELECT rc.id AS cycle_id, rc.committee_id, rc.meeting_date::text AS meeting_date, mo.content->>'title' AS title, rc.diary_number,
              COALESCE(mo.content->'proposals', '[]'::jsonb) AS proposals,
              (SELECT s->>'name' || COALESCE(', ' || lower(s->>'title'), '') FROM jsonb_array_elements(COALESCE(mo.content->'signatures', '[]'::jsonb)) s LIMIT 1) AS signer,
              (SELECT max(v.number) FROM report_version v WHERE v.cycle_id = rc.id) AS frozen_version
         FROM memo mo JOIN report_cycle rc ON rc.id = mo.cycle_id
        WHERE rc.committee_id = $1 AND mo.state = 'approved'
          AND NOT EXISTS (SELECT 1 FROM agenda_item i WHERE i.memo_cycle_id = rc.id)
          AND rc.meeting_date >= (now() AT TIME ZONE 'Europe/Stockholm')::date
        ORDER BY rc.meeting_date`,
      [committeeId],
    );
  }

  /** Each nämnd's latest cycle whose meeting is ahead: the demo plans a meeting for it. */
  async demoCycles(manager: EntityManager): Promise<Array<{ cycle_id: string; committee_id: string; meeting_date: string; title: string; diary_number: string; committee: string }>> {
    return manager.query(
      `SELECT DISTINCT ON (rc.committee_id) rc.id AS cycle_id, rc.committee_id, rc.meeting_date::text AS meeting_date, rc.title, rc.diary_number, c.name AS committee
         FROM report_cycle rc JOIN committee c ON c.id = rc.committee_id
        WHERE rc.meeting_date >= (now() AT TIME ZONE 'Europe/Stockholm')::date
        ORDER BY rc.committee_id, rc.meeting_date DESC`,
    );
  }

  /**
   * Ärenden from a tjänsteskrivelse whose report handling is missing or older than the latest
   * frozen version, on meetings whose kallelse has not gone out.
   */
  async staleReportDocuments(committeeId: string, manager: EntityManager): Promise<Array<{ item_id: string; meeting_id: string; cycle_id: string; frozen_version: number; document_id: string | null }>> {
    return manager.query(
      `SELECT i.id AS item_id, i.meeting_id, i.memo_cycle_id AS cycle_id, v.max AS frozen_version, d.id AS document_id
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
         JOIN LATERAL (SELECT max(number) AS max FROM report_version WHERE cycle_id = i.memo_cycle_id) v ON v.max IS NOT NULL
         LEFT JOIN agenda_document d ON d.item_id = i.id AND d.kind = 'report'
        WHERE m.committee_id = $1 AND m.state = 'planned' AND i.memo_cycle_id IS NOT NULL
          AND (d.id IS NULL OR d.report_version < v.max)`,
      [committeeId],
    );
  }

  async setReportVersion(documentId: string, version: number, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE agenda_document SET report_version = $2 WHERE id = $1`, [documentId, version]);
  }

  async cycleTitle(cycleId: string, manager: EntityManager): Promise<{ title: string; committee: string } | null> {
    const [row]: Array<{ title: string; committee: string }> = await manager.query(
      `SELECT rc.title, c.name AS committee FROM report_cycle rc JOIN committee c ON c.id = rc.committee_id WHERE rc.id = $1`,
      [cycleId],
    );
    return row ?? null;
  }

  // ── kallelse ──

  async kallelseVersions(meetingId: string, manager: EntityManager = this.manager): Promise<KallelseVersionRow[]> {
    return manager.query(
      `SELECT k.id, k.version, k.reason, k.input, k.sent_at, u.name AS sent_by_name,
              (SELECT count(*)::int FROM meeting_mail x WHERE x.kallelse_version_id = k.id) AS total,
              (SELECT count(*)::int FROM meeting_mail x WHERE x.kallelse_version_id = k.id AND x.status = 'sent') AS sent,
              (SELECT count(*)::int FROM meeting_mail x WHERE x.kallelse_version_id = k.id AND x.status = 'pending') AS pending,
              (SELECT count(*)::int FROM meeting_mail x WHERE x.kallelse_version_id = k.id AND x.status = 'failed') AS failed
         FROM kallelse_version k LEFT JOIN app_user u ON u.id = k.sent_by
        WHERE k.meeting_id = $1 ORDER BY k.version`,
      [meetingId],
    );
  }

  async insertKallelseVersion(meetingId: string, version: number, reason: string | null, input: unknown, userId: string, manager: EntityManager): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO kallelse_version (meeting_id, version, reason, input, sent_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [meetingId, version, reason, JSON.stringify(input), userId],
    );
    return row.id;
  }

  /** Outbox rows (pending); a row whose dedupe key exists already is not written again. Returns the new rows' ids. */
  async insertMails(
    meetingId: string,
    versionId: string | null,
    kind: 'kallelse' | 'absence' | 'deadline',
    recipients: ReadonlyArray<{ key: string; email: string; name: string }>,
    manager: EntityManager,
  ): Promise<string[]> {
    if (recipients.length === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO meeting_mail (meeting_id, kallelse_version_id, kind, dedupe_key, recipient, recipient_name)
       SELECT $1, $2, $3, r.key, r.email, r.name FROM jsonb_to_recordset($4::jsonb) AS r(key text, email text, name text)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [meetingId, versionId, kind, JSON.stringify(recipients)],
    );
    return rows.map((r) => r.id);
  }

  async mail(mailId: string): Promise<MeetingMailRow | null> {
    const [row]: MeetingMailRow[] = await this.manager.query(
      `SELECT x.id, x.recipient, x.recipient_name, x.status, x.kind, x.meeting_id, k.version, x.dedupe_key
         FROM meeting_mail x LEFT JOIN kallelse_version k ON k.id = x.kallelse_version_id WHERE x.id = $1`,
      [mailId],
    );
    return row ?? null;
  }

  /** Pending mails (the queue is rebuilt from them). */
  async pendingMails(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(`SELECT id FROM meeting_mail WHERE status = 'pending' ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  /** Planned meetings whose kallelse has not gone out, meeting from today on. */
  async meetingsAwaitingKallelse(meetingId: string | null = null): Promise<Array<{ id: string; committee_id: string; meeting_date: string; kallelse_working_days: number }>> {
    return this.manager.query(
      `SELECT m.id, m.committee_id, m.meeting_date::text AS meeting_date, COALESCE(s.kallelse_working_days, 7) AS kallelse_working_days
         FROM meeting m LEFT JOIN meeting_settings s ON s.committee_id = m.committee_id
        WHERE m.state = 'planned' AND m.meeting_date >= (now() AT TIME ZONE 'Europe/Stockholm')::date AND ($1::uuid IS NULL OR m.id = $1)`,
      [meetingId],
    );
  }

  /** The nämnd's secretaries (role secretary on the nämnd) with their addresses. */
  async secretaries(committeeId: string, manager: EntityManager = this.manager): Promise<Array<{ id: string; name: string; email: string }>> {
    return manager.query(
      `SELECT DISTINCT u.id, u.name, u.email FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE r.role = 'secretary' AND r.committee_id = $1 AND u.active`,
      [committeeId],
    );
  }

  // ── package, scan, publication ──

  async insertPackage(
    versionId: string,
    audience: 'internal' | 'public',
    p: { pdf: Buffer; zip: Buffer; manifest: unknown; pageCount: number; sha256: string },
    userId: string,
    manager: EntityManager,
  ): Promise<string> {
    await manager.query(`DELETE FROM meeting_package WHERE kallelse_version_id = $1 AND audience = $2 AND NOT EXISTS (SELECT 1 FROM publication pu WHERE pu.package_id = meeting_package.id)`, [
      versionId,
      audience,
    ]);
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO meeting_package (kallelse_version_id, audience, pdf, zip, manifest, files, page_count, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, '[]', $6, $7, $8) RETURNING id`,
      [versionId, audience, p.pdf, p.zip, JSON.stringify(p.manifest), p.pageCount, p.sha256, userId],
    );
    return row.id;
  }

  async insertFile(packageId: string, f: NewFile, manager: EntityManager): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO meeting_file (package_id, document_ref, item_number, title, file_name, pdf, html, text_pages, pages, size, sha256, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [packageId, f.documentRef, f.itemNumber, f.title, f.fileName, f.pdf, f.html, JSON.stringify(f.textPages), f.pages, f.pdf.length, f.sha256, f.position],
    );
    return row.id;
  }

  async insertHits(
    packageId: string,
    hits: ReadonlyArray<{ fileId: string; page: number; kind: string; match: string; context: string }>,
    manager: EntityManager,
  ): Promise<void> {
    for (const h of hits) {
      await manager.query(`INSERT INTO scan_hit (package_id, file_id, page, kind, match, context) VALUES ($1, $2, $3, $4, $5, $6)`, [
        packageId,
        h.fileId,
        h.page,
        h.kind,
        h.match.slice(0, 200),
        h.context,
      ]);
    }
  }

  /** The latest package of the meeting for the audience (of its latest kallelse version). */
  async latestPackage(meetingId: string, audience: 'internal' | 'public', manager: EntityManager = this.manager): Promise<PackageRow | null> {
    const [row]: PackageRow[] = await manager.query(
      `SELECT p.id, p.kallelse_version_id, k.version AS kallelse_version, p.audience, p.page_count, p.sha256, p.created_at
         FROM meeting_package p JOIN kallelse_version k ON k.id = p.kallelse_version_id
        WHERE k.meeting_id = $1 AND p.audience = $2 ORDER BY k.version DESC, p.created_at DESC LIMIT 1`,
      [meetingId, audience],
    );
    return row ?? null;
  }

  async packageBytes(packageId: string, what: 'pdf' | 'zip'): Promise<Buffer | null> {
    const [row]: Array<{ bytes: Buffer }> = await this.manager.query(`SELECT ${what === 'pdf' ? 'pdf' : 'zip'} AS bytes FROM meeting_package WHERE id = $1`, [
      packageId,
    ]);
    return row?.bytes ?? null;
  }

  async files(packageId: string, manager: EntityManager = this.manager): Promise<FileRow[]> {
    return manager.query(
      `SELECT id, package_id, document_ref, item_number, title, file_name, pages, size, sha256, html IS NOT NULL AS has_html, position
         FROM meeting_file WHERE package_id = $1 ORDER BY position`,
      [packageId],
    );
  }

  async fileContent(fileId: string): Promise<{ pdf: Buffer; html: string | null; file_name: string; package_id: string; meeting_id: string; audience: string } | null> {
    const [row]: Array<{ pdf: Buffer; html: string | null; file_name: string; package_id: string; meeting_id: string; audience: string }> =
      await this.manager.query(
        `SELECT f.pdf, f.html, f.file_name, f.package_id, k.meeting_id, p.audience
           FROM meeting_file f JOIN meeting_package p ON p.id = f.package_id JOIN kallelse_version k ON k.id = p.kallelse_version_id
          WHERE f.id = $1`,
        [fileId],
      );
    return row ?? null;
  }

  async hits(packageId: string, manager: EntityManager = this.manager): Promise<ScanHitRow[]> {
    return manager.query(
      `SELECT h.id, h.file_id, f.title AS document, h.page, h.kind, h.match, h.context, h.resolution, h.reason, u.name AS resolved_by_name
         FROM scan_hit h JOIN meeting_file f ON f.id = h.file_id LEFT JOIN app_user u ON u.id = h.resolved_by
        WHERE h.package_id = $1 ORDER BY f.position, h.page, h.id`,
      [packageId],
    );
  }

  async resolvedHits(packageId: string): Promise<Array<{ file_id: string; page: number; kind: string; match: string; reason: string; resolved_by: string }>> {
    return this.manager.query(
      `SELECT file_id, page, kind, match, reason, resolved_by FROM scan_hit WHERE package_id = $1 AND resolution IS NOT NULL AND resolved_by IS NOT NULL`,
      [packageId],
    );
  }

  async resolveHit(hitId: string, packageId: string, reason: string, userId: string, manager: EntityManager): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      manager,
      `UPDATE scan_hit SET resolution = 'not_personal_data', reason = $3, resolved_by = $4, resolved_at = now()
        WHERE id = $1 AND package_id = $2 AND resolution IS NULL RETURNING id`,
      [hitId, packageId, reason, userId],
    );
    return rows.length > 0;
  }

  async hitPackage(hitId: string): Promise<{ package_id: string; meeting_id: string } | null> {
    const [row]: Array<{ package_id: string; meeting_id: string }> = await this.manager.query(
      `SELECT h.package_id, k.meeting_id FROM scan_hit h JOIN meeting_package p ON p.id = h.package_id JOIN kallelse_version k ON k.id = p.kallelse_version_id WHERE h.id = $1`,
      [hitId],
    );
    return row ?? null;
  }

  async insertPublication(meetingId: string, packageId: string, scanned: unknown, userId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO publication (meeting_id, package_id, scanned, released_by) VALUES ($1, $2, $3, $4) ON CONFLICT (package_id) DO NOTHING RETURNING id`,
      [meetingId, packageId, JSON.stringify(scanned), userId],
    );
    return rows.length > 0;
  }

  async publication(meetingId: string, manager: EntityManager = this.manager): Promise<PublicationRow | null> {
    const [row]: PublicationRow[] = await manager.query(
      `SELECT pu.id, pu.package_id, pu.published_at, u.name AS released_by_name, pu.scanned, k.version AS kallelse_version
         FROM publication pu JOIN meeting_package p ON p.id = pu.package_id JOIN kallelse_version k ON k.id = p.kallelse_version_id
         LEFT JOIN app_user u ON u.id = pu.released_by
        WHERE pu.meeting_id = $1 ORDER BY pu.published_at DESC LIMIT 1`,
      [meetingId],
    );
    return row ?? null;
  }

  // ── public reads ──

  async publicCommittees(): Promise<Array<{ id: string; name: string; municipality: string; meeting_count: number }>> {
    return this.manager.query(
      `SELECT c.id, c.name, c.municipality, count(DISTINCT pu.meeting_id)::int AS meeting_count
         FROM committee c JOIN meeting m ON m.committee_id = c.id JOIN publication pu ON pu.meeting_id = m.id
        GROUP BY c.id ORDER BY c.municipality, c.name`,
    );
  }

  async publishedMeetings(committeeId: string | null, meetingId: string | null = null): Promise<Array<MeetingRow & { package_id: string; published_at: Date; kallelse_version: number; package_pages: number; package_size: number }>> {
    return this.manager.query(
      `SELECT DISTINCT ON (m.id) ${MEETING_COLUMNS}, pu.package_id, pu.published_at, k.version AS kallelse_version, p.page_count AS package_pages,
              octet_length(p.pdf) AS package_size
         FROM meeting m JOIN committee c ON c.id = m.committee_id JOIN publication pu ON pu.meeting_id = m.id
         JOIN meeting_package p ON p.id = pu.package_id JOIN kallelse_version k ON k.id = p.kallelse_version_id
        WHERE ($1::uuid IS NULL OR m.committee_id = $1) AND ($2::uuid IS NULL OR m.id = $2)
        ORDER BY m.id, pu.published_at DESC`,
      [committeeId, meetingId],
    );
  }

  async publishedFile(fileId: string): Promise<{ pdf: Buffer; html: string | null; file_name: string; title: string } | null> {
    const [row]: Array<{ pdf: Buffer; html: string | null; file_name: string; title: string }> = await this.manager.query(
      `SELECT f.pdf, f.html, f.file_name, f.title FROM meeting_file f JOIN publication pu ON pu.package_id = f.package_id WHERE f.id = $1`,
      [fileId],
    );
    return row ?? null;
  }

  async publishedFileMeta(fileId: string): Promise<(FileRow & { meeting_id: string; published_at: Date }) | null> {
    const [row]: Array<FileRow & { meeting_id: string; published_at: Date }> = await this.manager.query(
      `SELECT f.id, f.package_id, f.document_ref, f.item_number, f.title, f.file_name, f.pages, f.size, f.sha256, f.html IS NOT NULL AS has_html, f.position,
              pu.meeting_id, pu.published_at
         FROM meeting_file f JOIN publication pu ON pu.package_id = f.package_id WHERE f.id = $1`,
      [fileId],
    );
    return row ?? null;
  }

  async publishedItem(itemId: string): Promise<{ meeting_id: string } | null> {
    const [row]: Array<{ meeting_id: string }> = await this.manager.query(
      `SELECT i.meeting_id FROM agenda_item i WHERE i.id = $1 AND EXISTS (SELECT 1 FROM publication pu WHERE pu.meeting_id = i.meeting_id)`,
      [itemId],
    );
    return row ?? null;
  }

  // ── members ──

  async notes(userId: string, meetingId: string, manager: EntityManager = this.manager): Promise<Record<string, string>> {
    const rows: Array<{ document_ref: string; text: string }> = await manager.query(
      `SELECT document_ref, text FROM member_note WHERE user_id = $1 AND meeting_id = $2`,
      [userId, meetingId],
    );
    return Object.fromEntries(rows.map((r) => [r.document_ref, r.text]));
  }

  async saveNote(userId: string, meetingId: string, documentRef: string, text: string, manager: EntityManager): Promise<void> {
    if (text === '') {
      await manager.query(`DELETE FROM member_note WHERE user_id = $1 AND meeting_id = $2 AND document_ref = $3`, [userId, meetingId, documentRef]);
      return;
    }
    await manager.query(
      `INSERT INTO member_note (user_id, meeting_id, document_ref, text) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, meeting_id, document_ref) DO UPDATE SET text = $4, updated_at = now()`,
      [userId, meetingId, documentRef, text],
    );
  }

  async absences(meetingId: string, manager: EntityManager = this.manager): Promise<Array<{ user_id: string; message: string | null }>> {
    return manager.query(`SELECT user_id, message FROM meeting_absence WHERE meeting_id = $1`, [meetingId]);
  }

  async insertAbsence(meetingId: string, userId: string, message: string | null, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO meeting_absence (meeting_id, user_id, message) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [meetingId, userId, message],
    );
    return rows.length > 0;
  }

  async userName(userId: string, manager: EntityManager = this.manager): Promise<{ name: string; email: string } | null> {
    const [row]: Array<{ name: string; email: string }> = await manager.query(`SELECT name, email FROM app_user WHERE id = $1`, [userId]);
    return row ?? null;
  }
}
