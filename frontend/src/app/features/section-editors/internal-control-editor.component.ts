import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import {
  CONTROL_RESULT_LABELS,
  CONTROL_RESULTS,
  emptyContent,
  parseControlResult,
  parseRiskStatus,
  RISK_STATUS_LABELS,
  RISK_STATUSES,
  type SectionConfig,
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
import { pasteBlock, pasteNote } from './section-grid';
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
const RESULT_CHOICES: readonly GridChoice[] = CONTROL_RESULTS.map((code) => ({ value: code, label: CONTROL_RESULT_LABELS[code] }));
const RISK_STATUS_CHOICES: readonly GridChoice[] = RISK_STATUSES.map((code) => ({ value: code, label: RISK_STATUS_LABELS[code] }));

/**
 * The internal control plan: its rows (kontrollområde … rapporteras i/till) with this period's
 * result and comment (required for Avvikelse and Ej genomförd), and the risk tables (risk,
 * orsak, påverkan, hantering, Ännu aktuell / Ej aktuell risk).
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
  protected readonly resultChoices = RESULT_CHOICES;
  protected readonly riskStatusChoices = RISK_STATUS_CHOICES;
  protected readonly planOrder = computed(() => this.draft().plan.map((r) => r.key));

  protected toDraft(_config: SectionConfig | null, content: TaskContent): InternalControlDraft {
    return toInternalControlDraft(content.type === 'internal_control' ? content : (emptyContent('internal_control') as never));
  }

  protected riskOrder(table: RiskDraftTable): string[] {
    return table.rows.map((r) => r.key);
  }

  protected resultText(result: string): string {
    return CONTROL_RESULT_LABELS[result as keyof typeof CONTROL_RESULT_LABELS] ?? 'Inte rapporterat';
  }

  protected riskStatusText(status: string): string {
    return RISK_STATUS_LABELS[status as keyof typeof RISK_STATUS_LABELS] ?? status;
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
      [f]: f === 'result' ? (parseControlResult(text) ?? text) : text,
    }));
    this.edit((d) => ({ ...d, plan: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }

  protected pasteRisk(block: string[][], tableKey: string, key: string, field: RiskField): void {
    const table = this.draft().risks.find((t) => t.key === tableKey);
    if (!table) return;
    const result = pasteBlock(table.rows, { key, field }, RISK_FIELDS, block, () => newRiskRow(), (row, f, text) => ({
      ...row,
      [f]: f === 'status' ? (parseRiskStatus(text) ?? text) : text,
    }));
    this.updateTable(tableKey, (t) => ({ ...t, rows: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
