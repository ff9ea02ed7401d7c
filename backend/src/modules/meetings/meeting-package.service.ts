import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeetingDto } from '@rapportflode/api-contract';
import { kallelseModel } from '@rapportflode/documents';
import { compilePackage, zipPackage, type PackageDocument, type PackagePart } from '@rapportflode/documents/package';
import { numberAgenda } from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { DocumentRenderer } from '../documents/document-renderer.service';
import { MemosService } from '../memos/memos.service';
import { ReportsService } from '../reports/reports.service';
import type { Audience, KallelseSnapshot } from './kallelse.service';
import { MeetingErrors } from './meeting-rules';
import { MeetingsRepository, type NewFile } from './meetings.repository';
import { type MeetingActor, MeetingsService } from './meetings.service';
import { extractPdfTexts } from './pdf-text';
import { contactDetailsIn, scanPersonalData } from './personal-data-scan';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file name for the ZIP and downloads: letters, digits and dashes. */
export function safeFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'handling'}.pdf`;
}

interface BuiltFile extends NewFile {
  part: number;
}

/**
 * The nämndhandlingar of a sent kallelse: every document rendered or taken as uploaded, one
 * merged PDF with bookmarks and page numbers and a ZIP of the separate files (libs/documents
 * package entry), for the meeting's members (internal) and for publishing (public: no secret
 * ärende's handlingar, no secret handling, the kallelse's public version). The public version's
 * text is scanned for personal data (personal-data-scan.ts); publishing waits until every hit is
 * resolved. Files are stored and served as stored.
 */
@Injectable()
export class MeetingPackageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MeetingsRepository,
    private readonly meetings: MeetingsService,
    private readonly renderer: DocumentRenderer,
    private readonly memos: MemosService,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async compile(meetingId: string, actor: MeetingActor): Promise<MeetingDto> {
    const meeting = await this.repository.find(meetingId);
    if (!meeting) throw MeetingErrors.notFound();
    const versions = await this.repository.kallelseVersions(meetingId);
    const last = versions.at(-1);
    if (!last) throw new DomainError('kallelse_not_sent', 'Skicka kallelsen först: handlingarna sammanställs för den kallelse som gått ut.');
    const snapshot = last.input as KallelseSnapshot;
    const [items, documents] = await Promise.all([this.repository.items(meetingId), this.repository.documents(meetingId)]);
    const numbered = numberAgenda(items);
    type Planned = Omit<BuiltFile, 'textPages' | 'pages' | 'fileName' | 'sha256'>;
    const planned: Record<Audience, Planned[]> = { internal: [], public: [] };
    const cache = new Map<string, { pdf: Buffer; html: string | null }>();
    for (const audience of ['internal', 'public'] as const) {
      const part = snapshot[audience];
      const model = kallelseModel(part.input, part.items);
      const ref = audience === 'public' ? 'kallelse-offentlig' : 'kallelse';
      planned[audience].push({ documentRef: ref, itemNumber: null, title: 'Kallelse och föredragningslista', pdf: await this.renderer.pdf(model), html: this.renderer.html(model, 'standalone'), position: 0, part: 0 });
      for (const item of numbered) {
        if (audience === 'public' && item.secret) continue;
        for (const doc of documents.filter((d) => d.item_id === item.id)) {
          if (audience === 'public' && doc.secret) continue;
          let source = cache.get(doc.id);
          if (!source) {
            source = await this.source(doc);
            cache.set(doc.id, source);
          }
          planned[audience].push({ documentRef: doc.id, itemNumber: item.number, title: doc.title, ...source, position: planned[audience].length, part: item.number });
        }
      }
    }
    // Every document's text in one worker, each read once (a handling in both versions has the same text).
    const unique = [...new Map([...planned.internal, ...planned.public].map((f) => [f.documentRef, f.pdf])).entries()];
    const read = await extractPdfTexts(unique.map(([, pdf]) => pdf));
    const texts = new Map(unique.map(([ref], i) => [ref, read[i]]));
    const built: Record<Audience, BuiltFile[]> = {
      internal: planned.internal.map((f) => this.file(f, texts.get(f.documentRef) as string[])),
      public: planned.public.map((f) => this.file(f, texts.get(f.documentRef) as string[])),
    };
    const previousHits = await this.previousResolutions(meetingId);
    const published = await this.repository.publication(meetingId);
    if (published && published.kallelse_version === last.version) {
      throw new DomainError(
        'meeting_state_invalid',
        `Handlingarna till kallelsens version ${last.version} är publicerade och sammanställs inte om. Ändra sammanträdet och skicka en rättelse; då sammanställs och publiceras nya handlingar.`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.find(meetingId, manager, true);
      if (!locked) throw MeetingErrors.notFound();
      for (const audience of ['internal', 'public'] as const) {
        const files = built[audience];
        const titleOf = (n: number | null) => (n === null ? 'Kallelse och föredragningslista' : (audience === 'public' && numbered.find((i) => i.number === n)?.secret ? '' : (numbered.find((i) => i.number === n)?.title ?? '')));
        const parts: PackagePart[] = [];
        for (const f of files) {
          let partEntry = parts.find((p) => p.itemNumber === f.itemNumber);
          if (!partEntry) {
            partEntry = { itemNumber: f.itemNumber, title: titleOf(f.itemNumber), documents: [] };
            parts.push(partEntry);
          }
          (partEntry.documents as PackageDocument[]).push({ title: f.title, fileName: f.fileName, pdf: f.pdf });
        }
        const input = {
          committee: meeting.committee_name,
          municipality: meeting.municipality,
          meetingDate: meeting.meeting_date,
          title: `Handlingar till ${meeting.committee_name}s sammanträde ${meeting.meeting_date}${audience === 'public' ? ' (offentlig version)' : ''}`,
          parts,
        };
        const compiled = await compilePackage(input);
        const zip = zipPackage(input, compiled);
        const packageId = await this.repository.insertPackage(
          last.id,
          audience,
          { pdf: Buffer.from(compiled.pdf), zip: Buffer.from(zip), manifest: compiled.manifest, pageCount: compiled.pageCount, sha256: compiled.sha256 },
          actor.userId,
          manager,
        );
        const fileIds = new Map<string, string>();
        for (const f of files) fileIds.set(f.documentRef, await this.repository.insertFile(packageId, f, manager));
        if (audience === 'public') {
          const settings = await this.repository.settings(meeting.committee_id, manager);
          // The nämnd's own contact line (Förhinder anmäls till …) is published on purpose.
          const own = contactDetailsIn(settings?.absence_contact ?? '');
          const hits = scanPersonalData(
            files.flatMap((f) => f.textPages.map((text, i) => ({ documentId: f.documentRef, page: i + 1, text }))),
            { allowedEmailDomains: settings?.public_mail_domains ?? [], allowedAddresses: own.addresses, allowedPhoneNumbers: own.phones },
          );
          await this.repository.insertHits(
            packageId,
            hits.map((h) => ({ fileId: fileIds.get(h.documentId) as string, page: h.page, kind: h.kind, match: h.match, context: h.context })),
            manager,
          );
          // A hit confirmed as not personal data stays confirmed when the same text is compiled again.
          for (const hit of await this.repository.hits(packageId, manager)) {
            const ref = files.find((f) => fileIds.get(f.documentRef) === hit.file_id)?.documentRef;
            const earlier = previousHits.get(`${ref}|${hit.page}|${hit.kind}|${hit.match}`);
            if (earlier) await this.repository.resolveHit(hit.id, packageId, earlier.reason, earlier.userId, manager);
          }
        }
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.package',
        entityType: 'meeting',
        entityId: meetingId,
        committeeId: meeting.committee_id,
        before: null,
        after: { date: meeting.meeting_date, kallelseVersion: last.version, files: built.internal.length, publicFiles: built.public.length },
        ip: actor.ip,
      });
    });
    return this.meetings.get(meetingId, actor);
  }

  /** The resolutions of the latest public package's hits, by document, page, kind and match. */
  private async previousResolutions(meetingId: string): Promise<Map<string, { reason: string; userId: string }>> {
    const out = new Map<string, { reason: string; userId: string }>();
    const previous = await this.repository.latestPackage(meetingId, 'public');
    if (!previous) return out;
    const files = await this.repository.files(previous.id);
    for (const hit of await this.repository.resolvedHits(previous.id)) {
      const ref = files.find((f) => f.id === hit.file_id)?.document_ref;
      out.set(`${ref}|${hit.page}|${hit.kind}|${hit.match}`, { reason: hit.reason, userId: hit.resolved_by });
    }
    return out;
  }

  private file(f: Omit<BuiltFile, 'textPages' | 'pages' | 'fileName' | 'sha256'>, textPages: string[]): BuiltFile {
    return { ...f, fileName: safeFileName(f.title), textPages, pages: textPages.length, sha256: sha256(f.pdf) };
  }

  /** A handling's bytes: the approved memo and the frozen report rendered, a bilaga as uploaded. */
  private async source(doc: { id: string; kind: 'memo' | 'report' | 'attachment'; cycle_id: string | null; report_version: number | null }): Promise<{ pdf: Buffer; html: string | null }> {
    if (doc.kind === 'attachment') {
      const meetingDoc = await this.repository.documentContent(doc.id);
      if (!meetingDoc) throw MeetingErrors.documentNotFound();
      return { pdf: meetingDoc, html: null };
    }
    const cycleId = doc.cycle_id as string;
    if (doc.kind === 'memo') {
      const [pdf, html] = await Promise.all([this.memos.document(cycleId, 'pdf'), this.memos.document(cycleId, 'html')]);
      return { pdf: pdf.body, html: html.body.toString('utf8') };
    }
    const version = doc.report_version as number;
    const { model } = await this.reports.document(cycleId, version);
    const pdf = await this.reports.versionFile(cycleId, version, 'pdf', async () => this.renderer.pdf(model, await this.reports.pdfAttachments(cycleId, model)));
    return { pdf, html: this.renderer.html(model, 'standalone') };
  }

  async download(meetingId: string, what: 'pdf' | 'zip', audience: Audience): Promise<{ body: Buffer; nameParts: string[] }> {
    const meeting = await this.repository.find(meetingId);
    if (!meeting) throw MeetingErrors.notFound();
    const row = await this.repository.latestPackage(meetingId, audience);
    if (!row) throw new DomainError('package_not_compiled', 'Handlingarna är inte sammanställda ännu.');
    const body = await this.repository.packageBytes(row.id, what);
    if (!body) throw new DomainError('package_not_compiled', 'Handlingarna är inte sammanställda ännu.');
    return { body, nameParts: ['Handlingar', meeting.committee_name, meeting.meeting_date, ...(audience === 'public' ? ['offentlig'] : [])] };
  }

  /** One file of the meeting's packages (members and the secretary). */
  async meetingFile(meetingId: string, fileId: string, format: 'pdf' | 'html'): Promise<{ body: Buffer; fileName: string; html: boolean }> {
    const row = await this.repository.fileContent(fileId);
    if (!row || row.meeting_id !== meetingId) throw MeetingErrors.documentNotFound();
    if (format === 'html') {
      if (!row.html) throw new DomainError('format_invalid', 'Handlingen finns bara som PDF.');
      return { body: Buffer.from(row.html, 'utf8'), fileName: row.file_name.replace(/\.pdf$/, '.html'), html: true };
    }
    return { body: row.pdf, fileName: row.file_name, html: false };
  }

  /** A hit confirmed as not personal data, with the reason (audited). */
  async resolveHit(meetingId: string, hitId: string, reason: string, actor: MeetingActor): Promise<MeetingDto> {
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why.length < 3) throw new DomainError('scan_resolution_invalid', 'Skriv varför träffen inte är en personuppgift (till exempel "Kommunens växelnummer").');
    const hit = await this.repository.hitPackage(hitId);
    if (!hit || hit.meeting_id !== meetingId) throw new DomainError('scan_hit_not_found', 'Träffen finns inte i den senaste sammanställningen. Ladda om sidan.');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.repository.find(meetingId, manager, true);
      if (!meeting) throw MeetingErrors.notFound();
      const latest = await this.repository.latestPackage(meetingId, 'public', manager);
      if (!latest || latest.id !== hit.package_id) throw new DomainError('scan_hit_not_found', 'Träffen hör till en äldre sammanställning. Ladda om sidan.');
      if (!(await this.repository.resolveHit(hitId, hit.package_id, why.slice(0, 1000), actor.userId, manager))) {
        throw new DomainError('scan_resolution_invalid', 'Träffen är redan hanterad.');
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.scan_hit_resolve',
        entityType: 'meeting',
        entityId: meetingId,
        committeeId: meeting.committee_id,
        before: null,
        after: { date: meeting.meeting_date, hit: hitId, reason: why },
        ip: actor.ip,
      });
    });
    return this.meetings.get(meetingId, actor);
  }

  /**
   * Publishes the public package: only the latest one, compiled after the meeting's last change,
   * with every personal-data hit resolved. The record keeps what was scanned and who released it.
   */
  async publish(meetingId: string, actor: MeetingActor): Promise<MeetingDto> {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.repository.find(meetingId, manager, true);
      if (!meeting) throw MeetingErrors.notFound();
      const latest = await this.repository.latestPackage(meetingId, 'public', manager);
      if (!latest) throw new DomainError('package_not_compiled', 'Sammanställ handlingarna innan de publiceras.');
      const changedAfter = latest.created_at.getTime() < meeting.updated_at.getTime();
      const versions = await this.repository.kallelseVersions(meetingId, manager);
      if (changedAfter || versions.at(-1)?.version !== latest.kallelse_version) {
        throw new DomainError('package_not_compiled', 'Sammanträdet har ändrats sedan handlingarna sammanställdes. Sammanställ dem igen och publicera sedan.');
      }
      const hits = await this.repository.hits(latest.id, manager);
      const open = hits.filter((h) => !h.resolution);
      if (open.length) {
        throw new DomainError(
          'publication_blocked',
          `Handlingarna kan inte publiceras: ${open.length} ${open.length === 1 ? 'träff' : 'träffar'} på möjliga personuppgifter är inte hanterade.`,
          open.map((h) => `${h.document}, sida ${h.page}: ${h.match}`),
        );
      }
      const files = await this.repository.files(latest.id, manager);
      const scanned = files.map((f) => ({ document: f.title, pages: f.pages }));
      if (!(await this.repository.insertPublication(meetingId, latest.id, scanned, actor.userId, manager))) {
        throw new DomainError('meeting_state_invalid', 'Den här sammanställningen är redan publicerad.');
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'meeting.publish',
        entityType: 'meeting',
        entityId: meetingId,
        committeeId: meeting.committee_id,
        before: null,
        after: { date: meeting.meeting_date, kallelseVersion: latest.kallelse_version, files: scanned.length, hitsResolved: hits.length },
        ip: actor.ip,
      });
    });
    return this.meetings.get(meetingId, actor);
  }
}

