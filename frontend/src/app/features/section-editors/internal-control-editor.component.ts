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

/**
 * The internal control plan: its rows (kontrollområde … rapporteras i/till) with this period's
 * result and comment (required for Avvikelse and Ej genomförd), and the risk tables (risk,
 * orsak, påverkan, hantering, Ännu aktuell / Ej aktuell risk).
 */
@Component({
  selector: 'rf-internal-control-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SectionIssuesComponent],
  template: `
    <div (focusout)="focusOut($event)">
      <div class="table-wrap">
        <table [attr.aria-describedby]="describedBy()">
          <caption>
            {{ title() }}: kontrollplan
          </caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">Rad</span></th>
              @for (f of planFields; track f) {
                <th scope="col">{{ planLabels[f] }}</th>
              }
              @if (editing()) {
                <th scope="col"><span class="visually-hidden">Åtgärder</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of draft().plan; track row.key; let i = $index) {
              <tr>
                <th scope="row">{{ i + 1 }}</th>
                @for (f of planFields; track f) {
                  <td>
                    @if (editing()) {
                      @if (f === 'result') {
                        <select
                          [id]="id(row.key, f)"
                          [attr.aria-label]="planLabels[f] + ', kontroll ' + (i + 1)"
                          [disabled]="locked()"
                          [attr.aria-invalid]="error(row.key, f) ? true : null"
                          [attr.aria-describedby]="errorId(row.key, f)"
                          (change)="setPlan(row.key, f, value($event))"
                          (keydown)="enter($event, planOrder(), row.key, f)"
                        >
                          <option value="" [selected]="row.result === ''">Inte rapporterat</option>
                          @for (code of results; track code) {
                            <option [value]="code" [selected]="row.result === code">{{ resultLabels[code] }}</option>
                          }
                        </select>
                      } @else {
                        <input
                          type="text"
                          autocomplete="off"
                          [class]="f === 'goal' || f === 'method' || f === 'comment' ? 'wide' : 'text'"
                          [id]="id(row.key, f)"
                          [value]="row[f]"
                          [readOnly]="locked()"
                          [attr.aria-label]="planLabels[f] + ', kontroll ' + (i + 1)"
                          [attr.aria-invalid]="error(row.key, f) ? true : null"
                          [attr.aria-describedby]="errorId(row.key, f)"
                          (input)="setPlan(row.key, f, value($event))"
                          (keydown)="enter($event, planOrder(), row.key, f)"
                          (paste)="pastePlan($event, row.key, f)"
                        />
                      }
                      @if (error(row.key, f); as message) {
                        <span class="cell-error" [id]="errorId(row.key, f)">{{ message }}</span>
                      }
                    } @else {
                      <span class="pre">{{ f === 'result' ? resultText(row.result) : row[f] }}</span>
                    }
                  </td>
                }
                @if (editing()) {
                  <td class="actions">
                    <button type="button" [disabled]="locked()" (click)="removePlan(row.key)">Ta bort kontroll {{ i + 1 }}</button>
                    @if (error(row.key, 'row'); as message) {
                      <span class="cell-error">{{ message }}</span>
                    }
                  </td>
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="planFields.length + (editing() ? 2 : 1)" class="muted">Inga kontroller ännu.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (editing()) {
        <div class="table-actions">
          <button type="button" [disabled]="locked()" (click)="addPlan()">Lägg till kontroll</button>
        </div>
      }

      @for (table of draft().risks; track table.key; let t = $index) {
        <div class="risk-table">
          @if (editing()) {
            <label [for]="id(table.key, 'title')">Rubrik för risktabell {{ t + 1 }}</label>
            <input
              type="text"
              class="wide"
              [id]="id(table.key, 'title')"
              [value]="table.title"
              [readOnly]="locked()"
              [attr.aria-invalid]="error(table.key, 'title') ? true : null"
              [attr.aria-describedby]="errorId(table.key, 'title')"
              (input)="setTitle(table.key, value($event))"
            />
            @if (error(table.key, 'title'); as message) {
              <span class="cell-error" [id]="errorId(table.key, 'title')">{{ message }}</span>
            }
          }
          <div class="table-wrap">
            <table>
              <caption>
                {{ table.title || 'Risktabell ' + (t + 1) }}
              </caption>
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">Rad</span></th>
                  @for (f of riskFields; track f) {
                    <th scope="col">{{ riskLabels[f] }}</th>
                  }
                  @if (editing()) {
                    <th scope="col"><span class="visually-hidden">Åtgärder</span></th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (row of table.rows; track row.key; let i = $index) {
                  <tr>
                    <th scope="row">{{ i + 1 }}</th>
                    @for (f of riskFields; track f) {
                      <td>
                        @if (editing()) {
                          @if (f === 'status') {
                            <select
                              [id]="id(row.key, f)"
                              [attr.aria-label]="riskLabels[f] + ', risk ' + (i + 1)"
                              [disabled]="locked()"
                              [attr.aria-invalid]="error(row.key, f) ? true : null"
                              [attr.aria-describedby]="errorId(row.key, f)"
                              (change)="setRisk(table.key, row.key, f, value($event))"
                            >
                              @for (code of riskStatuses; track code) {
                                <option [value]="code" [selected]="row.status === code">{{ riskStatusLabels[code] }}</option>
                              }
                            </select>
                          } @else {
                            <input
                              type="text"
                              autocomplete="off"
                              [class]="f === 'group' ? 'text' : 'wide'"
                              [id]="id(row.key, f)"
                              [value]="row[f]"
                              [readOnly]="locked()"
                              [attr.aria-label]="riskLabels[f] + ', risk ' + (i + 1)"
                              [attr.aria-invalid]="error(row.key, f) ? true : null"
                              [attr.aria-describedby]="errorId(row.key, f)"
                              (input)="setRisk(table.key, row.key, f, value($event))"
                              (keydown)="enter($event, riskOrder(table), row.key, f)"
                              (paste)="pasteRisk($event, table.key, row.key, f)"
                            />
                          }
                          @if (error(row.key, f); as message) {
                            <span class="cell-error" [id]="errorId(row.key, f)">{{ message }}</span>
                          }
                        } @else {
                          <span class="pre">{{ f === 'status' ? riskStatusText(row.status) : row[f] }}</span>
                        }
                      </td>
                    }
                    @if (editing()) {
                      <td class="actions">
                        <button type="button" [disabled]="locked()" (click)="removeRisk(table.key, row.key)">Ta bort risk {{ i + 1 }}</button>
                      </td>
                    }
                  </tr>
                } @empty {
                  <tr>
                    <td [attr.colspan]="riskFields.length + (editing() ? 2 : 1)" class="muted">Inga risker ännu.</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (editing()) {
            <div class="table-actions">
              <button type="button" [disabled]="locked()" (click)="addRisk(table.key)">Lägg till risk i risktabell {{ t + 1 }}</button>
              <button type="button" [disabled]="locked()" (click)="removeTable(table.key)">Ta bort risktabell {{ t + 1 }}</button>
            </div>
          }
        </div>
      }
      @if (editing()) {
        <div class="table-actions">
          <button type="button" [disabled]="locked()" (click)="addTable()">Lägg till risktabell</button>
        </div>
        <rf-section-issues [messages]="check().messages" [beforeSubmit]="check().beforeSubmit" [pasteNote]="pasteNote()" />
      }
    </div>
  `,
  styles: [
    SECTION_EDITOR_STYLES,
    `
      .risk-table {
        margin-top: 1.5rem;
      }
    `,
  ],
})
export class InternalControlEditorComponent extends SectionEditorBase<InternalControlDraft> {
  protected readonly prefix = 'ic';
  protected readonly planFields = PLAN_FIELDS;
  protected readonly planLabels = PLAN_LABELS;
  protected readonly riskFields = RISK_FIELDS;
  protected readonly riskLabels = RISK_LABELS;
  protected readonly results = CONTROL_RESULTS;
  protected readonly resultLabels = CONTROL_RESULT_LABELS;
  protected readonly riskStatuses = RISK_STATUSES;
  protected readonly riskStatusLabels = RISK_STATUS_LABELS;
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

  protected pastePlan(event: ClipboardEvent, key: string, field: PlanField): void {
    const block = this.pastedBlock(event);
    if (!block) return;
    const result = pasteBlock(this.draft().plan, { key, field }, PLAN_FIELDS, block, () => newControlRow(), (row, f, text) => ({
      ...row,
      [f]: f === 'result' ? (parseControlResult(text) ?? text) : text,
    }));
    this.edit((d) => ({ ...d, plan: result.rows }));
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }

  protected pasteRisk(event: ClipboardEvent, tableKey: string, key: string, field: RiskField): void {
    const block = this.pastedBlock(event);
    if (!block) return;
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
