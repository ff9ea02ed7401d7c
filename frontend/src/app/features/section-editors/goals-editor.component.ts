import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import {
  ASSESSMENT_DISPLAY,
  ASSESSMENTS,
  type Assessment,
  emptyContent,
  goalsColumnLabels,
  INDICATOR_UNIT_LABELS,
  parseSwedishNumber,
  type SectionConfig,
  type TaskContent,
} from '@rapportflode/domain';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import {
  type CommitteeGoalDraft,
  type CouncilGoalDraft,
  figureText,
  type GoalsDraft,
  goalsDecimals,
  type IndicatorDraft,
  newCommitteeGoal,
  newCouncilGoal,
  newIndicator,
  toGoalsDraft,
} from './section-drafts';
import { pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';
import { indicatorFulfilment, indicatorText } from './section-views';

type IndicatorText = 'name' | 'previous' | 'value' | 'target' | 'source' | 'comment';
const FIGURES = ['previous', 'value', 'target'] as const;
/** The columns a block pasted from the reports' indicator tables fills: name, then the figures. */
const PASTE_FIELDS: readonly IndicatorText[] = ['name', 'previous', 'value', 'target'];

/**
 * Goals and indicators: kommunfullmäktige's goals, the nämnd's goals under each (title,
 * assessment, comment), and their indicators (last year's value, this year's, target, the
 * computed måluppfyllelse, assessment, source, comment). An assessment is always shown as its
 * text, the colour only an addition.
 */
@Component({
  selector: 'rf-goals-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SectionIssuesComponent],
  template: `
    <div (focusout)="focusOut($event)" [attr.aria-describedby]="describedBy()">
      @for (goal of draft().goals; track goal.key; let g = $index) {
        <section class="council-goal" [attr.aria-label]="'Kommunfullmäktiges mål ' + (g + 1)">
          @if (editing()) {
            <label [for]="id(goal.key, 'title')">Kommunfullmäktiges mål {{ g + 1 }}</label>
            <textarea
              rows="2"
              [id]="id(goal.key, 'title')"
              [value]="goal.title"
              [readOnly]="locked()"
              [attr.aria-invalid]="error(goal.key, 'title') ? true : null"
              [attr.aria-describedby]="errorId(goal.key, 'title')"
              (input)="setGoal(goal.key, value($event))"
            ></textarea>
            @if (error(goal.key, 'title'); as message) {
              <span class="cell-error" [id]="errorId(goal.key, 'title')">{{ message }}</span>
            }
          } @else {
            <h3 class="goal-title"><span class="kind">Kommunfullmäktiges mål: </span>{{ goal.title }}</h3>
          }

          @for (cg of goal.committeeGoals; track cg.key; let c = $index) {
            <div class="committee-goal">
              @if (editing()) {
                <label [for]="id(cg.key, 'title')">Nämndmål {{ g + 1 }}.{{ c + 1 }}</label>
                <textarea
                  rows="2"
                  [id]="id(cg.key, 'title')"
                  [value]="cg.title"
                  [readOnly]="locked()"
                  [attr.aria-invalid]="error(cg.key, 'title') ? true : null"
                  [attr.aria-describedby]="errorId(cg.key, 'title')"
                  (input)="setCommittee(goal.key, cg.key, 'title', value($event))"
                ></textarea>
                @if (error(cg.key, 'title'); as message) {
                  <span class="cell-error" [id]="errorId(cg.key, 'title')">{{ message }}</span>
                }
                <div class="assessment-field">
                  <label [for]="id(cg.key, 'assessment')">Bedömning av nämndmål {{ g + 1 }}.{{ c + 1 }}</label>
                  <select
                    [id]="id(cg.key, 'assessment')"
                    [disabled]="locked()"
                    [attr.aria-invalid]="error(cg.key, 'assessment') ? true : null"
                    [attr.aria-describedby]="errorId(cg.key, 'assessment')"
                    (change)="setCommittee(goal.key, cg.key, 'assessment', value($event))"
                  >
                    <option value="" [selected]="cg.assessment === ''">Ej bedömt</option>
                    @for (a of assessments; track a) {
                      <option [value]="a" [selected]="cg.assessment === a">{{ display[a].label }}</option>
                    }
                  </select>
                  @if (badge(cg.assessment); as b) {
                    <span class="badge" [class]="'badge badge-' + b.colour" aria-hidden="true">{{ b.label }}</span>
                  }
                  @if (error(cg.key, 'assessment'); as message) {
                    <span class="cell-error" [id]="errorId(cg.key, 'assessment')">{{ message }}</span>
                  }
                </div>
                <label [for]="id(cg.key, 'comment')">Kommentar till nämndmål {{ g + 1 }}.{{ c + 1 }}</label>
                <textarea
                  rows="3"
                  [id]="id(cg.key, 'comment')"
                  [value]="cg.comment"
                  [readOnly]="locked()"
                  (input)="setCommittee(goal.key, cg.key, 'comment', value($event))"
                ></textarea>
              } @else {
                <h4 class="committee-title"><span class="kind">Nämndmål: </span>{{ cg.title }}</h4>
                <p>
                  Bedömning:
                  @if (badge(cg.assessment); as b) {
                    <span [class]="'badge badge-' + b.colour">{{ b.label }}</span>
                  } @else {
                    <span class="muted">Ej bedömt</span>
                  }
                </p>
                @if (cg.comment) {
                  <p class="pre">{{ cg.comment }}</p>
                }
              }

              <div class="table-wrap">
                <table>
                  <caption>
                    Indikatorer för nämndmål {{ g + 1 }}.{{ c + 1 }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ labels().name }}</th>
                      <th scope="col">{{ labels().unit }}</th>
                      @for (f of figures; track f) {
                        <th scope="col" class="number">{{ labels()[f] }}</th>
                      }
                      <th scope="col" class="number">{{ labels().fulfilment }}</th>
                      <th scope="col">Lägre är bättre</th>
                      <th scope="col">{{ labels().assessment }}</th>
                      <th scope="col">{{ labels().source }}</th>
                      <th scope="col">{{ labels().comment }}</th>
                      @if (editing()) {
                        <th scope="col"><span class="visually-hidden">Åtgärder</span></th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (ind of cg.indicators; track ind.key; let i = $index) {
                      <tr>
                        @if (editing()) {
                          <th scope="row">
                            <input
                              type="text"
                              class="wide"
                              [id]="id(ind.key, 'name')"
                              [value]="ind.name"
                              [readOnly]="locked()"
                              [attr.aria-label]="labels().name + ', indikator ' + (i + 1)"
                              [attr.aria-invalid]="error(ind.key, 'name') ? true : null"
                              [attr.aria-describedby]="errorId(ind.key, 'name')"
                              (input)="setIndicator(cg.key, ind.key, 'name', value($event))"
                              (keydown)="enter($event, order(cg), ind.key, 'name')"
                              (paste)="paste($event, cg.key, ind.key, 'name')"
                            />
                            @if (error(ind.key, 'name'); as message) {
                              <span class="cell-error" [id]="errorId(ind.key, 'name')">{{ message }}</span>
                            }
                          </th>
                          <td>
                            <select
                              [id]="id(ind.key, 'unit')"
                              [disabled]="locked()"
                              [attr.aria-label]="labels().unit + ', indikator ' + (i + 1)"
                              (change)="setIndicator(cg.key, ind.key, 'unit', value($event))"
                            >
                              @for (u of units; track u) {
                                <option [value]="u" [selected]="ind.unit === u">{{ unitLabels[u] }}</option>
                              }
                            </select>
                          </td>
                          @for (f of figures; track f) {
                            <td class="number">
                              <input
                                type="text"
                                class="number"
                                inputmode="decimal"
                                autocomplete="off"
                                [id]="id(ind.key, f)"
                                [value]="ind[f]"
                                [readOnly]="locked()"
                                [attr.aria-label]="labels()[f] + ', indikator ' + (i + 1)"
                                [attr.aria-invalid]="error(ind.key, f) ? true : null"
                                [attr.aria-describedby]="errorId(ind.key, f)"
                                (input)="setIndicator(cg.key, ind.key, f, value($event))"
                                (change)="tidy(cg.key, ind.key, f)"
                                (keydown)="enter($event, order(cg), ind.key, f)"
                                (paste)="paste($event, cg.key, ind.key, f)"
                              />
                              @if (error(ind.key, f); as message) {
                                <span class="cell-error" [id]="errorId(ind.key, f)">{{ message }}</span>
                              }
                            </td>
                          }
                          <td class="number computed">{{ fulfilment(ind) }}</td>
                          <td>
                            <input
                              type="checkbox"
                              [id]="id(ind.key, 'lowerIsBetter')"
                              [checked]="ind.lowerIsBetter"
                              [disabled]="locked()"
                              [attr.aria-label]="'Lägre är bättre, indikator ' + (i + 1)"
                              (change)="setLower(cg.key, ind.key, $event)"
                            />
                          </td>
                          <td>
                            <select
                              [id]="id(ind.key, 'assessment')"
                              [disabled]="locked()"
                              [attr.aria-label]="labels().assessment + ', indikator ' + (i + 1)"
                              [attr.aria-invalid]="error(ind.key, 'assessment') ? true : null"
                              [attr.aria-describedby]="errorId(ind.key, 'assessment')"
                              (change)="setIndicator(cg.key, ind.key, 'assessment', value($event))"
                            >
                              <option value="" [selected]="ind.assessment === ''">Ej bedömt</option>
                              @for (a of assessments; track a) {
                                <option [value]="a" [selected]="ind.assessment === a">{{ display[a].label }}</option>
                              }
                            </select>
                            @if (badge(ind.assessment); as b) {
                              <span [class]="'badge badge-' + b.colour" aria-hidden="true">{{ b.label }}</span>
                            }
                            @if (error(ind.key, 'assessment'); as message) {
                              <span class="cell-error" [id]="errorId(ind.key, 'assessment')">{{ message }}</span>
                            }
                          </td>
                          @for (f of textFields; track f) {
                            <td>
                              <input
                                type="text"
                                [class]="f === 'comment' ? 'wide' : 'text'"
                                [id]="id(ind.key, f)"
                                [value]="ind[f]"
                                [readOnly]="locked()"
                                [attr.aria-label]="labels()[f] + ', indikator ' + (i + 1)"
                                [attr.aria-invalid]="error(ind.key, f) ? true : null"
                                [attr.aria-describedby]="errorId(ind.key, f)"
                                (input)="setIndicator(cg.key, ind.key, f, value($event))"
                                (keydown)="enter($event, order(cg), ind.key, f)"
                              />
                              @if (error(ind.key, f); as message) {
                                <span class="cell-error" [id]="errorId(ind.key, f)">{{ message }}</span>
                              }
                            </td>
                          }
                          <td class="actions">
                            <button type="button" [disabled]="locked()" (click)="removeIndicator(cg.key, ind.key)">
                              Ta bort indikator {{ i + 1 }} under nämndmål {{ g + 1 }}.{{ c + 1 }}
                            </button>
                          </td>
                        } @else {
                          <th scope="row">{{ ind.name }}</th>
                          <td>{{ unitLabels[ind.unit] }}</td>
                          @for (f of figures; track f) {
                            <td class="number">{{ shownFigure(ind, f) }}</td>
                          }
                          <td class="number computed">{{ fulfilment(ind) }}</td>
                          <td>{{ ind.lowerIsBetter ? 'Ja' : 'Nej' }}</td>
                          <td>
                            @if (badge(ind.assessment); as b) {
                              <span [class]="'badge badge-' + b.colour">{{ b.label }}</span>
                            } @else {
                              <span class="muted">Ej bedömt</span>
                            }
                          </td>
                          <td>{{ ind.source }}</td>
                          <td class="pre">{{ ind.comment }}</td>
                        }
                      </tr>
                    } @empty {
                      <tr>
                        <td [attr.colspan]="editing() ? 11 : 10" class="muted">Inga indikatorer ännu.</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (editing()) {
                <div class="table-actions">
                  <button type="button" [disabled]="locked()" (click)="addIndicator(goal.key, cg.key)">
                    Lägg till indikator under nämndmål {{ g + 1 }}.{{ c + 1 }}
                  </button>
                  <button type="button" [disabled]="locked()" (click)="removeCommittee(goal.key, cg.key)">Ta bort nämndmål {{ g + 1 }}.{{ c + 1 }}</button>
                </div>
              }
            </div>
          }
          @if (editing()) {
            <div class="table-actions">
              <button type="button" [disabled]="locked()" (click)="addCommittee(goal.key)">Lägg till nämndmål under mål {{ g + 1 }}</button>
              <button type="button" [disabled]="locked()" (click)="removeGoal(goal.key)">Ta bort kommunfullmäktiges mål {{ g + 1 }}</button>
            </div>
          }
        </section>
      } @empty {
        <p class="muted">Inga mål ännu.</p>
      }
      @if (editing()) {
        <div class="table-actions">
          <button type="button" [disabled]="locked()" (click)="addGoal()">Lägg till kommunfullmäktiges mål</button>
        </div>
        <rf-section-issues [messages]="check().messages" [beforeSubmit]="check().beforeSubmit" [pasteNote]="pasteNote()" />
      }
    </div>
  `,
  styles: [
    SECTION_EDITOR_STYLES,
    `
      .council-goal {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 0.5rem;
        padding: 0.5rem 1rem 1rem;
        margin-bottom: 1rem;
      }
      .committee-goal {
        border-left: 3px solid var(--mat-sys-outline-variant);
        padding-left: 1rem;
        margin: 1rem 0;
      }
      .goal-title,
      .committee-title {
        font: var(--mat-sys-title-small);
      }
      .kind {
        color: var(--mat-sys-on-surface-variant);
      }
      .assessment-field select {
        margin-right: 0.5rem;
      }
      .badge {
        display: inline-block;
        border-radius: 1rem;
        padding: 0.125rem 0.625rem;
        font: var(--mat-sys-label-medium);
        border: 1px solid currentColor;
      }
      .badge-success {
        background: #d7f0d8;
        color: #14501a;
      }
      .badge-warning {
        background: #ffe6bf;
        color: #6b3900;
      }
      .badge-danger {
        background: #ffd8d6;
        color: #8a1010;
      }
    `,
  ],
})
export class GoalsEditorComponent extends SectionEditorBase<GoalsDraft> {
  protected readonly prefix = 'gl';
  protected readonly figures = FIGURES;
  protected readonly textFields = ['source', 'comment'] as const;
  protected readonly assessments = ASSESSMENTS;
  protected readonly display = ASSESSMENT_DISPLAY;
  protected readonly units = ['percent', 'count'] as const;
  protected readonly unitLabels = INDICATOR_UNIT_LABELS;
  protected readonly labels = computed(() => goalsColumnLabels(this.config()?.goals));
  protected readonly fulfilment = indicatorFulfilment;

  protected toDraft(config: SectionConfig | null, content: TaskContent): GoalsDraft {
    return toGoalsDraft(config, content.type === 'goals' ? content : (emptyContent('goals') as never));
  }

  protected badge(assessment: string) {
    return (ASSESSMENTS as readonly string[]).includes(assessment) ? ASSESSMENT_DISPLAY[assessment as Assessment] : null;
  }

  protected order(cg: CommitteeGoalDraft): string[] {
    return cg.indicators.map((i) => i.key);
  }

  protected shownFigure(ind: IndicatorDraft, field: (typeof FIGURES)[number]): string {
    return ind[field] ? indicatorText(this.config(), ind, ind[field]) : '–';
  }

  private updateGoal(goalKey: string, change: (goal: CouncilGoalDraft) => CouncilGoalDraft): void {
    this.edit((d) => ({ ...d, goals: d.goals.map((g) => (g.key === goalKey ? change(g) : g)) }));
  }

  private updateCommittee(cgKey: string, change: (cg: CommitteeGoalDraft) => CommitteeGoalDraft): void {
    this.edit((d) => ({
      ...d,
      goals: d.goals.map((g) => (g.committeeGoals.some((cg) => cg.key === cgKey) ? { ...g, committeeGoals: g.committeeGoals.map((cg) => (cg.key === cgKey ? change(cg) : cg)) } : g)),
    }));
  }

  protected setGoal(goalKey: string, text: string): void {
    this.updateGoal(goalKey, (g) => ({ ...g, title: text }));
  }

  protected setCommittee(_goalKey: string, cgKey: string, field: 'title' | 'assessment' | 'comment', text: string): void {
    this.updateCommittee(cgKey, (cg) => ({ ...cg, [field]: text }));
  }

  protected setIndicator(cgKey: string, key: string, field: keyof IndicatorDraft, text: string): void {
    this.updateCommittee(cgKey, (cg) => ({ ...cg, indicators: cg.indicators.map((i) => (i.key === key ? { ...i, [field]: text } : i)) }));
  }

  protected setLower(cgKey: string, key: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.updateCommittee(cgKey, (cg) => ({ ...cg, indicators: cg.indicators.map((i) => (i.key === key ? { ...i, lowerIsBetter: checked } : i)) }));
  }

  /** After editing: a readable figure the Swedish way (`85 %` → `85`, `1200` → `1 200`). */
  protected tidy(cgKey: string, key: string, field: (typeof FIGURES)[number]): void {
    const decimals = goalsDecimals(this.config());
    this.draft.update((d) => ({
      ...d,
      goals: d.goals.map((g) => ({
        ...g,
        committeeGoals: g.committeeGoals.map((cg) =>
          cg.key !== cgKey
            ? cg
            : {
                ...cg,
                indicators: cg.indicators.map((i) => {
                  if (i.key !== key) return i;
                  const parsed = parseSwedishNumber(i[field], { percent: i.unit === 'percent' });
                  if (!parsed.ok || parsed.value === null) return i;
                  const factor = 10 ** decimals;
                  if (Math.round(parsed.value * factor) / factor !== parsed.value) return i;
                  return { ...i, [field]: figureText(parsed.value, Number.isInteger(parsed.value) ? 0 : decimals) };
                }),
              },
        ),
      })),
    }));
  }

  protected addGoal(): void {
    const goal = newCouncilGoal();
    this.edit((d) => ({ ...d, goals: [...d.goals, goal] }));
    this.focusLater(this.id(goal.key, 'title'));
  }

  protected removeGoal(goalKey: string): void {
    this.edit((d) => ({ ...d, goals: d.goals.filter((g) => g.key !== goalKey) }));
    this.afterRender(() => this.host.nativeElement.querySelector<HTMLElement>(':scope > div > .table-actions button')?.focus());
  }

  protected addCommittee(goalKey: string): void {
    const cg = newCommitteeGoal();
    this.updateGoal(goalKey, (g) => ({ ...g, committeeGoals: [...g.committeeGoals, cg] }));
    this.focusLater(this.id(cg.key, 'title'));
  }

  protected removeCommittee(goalKey: string, cgKey: string): void {
    this.updateGoal(goalKey, (g) => ({ ...g, committeeGoals: g.committeeGoals.filter((cg) => cg.key !== cgKey) }));
    this.focusLater(this.id(goalKey, 'title'));
  }

  protected addIndicator(_goalKey: string, cgKey: string): void {
    const ind = newIndicator();
    this.updateCommittee(cgKey, (cg) => ({ ...cg, indicators: [...cg.indicators, ind] }));
    this.focusLater(this.id(ind.key, 'name'));
  }

  protected removeIndicator(cgKey: string, key: string): void {
    this.updateCommittee(cgKey, (cg) => ({ ...cg, indicators: cg.indicators.filter((i) => i.key !== key) }));
    this.focusLater(this.id(cgKey, 'title'));
  }

  /** A block from the reports' indicator tables: name, last year, this year, target per line. */
  protected paste(event: ClipboardEvent, cgKey: string, key: string, field: keyof IndicatorDraft): void {
    const block = this.pastedBlock(event);
    if (!block) return;
    const cg = this.draft().goals.flatMap((g) => g.committeeGoals).find((c) => c.key === cgKey);
    if (!cg) return;
    const result = pasteBlock(cg.indicators, { key, field }, PASTE_FIELDS, block, () => newIndicator(), (ind, f, text) => ({
      ...ind,
      [f]: text,
      ...(f !== 'name' && /%\s*$/.test(text) ? { unit: 'percent' as const } : {}),
    }));
    this.updateCommittee(cgKey, (c) => ({ ...c, indicators: result.rows }));
    for (const ind of result.rows) for (const f of FIGURES) this.tidy(cgKey, ind.key, f);
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
