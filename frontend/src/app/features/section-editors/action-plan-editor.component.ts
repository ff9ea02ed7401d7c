import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  ACTION_PLAN_FIELD_LABELS,
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  emptyContent,
  parseActionStatus,
  type SectionConfig,
  type TaskContent,
} from '@rapportflode/domain';
import { AccessibleTableComponent } from '../../shared/accessible-table.component';
import { type GridChoice, GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { RowListEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { type ActionDraftRow, type ActionPlanDraft, newActionRow, tidyFigure, toActionPlanDraft } from './section-drafts';
import { pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';
import { actionStatusTable, type EarlierContent } from './section-views';

type ActionField = 'action' | 'area' | 'years' | 'status' | 'comment' | 'effect';
const STATUS_CHOICES: readonly GridChoice[] = ACTION_STATUSES.map((code) => ({ value: code, label: ACTION_STATUS_LABELS[code] }));

/**
 * An action plan (åtgärdsplan) as a grid: åtgärd, ansvarsområde (a choice when the template
 * lists them), år, status, kommentar and, where the template has it, effekt in tkr; rows added,
 * removed and moved; and each action's status over the earlier cycles and now.
 */
@Component({
  selector: 'rf-action-plan-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AccessibleTableComponent, GridCellComponent, RowCommentButtonComponent, RowCommentPanelComponent, SectionIssuesComponent],
  templateUrl: './action-plan-editor.component.html',
  styles: SECTION_EDITOR_STYLES,
  styleUrl: './action-plan-editor.component.css',
})
export class ActionPlanEditorComponent extends RowListEditorBase<ActionPlanDraft> {
  readonly earlier = input<readonly EarlierContent[]>([]);
  readonly period = input('');
  readonly showHistory = input(true);

  protected readonly prefix = 'ap';
  protected readonly labels = ACTION_PLAN_FIELD_LABELS;
  private readonly areaChoices = computed<GridChoice[]>(() => (this.config()?.actionPlan?.areas ?? []).map((area) => ({ value: area, label: area })));
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

  /** A status, and an area where the template lists them, is chosen; the other fields are typed. */
  protected choicesFor(field: ActionField): readonly GridChoice[] | null {
    if (field === 'status') return STATUS_CHOICES;
    return field === 'area' && this.areaChoices().length > 0 ? this.areaChoices() : null;
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
        const effect = r.key === key ? tidyFigure(r.effect, 0) : null;
        return effect === null ? r : { ...r, effect };
      }),
    }));
  }

  protected add(): void {
    const row = newActionRow();
    this.edit((d) => ({ ...d, rows: [...d.rows, row] }));
    this.focusLater(this.id(row.key, 'action'));
  }

  /** A block from Excel fills the row's fields rightwards and the rows downwards (a status as its text). */
  protected paste(block: string[][], key: string, field: ActionField): void {
    const result = pasteBlock(this.draft().rows, { key, field }, this.fields(), block, () => newActionRow(), (row, f, text) => ({
      ...row,
      [f]: f === 'status' ? (parseActionStatus(text) ?? text) : text,
    }));
    this.edit((d) => ({ ...d, rows: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
