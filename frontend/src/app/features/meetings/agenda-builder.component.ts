import { CdkDrag, type CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type AgendaItemDto, MEETINGS_API, type MeetingDto } from '@rapportflode/api-contract';
import { AGENDA_ITEM_KIND_LABELS } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { agendaOrder, groupAgenda, moveAgendaItem, type MovedAgenda, stepAgendaItem } from './agenda';
import { AgendaDocumentsComponent } from './agenda-documents.component';
import { AgendaItemFormComponent } from './agenda-item-form.component';
import { MeetingStore } from './meeting-store';

/**
 * Ärenden: the föredragningslista builder. The ärenden in the parts of the list (by their kind),
 * numbered 1…n with the previewed § number; moved by drag and drop or by the Flytta upp / Flytta
 * ned buttons (a screen reader hears where it went), each sending the whole new order. Each
 * ärende opens its form and lists its handlingar.
 */
@Component({
  selector: 'rf-agenda-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AgendaDocumentsComponent,
    AgendaItemFormComponent,
    CdkDrag,
    CdkDragHandle,
    CdkDropList,
    MatButtonModule,
    RouterLink,
  ],
  templateUrl: './agenda-builder.component.html',
  styleUrls: ['./meeting-shared.css', './agenda-builder.component.css'],
})
export class AgendaBuilderComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly groups = computed(() => groupAgenda(this.store.meeting()?.items ?? []));
  protected readonly kindLabels = AGENDA_ITEM_KIND_LABELS;
  protected readonly readyKinds = ['memo', 'report'] as const;
  /** The ärende whose form is open ('new' for Nytt ärende). */
  protected readonly editing = signal<string | null>(null);
  /** The ärende waiting for "Ta bort" to be confirmed. */
  protected readonly confirmDelete = signal<string | null>(null);
  /** Said by the live region after a move. */
  protected readonly announcement = signal('');

  protected step(item: AgendaItemDto, by: -1 | 1): void {
    const meeting = this.store.meeting();
    if (!meeting) return;
    const moved = stepAgendaItem(meeting.items, item.id, by);
    void this.send(meeting, moved, () => this.focusMoveButton(item.id, by));
  }

  protected dropped(event: CdkDragDrop<AgendaItemDto[]>): void {
    const meeting = this.store.meeting();
    if (!meeting || event.previousContainer !== event.container) return;
    const moved = moveAgendaItem(meeting.items, {
      itemId: (event.item.data as AgendaItemDto).id,
      toIndex: event.currentIndex,
    });
    void this.send(meeting, moved);
  }

  /** Shows the new order at once and sends it; puts the old one back when the server does not take it. */
  private async send(before: MeetingDto, moved: MovedAgenda, focus?: () => void): Promise<void> {
    if (!moved.changed || this.store.busy()) return;
    const optimistic = { ...before, items: moved.items };
    this.store.meeting.set(optimistic);
    this.announcement.set(moved.announcement ?? '');
    focus?.();
    const itemIds = agendaOrder(groupAgenda(moved.items));
    const ok = await this.store.change(
      (version, reason) => this.api.call(MEETINGS_API.order, { meetingId: before.id }, { version, itemIds, reason }),
      'Den nya ordningen sparades.',
    );
    if (!ok && this.store.meeting() === optimistic) {
      this.store.meeting.set(before);
      this.announcement.set('Ordningen ändrades inte.');
    }
    // Again once the change is through: a reason dialog in between took the focus.
    focus?.();
  }

  /** Keeps the focus on the button pressed, or on the other one when the ärende reached the end of its part. */
  private focusMoveButton(itemId: string, by: -1 | 1): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const same = root.querySelector<HTMLButtonElement>(`#${by < 0 ? 'up' : 'down'}-${CSS.escape(itemId)}`);
        const other = root.querySelector<HTMLButtonElement>(`#${by < 0 ? 'down' : 'up'}-${CSS.escape(itemId)}`);
        (same && !same.disabled ? same : other)?.focus();
      },
      { injector: this.injector },
    );
  }

  protected toggleForm(id: string): void {
    this.editing.update((current) => (current === id ? null : id));
  }

  protected async remove(meeting: MeetingDto, item: AgendaItemDto): Promise<void> {
    const ok = await this.store.change(
      (version, reason) =>
        this.api.call(MEETINGS_API.deleteItem, { meetingId: meeting.id, itemId: item.id }, { version, reason }),
      `Ärendet ${item.title} togs bort.`,
    );
    if (ok) this.confirmDelete.set(null);
  }

  protected readyText(item: AgendaItemDto, kind: 'memo' | 'report'): string | null {
    const document = item.documents.find((d) => d.kind === kind);
    if (!document) return null;
    const what = kind === 'memo' ? 'Tjänsteskrivelsen' : 'Rapporten';
    if (document.ready) return `${what} är klar`;
    return kind === 'memo' ? `${what} är inte godkänd ännu` : `${what} är inte fastställd ännu`;
  }

  protected ready(item: AgendaItemDto, kind: 'memo' | 'report'): boolean {
    return item.documents.find((d) => d.kind === kind)?.ready ?? false;
  }
}
