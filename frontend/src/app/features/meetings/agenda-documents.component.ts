import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type AgendaDocumentDto, type AgendaItemDto, endpointUrl, MEETINGS_API } from '@rapportflode/api-contract';
import { ATTACHMENT_MAX_BYTES, normaliseSecrecyReference, SECRECY_REFERENCE_HINT } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { fileSizeText } from '../../shared/file-size';
import { SvNumberPipe } from '../../shared/sv-format.pipes';
import { DOCUMENT_KIND_LABELS, orderedDocuments } from './agenda';
import { attachmentForm, MeetingStore } from './meeting-store';

/** The problem of a chosen file before it is sent, or null. */
export function uploadProblem(file: Pick<File, 'name' | 'type' | 'size'> | null): string | null {
  if (!file) return 'Välj en PDF-fil.';
  if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf'))
    return 'Bilagan måste vara en PDF-fil.';
  if (file.size > ATTACHMENT_MAX_BYTES) return `Filen är för stor: högst ${fileSizeText(ATTACHMENT_MAX_BYTES)}.`;
  if (file.size === 0) return 'Filen är tom.';
  return null;
}

/** An ärende's handlingar in order: secrecy, moves, removal, and "Ladda upp bilaga (PDF)". */
@Component({
  selector: 'rf-agenda-documents',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, SvNumberPipe],
  templateUrl: './agenda-documents.component.html',
  styleUrls: ['./meeting-shared.css', './agenda-documents.component.css'],
})
export class AgendaDocumentsComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('file');

  readonly item = input.required<AgendaItemDto>();

  protected readonly documents = computed(() => orderedDocuments(this.item()));
  protected readonly kindLabels = DOCUMENT_KIND_LABELS;
  protected readonly size = fileSizeText;
  protected readonly secrecyHint = SECRECY_REFERENCE_HINT;

  protected readonly uploading = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly title = signal('');
  protected readonly secret = signal(false);
  protected readonly secrecyReference = signal('');
  protected readonly uploadErrors = signal<string[]>([]);

  protected fileUrl(document: AgendaDocumentDto): string {
    return endpointUrl(MEETINGS_API.attachment, { meetingId: this.store.meeting()?.id ?? '', documentId: document.id });
  }

  protected async move(document: AgendaDocumentDto, by: -1 | 1): Promise<void> {
    const meeting = this.store.meeting();
    const index = this.documents().findIndex((d) => d.id === document.id);
    const to = index + by;
    if (!meeting || to < 0 || to >= this.documents().length) return;
    await this.store.change(
      (version, reason) =>
        this.api.call(
          MEETINGS_API.updateDocument,
          { meetingId: meeting.id, documentId: document.id },
          { version, position: to, reason },
        ),
      `${document.title} flyttad till plats ${to + 1} i ärendet.`,
    );
  }

  protected setSecret(document: AgendaDocumentDto, secret: boolean): void {
    void this.store.setDocumentSecret(document, secret);
  }

  protected async remove(document: AgendaDocumentDto): Promise<void> {
    const meeting = this.store.meeting();
    if (!meeting) return;
    await this.store.change(
      (version, reason) =>
        this.api.call(
          MEETINGS_API.deleteDocument,
          { meetingId: meeting.id, documentId: document.id },
          { version, reason },
        ),
      `${document.title} togs bort.`,
    );
  }

  protected chosen(files: FileList | null): void {
    this.file.set(files?.[0] ?? null);
    this.uploadErrors.set([]);
  }

  protected async upload(): Promise<void> {
    const meeting = this.store.meeting();
    if (!meeting) return;
    const file = this.file();
    const errors: string[] = [];
    const problem = uploadProblem(file);
    if (problem) errors.push(problem);
    const reference = this.secret() ? normaliseSecrecyReference(this.secrecyReference()) : null;
    if (this.secret() && reference === null) errors.push(SECRECY_REFERENCE_HINT);
    this.uploadErrors.set(errors);
    if (errors.length || !file) return;
    const title = this.title().trim();
    const ok = await this.store.change(
      (version, reason) =>
        this.api.call(
          MEETINGS_API.uploadAttachment,
          { meetingId: meeting.id, itemId: this.item().id },
          attachmentForm(file, version, {
            title: title || undefined,
            secret: this.secret(),
            secrecyReference: reference,
            reason,
          }),
        ),
      `${title || file.name} laddades upp.`,
      { errors: this.uploadErrors },
    );
    if (ok) {
      this.uploading.set(false);
      this.file.set(null);
      this.title.set('');
      this.secret.set(false);
      this.secrecyReference.set('');
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    }
  }
}
