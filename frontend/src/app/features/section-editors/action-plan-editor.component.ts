import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  ACTION_PLAN_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  emptyContent,
  parseActionStatus,
  parseSwedishNumber,
  type SectionConfig,
  type TaskContent,
} from '@rapportflode/domain';
import { AccessibleTableComponent } from '../../shared/accessible-table.component';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { type ActionDraftRow, type ActionPlanDraft, figureText, newActionRow, toActionPlanDraft } from './section-drafts';
import { moveItem, pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';
import { actionStatusTable, type EarlierContent } from './section-views';

type ActionField = 'action' | 'area' | 'years' | 'status' | 'comment' | 'effect';

/**
 * An action plan (åtgärdsplan) as a grid: åtgärd, ansvarsområde (a choice when the template
 * lists them), år, status, kommentar and, where the template has it, effekt in tkr; rows added,
 * removed and moved; and each action's status over the earlier cycles and now.
 */
@Component({
  selector: 'rf-action-plan-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AccessibleTableComponent, SectionIssuesComponent],
  template: `
    <div class="table-wrap" (focusout)="focusOut($event)">
      <table [attr.aria-describedby]="describedBy()">
        <caption>
          {{ title() }}
        </caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">Rad</span></th>
            @for (f of fields(); track f) {
              <th scope="col" [class.number]="f === 'effect'">{{ labels[f] }}</th>
            }
            @if (editing()) {
              <th scope="col"><span class="visually-hidden">Åtgärder</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of draft().rows; track row.key; let i = $index, last = $last) {
            <tr>
              <th scope="row">{{ i + 1 }}</th>
              @for (f of fields(); track f) {
                <td [class.number]="f === 'effect'">
                  @if (editing()) {
                    @if (f === 'status' || (f === 'area' && areas().length > 0)) {
                      <select
                        [id]="id(row.key, f)"
                        [attr.aria-label]="labels[f] + ', rad ' + (i + 1)"
                        [disabled]="locked()"
                        [attr.aria-invalid]="error(row.key, f) ? true : null"
                        [attr.aria-describedby]="errorId(row.key, f)"
                        (change)="set(row.key, f, value($event))"
                        (keydown)="enter($event, order(), row.key, f)"
                      >
                        <option value="" [selected]="row[f] === ''">{{ f === 'status' ? 'Välj status' : 'Inget område' }}</option>
                        @for (choice of choices(f); track choice.code) {
                          <option [value]="choice.code" [selected]="row[f] === choice.code">{{ choice.label }}</option>
                        }
                      </select>
                    } @else {
                      <input
                        type="text"
                        autocomplete="off"
                        [class]="f === 'effect' ? 'number' : f === 'action' || f === 'comment' ? 'wide' : 'text'"
                        [attr.inputmode]="f === 'effect' ? 'numeric' : null"
                        [id]="id(row.key, f)"
                        [value]="row[f]"
                        [readOnly]="locked()"
                        [attr.aria-label]="labels[f] + ', rad ' + (i + 1)"
                        [attr.aria-invalid]="error(row.key, f) ? true : null"
                        [attr.aria-describedby]="errorId(row.key, f)"
                        (input)="set(row.key, f, value($event))"
                        (change)="f === 'effect' && tidyEffect(row.key)"
                        (keydown)="enter($event, order(), row.key, f)"
                        (paste)="paste($event, row.key, f)"
                      />
                    }
                    @if (error(row.key, f); as message) {
                      <span class="cell-error" [id]="errorId(row.key, f)">{{ message }}</span>
                    }
                  } @else {
                    <span [class.pre]="f === 'comment' || f === 'action'">{{ shown(row, f) }}</span>
                  }
                </td>
              }
              @if (editing()) {
                <td class="actions">
                  <button type="button" [disabled]="locked() || i === 0" (click)="move(i, -1)">Flytta upp rad {{ i + 1 }}</button>
                  <button type="button" [disabled]="locked() || last" (click)="move(i, 1)">Flytta ned rad {{ i + 1 }}</button>
                  <button type="button" [disabled]="locked()" (click)="remove(row.key)">Ta bort rad {{ i + 1 }}</button>
                  @if (error(row.key, 'row'); as message) {
                    <span class="cell-error">{{ message }}</span>
                  }
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="fields().length + (editing() ? 2 : 1)" class="muted">Inga åtgärder ännu.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (editing()) {
      <div class="table-actions">
        <button type="button" [disabled]="locked()" (click)="add()">Lägg till åtgärd</button>
      </div>
      <rf-section-issues [messages]="check().messages" [pasteNote]="pasteNote()" />
    }
    @if (showHistory() && earlier().length > 0) {
      <h3 class="history-heading">Status över tid</h3>
      <rf-accessible-table [table]="history()" />
    }
  `,
  styles: [
    SECTION_EDITOR_STYLES,
    `
      .history-heading {
        font: var(--mat-sys-title-small);
        margin: 1rem 0 0;
      }
    `,
  ],
})
export class ActionPlanEditorComponent extends SectionEditorBase<ActionPlanDraft> {
  readonly earlier = input<readonly EarlierContent[]>([]);
  readonly period = input('');
  readonly showHistory = input(true);

  protected readonly prefix = 'ap';
  protected readonly labels = ACTION_PLAN_FIELD_LABELS;
  protected readonly areas = computed(() => this.config()?.actionPlan?.areas ?? []);
  protected readonly fields = computed<ActionField[]>(() => [
    'action',
    'area',
    'years',
    'status',
    'comment',
    ...(this.config()?.actionPlan?.effect ? (['effect'] as const) : []),
  ]);
  protected readonly order = computed(() => this.draft().rows.map((r) => r.key));
  protected readonly history = computed(() => actionStatusTable(this.earlier(), this.period(), this.draft()));

  protected toDraft(_config: SectionConfig | null, content: TaskContent): ActionPlanDraft {
    return toActionPlanDraft(content.type === 'action_plan' ? content : (emptyContent('action_plan') as never));
  }

  protected choices(field: ActionField): Array<{ code: string; label: string }> {
    return field === 'status'
      ? ACTION_STATUSES.map((code) => ({ code, label: ACTION_STATUS_LABELS[code] }))
      : this.areas().map((area) => ({ code: area, label: area }));
  }

  protected shown(row: ActionDraftRow, field: ActionField): string {
    if (field === 'status') return ACTION_STATUS_LABELS[row.status as keyof typeof ACTION_STATUS_LABELS] ?? row.status;
    return row[field] || (field === 'effect' ? '–' : '');
  }

  protected set(key: string, field: ActionField, text: string): void {
    this.edit((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, [field]: text } : r)) }));
  }

  protected tidyEffect(key: string): void {
    this.draft.update((d) => ({
      ...d,
      rows: d.rows.map((r) => {
        if (r.key !== key) return r;
        const parsed = parseSwedishNumber(r.effect);
        return parsed.ok && parsed.value !== null && Number.isInteger(parsed.value) ? { ...r, effect: figureText(parsed.value, 0) } : r;
      }),
    }));
  }

  protected add(): void {
    const row = newActionRow();
    this.edit((d) => ({ ...d, rows: [...d.rows, row] }));
    this.focusLater(this.id(row.key, 'action'));
  }

  protected remove(key: string): void {
    this.edit((d) => ({ ...d, rows: d.rows.filter((r) => r.key !== key) }));
    this.focusAddButton();
  }

  protected move(index: number, by: number): void {
    this.edit((d) => ({ ...d, rows: moveItem(d.rows, index, by) }));
    this.focusMovedRow(index, by, this.draft().rows.length);
  }

  /** A block from Excel fills the row's fields rightwards and the rows downwards (a status as its text). */
  protected paste(event: ClipboardEvent, key: string, field: ActionField): void {
    const block = this.pastedBlock(event);
    if (!block) return;
    const result = pasteBlock(this.draft().rows, { key, field }, this.fields(), block, () => newActionRow(), (row, f, text) => ({
      ...row,
      [f]: f === 'status' ? (parseActionStatus(text) ?? text) : text,
    }));
    this.edit((d) => ({ ...d, rows: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
