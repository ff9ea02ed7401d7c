import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type AgendaItemDto, MEETINGS_API } from '@rapportflode/api-contract';
import { AGENDA_ITEM_KIND_LABELS, AGENDA_ITEM_KINDS, SECRECY_REFERENCE_HINT } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { MemoLinesComponent } from '../memos/memo-lines.component';
import { type AgendaItemForm, agendaItemForm, checkAgendaItem } from './meeting-forms';
import { MeetingStore } from './meeting-store';

/** An ärende's form: new (no item) or changing one; `closed` after saving or Avbryt. */
@Component({
  selector: 'rf-agenda-item-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MemoLinesComponent],
  templateUrl: './agenda-item-form.component.html',
  styleUrls: ['./meeting-shared.css', './agenda-item-form.component.css'],
})
export class AgendaItemFormComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly item = input<AgendaItemDto | null>(null);
  readonly closed = output<void>();

  protected readonly form = linkedSignal<AgendaItemForm>(() => agendaItemForm(this.item() ?? undefined));
  protected readonly errors = signal<string[]>([]);
  protected readonly kinds = AGENDA_ITEM_KINDS;
  protected readonly kindLabels = AGENDA_ITEM_KIND_LABELS;
  protected readonly secrecyHint = SECRECY_REFERENCE_HINT;

  constructor() {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('select, input')?.focus(), {
      injector: inject(Injector),
    });
  }

  protected set<K extends keyof AgendaItemForm>(key: K, value: AgendaItemForm[K]): void {
    this.form.update((form) => ({ ...form, [key]: value }));
  }

  protected async save(): Promise<void> {
    const meeting = this.store.meeting();
    if (!meeting) return;
    const checked = checkAgendaItem(this.form());
    if (!checked.ok) {
      this.errors.set(checked.errors);
      return;
    }
    this.errors.set([]);
    const item = this.item();
    const ok = await this.store.change(
      (version, reason) =>
        item
          ? this.api.call(
              MEETINGS_API.updateItem,
              { meetingId: meeting.id, itemId: item.id },
              { ...checked.value, version, reason },
            )
          : this.api.call(MEETINGS_API.createItem, { meetingId: meeting.id }, { ...checked.value, version, reason }),
      item ? `Ärendet ${checked.value.title} sparades.` : `Ärendet ${checked.value.title} lades till.`,
      { errors: this.errors },
    );
    if (ok) this.closed.emit();
  }
}
