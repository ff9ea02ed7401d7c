import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type AgendaItemDto, endpointUrl, MEETINGS_API, type PackageFileDto } from '@rapportflode/api-contract';
import { AGENDA_ITEM_KIND_LABELS } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { SvNumberPipe } from '../../shared/sv-format.pipes';
import { DOCUMENT_KIND_LABELS, orderedDocuments } from './agenda';
import { MeetingStore } from './meeting-store';

/** The files of the package by ärende: the kallelse and other files without an ärende first. */
export function filesByItem(
  items: readonly AgendaItemDto[],
  files: readonly PackageFileDto[],
): { general: PackageFileDto[]; items: Array<{ item: AgendaItemDto; files: PackageFileDto[] }> } {
  return {
    general: files.filter((f) => f.itemNumber === null || !items.some((i) => i.number === f.itemNumber)),
    items: [...items]
      .sort((a, b) => a.number - b.number)
      .map((item) => ({ item, files: files.filter((f) => f.itemNumber === item.number) })),
  };
}

/**
 * The meeting for those who read it (a ledamot, an ersättare, the förvaltningschef): the
 * handlingar by ärende with their links, a ledamot's own notes on each handling and "Anmäl förhinder".
 */
@Component({
  selector: 'rf-meeting-reading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, NgTemplateOutlet, MatFormFieldModule, MatInputModule, SvNumberPipe],
  templateUrl: './meeting-reading.component.html',
  styleUrls: ['./meeting-shared.css', './meeting-reading.component.css'],
})
export class MeetingReadingComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);

  protected readonly grouped = computed(() => {
    const m = this.store.meeting();
    return m ? filesByItem(m.items, m.internalPackage?.files ?? []) : { general: [], items: [] };
  });
  /** The notes as typed, by the handling they are on; back to the stored ones whenever the meeting is fetched again. */
  protected readonly notes = linkedSignal<Record<string, string>>(() => ({
    ...(this.store.meeting()?.mine?.notes ?? {}),
  }));
  protected readonly savedRef = signal<string | null>(null);
  protected readonly absenceMessage = signal('');
  protected readonly kindLabels = AGENDA_ITEM_KIND_LABELS;
  protected readonly documentKinds = DOCUMENT_KIND_LABELS;
  protected readonly documents = orderedDocuments;

  protected fileUrl(fileId: string, format: 'pdf' | 'html'): string {
    return endpointUrl(MEETINGS_API.file, { meetingId: this.store.meeting()?.id ?? '', fileId }, { format });
  }

  protected kallelseUrl(): string {
    const m = this.store.meeting();
    const last = m?.kallelseVersions.reduce((max, v) => Math.max(max, v.version), 0) ?? 0;
    return endpointUrl(
      MEETINGS_API.kallelse,
      { meetingId: m?.id ?? '' },
      { format: 'pdf', version: last || undefined },
    );
  }

  protected packageUrl(): string {
    return endpointUrl(
      MEETINGS_API.package,
      { meetingId: this.store.meeting()?.id ?? '' },
      { format: 'pdf', audience: 'internal' },
    );
  }

  protected noteText(ref: string): string {
    return this.notes()[ref] ?? '';
  }

  protected setNote(ref: string, text: string): void {
    this.notes.update((notes) => ({ ...notes, [ref]: text }));
    if (this.savedRef() === ref) this.savedRef.set(null);
  }

  protected async saveNote(file: PackageFileDto): Promise<void> {
    const meeting = this.store.meeting();
    if (!meeting) return;
    const text = this.notes()[file.documentRef] ?? '';
    const ok = await this.store.change(
      () => this.api.call(MEETINGS_API.saveNote, { meetingId: meeting.id, documentRef: file.documentRef }, { text }),
      `Anteckningen om ${file.title} sparades.`,
      { reason: 'none' },
    );
    if (ok) this.savedRef.set(file.documentRef);
  }

  protected async reportAbsence(): Promise<void> {
    const meeting = this.store.meeting();
    if (!meeting) return;
    const message = this.absenceMessage().trim();
    await this.store.change(
      () => this.api.call(MEETINGS_API.reportAbsence, { meetingId: meeting.id }, message ? { message } : {}),
      'Du har anmält förhinder. Sekreteraren har fått ditt meddelande.',
      { reason: 'none' },
    );
  }
}
