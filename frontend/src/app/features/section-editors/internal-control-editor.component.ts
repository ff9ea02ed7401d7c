import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import {
  controlResultLabels,
  emptyContent,
  INTERNAL_CONTROL_LAYOUT_LABELS,
  internalControlLayoutOf,
  parseControlResult,
  parseRiskStatus,
  RECOMMENDATION_FIELDS,
  riskStatusLabel,
  riskStatusLabels,
  type SectionConfig,
  SYSTEMATIC_CONTROL_FIELDS,
  type TaskContent,
} from '@rapportflode/domain';
import { type GridChoice, GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import {
  type ControlDraftRow,
  type InternalControlDraft,
  newControlRow,
  newRiskRow,
  newRiskTable,
  type RiskDraftRow,
  type RiskDraftTable,
  toInternalControlDraft,
} from './section-drafts';
import { newRowKey, pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';

type PlanField = Exclude<keyof ControlDraftRow, 'key'>;
type RiskField = Exclude<keyof RiskDraftRow, 'key'>;

const PLAN_LABELS: Readonly<Record<PlanField, string>> = {
  group: 'Rubrik',
  area: 'Kontrollområde',
  goal: 'Kontrollmål',
  responsible: 'Ansvarig',
  method: 'Metod',
  frequency: 'Frekvens',
  reportedTo: 'Rapporteras i/till',
  result: 'Resultat',
  comment: 'Kommentar',
};
const PLAN_FIELDS = Object.keys(PLAN_LABELS) as PlanField[];
const RISK_LABELS: Readonly<Record<RiskField, string>> = {
  group: 'Rubrik',
  risk: 'Risk',
  cause: 'Orsak',
  impact: 'Påverkan',
  handling: 'Hantering',
  status: 'Status',
};
const RISK_FIELDS = Object.keys(RISK_LABELS) as RiskField[];

/** A row of the audit recommendations or systematic controls layout: text by field. */
type LayoutRow = { key: string } & Record<string, string>;

/**
 * The internal control plan: its rows (kontrollområde … rapporteras i/till) with this period's
 * result and comment (required for Avvikelse and Ej genomförd), and the risk tables (risk,
 * orsak, påverkan, hantering, Ännu aktuell / Ej aktuell risk or a status the template adds).
 * With the template's other layouts the main table is the auditors' recommendations (revision/
 * granskning, bakgrund, åtgärd, status) or the systematic controls (mål/process, kontroll, status
 * och kommentar) instead of the plan.
 */
@Component({
  selector: 'rf-internal-control-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GridCellComponent, RowCommentButtonComponent, RowCommentPanelComponent, SectionIssuesComponent],
  templateUrl: './internal-control-editor.component.html',
  styles: SECTION_EDITOR_STYLES,
  styleUrl: './internal-control-editor.component.css',
})
export class InternalControlEditorComponent extends SectionEditorBase<InternalControlDraft> {
  protected readonly prefix = 'ic';
  protected readonly planFields = PLAN_FIELDS;
  protected readonly planLabels = PLAN_LABELS;
  protected readonly riskFields = RISK_FIELDS;
  protected readonly riskLabels = RISK_LABELS;
  protected readonly resultChoices = computed<readonly GridChoice[]>(() =>
    Object.entries(controlResultLabels(this.config()?.internalControl)).map(([value, label]) => ({ value, label })),
  );
  protected readonly riskStatusChoices = computed<readonly GridChoice[]>(() =>
    Object.entries(riskStatusLabels(this.config()?.internalControl)).map(([value, label]) => ({ value, label })),
  );
  protected readonly planOrder = computed(() => this.draft().plan.map((r) => r.key));
  protected readonly layout = computed(() => internalControlLayoutOf(this.config()?.internalControl));
  protected readonly layoutLabel = computed(() => INTERNAL_CONTROL_LAYOUT_LABELS[this.layout()]);
  /** The other layouts' columns and rows (empty for the plan). */
  protected readonly layoutFields = computed(() => (this.layout() === 'audit_recommendations' ? RECOMMENDATION_FIELDS : this.layout() === 'systematic_controls' ? SYSTEMATIC_CONTROL_FIELDS : []));
  protected readonly layoutRows = computed<readonly LayoutRow[]>(() => {
    const d = this.draft();
    return ((this.layout() === 'audit_recommendations' ? d.recommendations : d.controls) ?? []) as unknown as LayoutRow[];
  });
  protected readonly layoutOrder = computed(() => this.layoutRows().map((r) => r.key));
  private readonly layoutFieldNames = computed(() => this.layoutFields().map((f) => f.field));

  protected toDraft(_config: SectionConfig | null, content: TaskContent): InternalControlDraft {
    return toInternalControlDraft(content.type === 'internal_control' ? content : (emptyContent('internal_control') as never));
  }

  protected riskOrder(table: RiskDraftTable): string[] {
    return table.rows.map((r) => r.key);
  }

  protected resultText(result: string): string {
    return result ? (controlResultLabels(this.config()?.internalControl)[result] ?? result) : 'Inte rapporterat';
  }

  protected riskStatusText(status: string): string {
    return riskStatusLabel(this.config()?.internalControl, status);
  }

  private setLayoutRows(rows: readonly LayoutRow[]): void {
    const field = this.layout() === 'audit_recommendations' ? 'recommendations' : 'controls';
    this.edit((d) => ({ ...d, [field]: rows }));
  }

  private newLayoutRow(): LayoutRow {
    return { key: newRowKey(), ...Object.fromEntries(this.layoutFieldNames().map((f) => [f, ''])) } as LayoutRow;
  }

  protected setLayoutRow(key: string, field: string, text: string): void {
    this.setLayoutRows(this.layoutRows().map((r) => (r.key === key ? { ...r, [field]: text } : r)));
  }

  protected addLayoutRow(): void {
    const row = this.newLayoutRow();
    this.setLayoutRows([...this.layoutRows(), row]);
    this.focusLater(this.id(row.key, this.layoutFieldNames()[0]));
  }

  protected removeLayoutRow(key: string): void {
    this.setLayoutRows(this.layoutRows().filter((r) => r.key !== key));
    this.focusAddButton();
  }

  protected pasteLayoutRow(block: string[][], key: string, field: string): void {
    const result = pasteBlock(this.layoutRows(), { key, field }, this.layoutFieldNames(), block, () => this.newLayoutRow(), (row, f, text) => ({ ...row, [f]: text }));
    this.setLayoutRows(result.rows);
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }

  protected setPlan(key: string, field: PlanField, text: string): void {
    this.edit((d) => ({ ...d, plan: d.plan.map((r) => (r.key === key ? { ...r, [field]: text } : r)) }));
  }

  private updateTable(tableKey: string, change: (table: RiskDraftTable) => RiskDraftTable): void {
    this.edit((d) => ({ ...d, risks: d.risks.map((t) => (t.key === tableKey ? change(t) : t)) }));
  }

  protected setTitle(tableKey: string, text: string): void {
    this.updateTable(tableKey, (t) => ({ ...t, title: text }));
  }

  protected setRisk(tableKey: string, key: string, field: RiskField, text: string): void {
    this.updateTable(tableKey, (t) => ({ ...t, rows: t.rows.map((r) => (r.key === key ? { ...r, [field]: text } : r)) }));
  }

  protected addPlan(): void {
    const row = newControlRow();
    this.edit((d) => ({ ...d, plan: [...d.plan, row] }));
    this.focusLater(this.id(row.key, 'group'));
  }

  protected removePlan(key: string): void {
    this.edit((d) => ({ ...d, plan: d.plan.filter((r) => r.key !== key) }));
    this.focusAddButton();
  }

  protected addTable(): void {
    const table = newRiskTable();
    this.edit((d) => ({ ...d, risks: [...d.risks, table] }));
    this.focusLater(this.id(table.key, 'title'));
  }

  protected removeTable(tableKey: string): void {
    this.edit((d) => ({ ...d, risks: d.risks.filter((t) => t.key !== tableKey) }));
    this.focusAddButton();
  }

  protected addRisk(tableKey: string): void {
    const row = newRiskRow();
    this.updateTable(tableKey, (t) => ({ ...t, rows: [...t.rows, row] }));
    this.focusLater(this.id(row.key, 'group'));
  }

  protected removeRisk(tableKey: string, key: string): void {
    this.updateTable(tableKey, (t) => ({ ...t, rows: t.rows.filter((r) => r.key !== key) }));
    this.focusAddButton();
  }

  protected pastePlan(block: string[][], key: string, field: PlanField): void {
    const result = pasteBlock(this.draft().plan, { key, field }, PLAN_FIELDS, block, () => newControlRow(), (row, f, text) => ({
      ...row,
      [f]: f === 'result' ? (parseControlResult(text, this.config()?.internalControl) ?? text) : text,
    }));
    this.edit((d) => ({ ...d, plan: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }

  protected pasteRisk(block: string[][], tableKey: string, key: string, field: RiskField): void {
    const table = this.draft().risks.find((t) => t.key === tableKey);
    if (!table) return;
    const result = pasteBlock(table.rows, { key, field }, RISK_FIELDS, block, () => newRiskRow(), (row, f, text) => ({
      ...row,
      [f]: f === 'status' ? (parseRiskStatus(text, this.config()?.internalControl) ?? text) : text,
    }));
    this.updateTable(tableKey, (t) => ({ ...t, rows: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
