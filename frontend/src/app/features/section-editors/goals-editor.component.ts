import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import {
  ASSESSMENT_DISPLAY,
  ASSESSMENTS,
  type Assessment,
  commentText,
  earlierColumnLabel,
  emptyContent,
  goalsAssessed,
  goalsColumnLabels,
  INDICATOR_UNIT_LABELS,
  type SectionConfig,
  type TaskContent,
} from '@rapportflode/domain';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { type GridChoice, GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import {
  type CommitteeGoalDraft,
  type CouncilGoalDraft,
  type EarlierDraft,
  type GoalsDraft,
  goalsDecimals,
  type IndicatorDraft,
  newCommitteeGoal,
  newCouncilGoal,
  newIndicator,
  tidyFigure,
  toGoalsDraft,
} from './section-drafts';
import { pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';
import { indicatorFulfilment, indicatorText } from './section-views';

type IndicatorText = 'name' | 'previous' | 'value' | 'target' | 'source';
const FIGURES = ['previous', 'value', 'target'] as const;
/** The columns a block pasted from the reports' indicator tables fills: name, then the figures. */
const PASTE_FIELDS: readonly IndicatorText[] = ['name', 'previous', 'value', 'target'];
const UNIT_CHOICES: readonly GridChoice[] = (['percent', 'count'] as const).map((unit) => ({ value: unit, label: INDICATOR_UNIT_LABELS[unit] }));
const ASSESSMENT_CHOICES: readonly GridChoice[] = ASSESSMENTS.map((a) => ({ value: a, label: ASSESSMENT_DISPLAY[a].label }));

/**
 * Goals and indicators: kommunfullmäktige's goals (under their målområde when the template has
 * them), the nämnd's goals under each (title, assessment, comment in rich text), and their
 * indicators (earlier years with their own labels, last year's value, this year's, a target as a
 * figure or a direction such as Öka, the computed måluppfyllelse, assessment, source), each
 * indicator's comment in rich text in a full-width row under it, opened by its button.
 * Which levels have an assessment is the template's choice. An assessment is always shown as its
 * text, the colour only an addition.
 */
@Component({
  selector: 'rf-goals-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GridCellComponent, RichTextEditorComponent, RowCommentButtonComponent, RowCommentPanelComponent, SectionIssuesComponent],
  templateUrl: './goals-editor.component.html',
  styles: SECTION_EDITOR_STYLES,
  styleUrl: './goals-editor.component.css',
})
export class GoalsEditorComponent extends SectionEditorBase<GoalsDraft> {
  protected readonly prefix = 'gl';
  protected readonly figures = FIGURES;
  protected readonly textFields = ['source'] as const;
  protected readonly assessments = ASSESSMENTS;
  protected readonly display = ASSESSMENT_DISPLAY;
  protected readonly unitChoices = UNIT_CHOICES;
  protected readonly assessmentChoices = ASSESSMENT_CHOICES;
  protected readonly unitLabels = INDICATOR_UNIT_LABELS;
  protected readonly labels = computed(() => goalsColumnLabels(this.config()?.goals));
  protected readonly assessed = computed(() => goalsAssessed(this.config()?.goals));
  protected readonly areas = computed(() => this.config()?.goals?.areas === true);
  /** The målområden already used, offered when typing another goal's. */
  protected readonly areaNames = computed(() => [...new Set(this.draft().goals.map((g) => g.area.trim()).filter((a) => a))]);
  /** Columns of the indicator table (for the empty row's, the full-width rows' and the comment panel's colspan). */
  protected readonly columnCount = computed(() => (this.assessed().indicators ? 9 : 8) + (this.editing() ? 1 : 0));
  /** Indicators whose comment editor the person opened or closed; others are open when they have a comment or an error. */
  private readonly commentShown = signal<Readonly<Record<string, boolean>>>({});
  protected readonly fulfilment = indicatorFulfilment;
  protected readonly commentText = commentText;
  protected readonly earlierLabel = earlierColumnLabel;

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

  protected setGoal(goalKey: string, field: 'title' | 'area' | 'assessment', text: string): void {
    this.updateGoal(goalKey, (g) => ({ ...g, [field]: text }));
  }

  protected setCommittee(_goalKey: string, cgKey: string, field: 'title' | 'assessment', text: string): void {
    this.updateCommittee(cgKey, (cg) => ({ ...cg, [field]: text }));
  }

  /** The nämndmål's comment as the rich text editor holds it now (sanitized as every save is). */
  protected setCommitteeComment(cgKey: string, editor: RichTextEditorComponent): void {
    const read = editor.read();
    if (read.ok) this.updateCommittee(cgKey, (cg) => ({ ...cg, comment: read.document }));
  }

  protected commentOpen(ind: IndicatorDraft): boolean {
    return this.commentShown()[ind.key] ?? (commentText(ind.comment) !== null || this.error(ind.key, 'comment') !== null);
  }

  /** Opens or closes an indicator's comment editor; opening moves the focus into it. */
  protected toggleComment(ind: IndicatorDraft): void {
    const open = !this.commentOpen(ind);
    this.commentShown.update((shown) => ({ ...shown, [ind.key]: open }));
    if (open) this.afterRender(() => document.getElementById(this.id(ind.key, 'comment'))?.querySelector<HTMLElement>('[role="textbox"]')?.focus());
  }

  /** The indicator's comment as the rich text editor holds it now (sanitized as every save is). */
  protected setIndicatorComment(cgKey: string, key: string, editor: RichTextEditorComponent): void {
    const read = editor.read();
    if (read.ok) this.updateCommittee(cgKey, (cg) => ({ ...cg, indicators: cg.indicators.map((i) => (i.key === key ? { ...i, comment: read.document } : i)) }));
  }

  private updateEarlier(cgKey: string, key: string, change: (earlier: EarlierDraft[]) => EarlierDraft[]): void {
    this.updateCommittee(cgKey, (cg) => ({ ...cg, indicators: cg.indicators.map((i) => (i.key === key ? { ...i, earlier: change(i.earlier) } : i)) }));
  }

  protected setEarlier(cgKey: string, key: string, index: number, field: keyof EarlierDraft, text: string): void {
    this.updateEarlier(cgKey, key, (earlier) => earlier.map((e, i) => (i === index ? { ...e, [field]: text } : e)));
  }

  /** Another earlier year before the others: the year before the oldest (or before last year). */
  protected addEarlier(cgKey: string, key: string): void {
    const ind = this.draft().goals.flatMap((g) => g.committeeGoals).find((c) => c.key === cgKey)?.indicators.find((i) => i.key === key);
    if (!ind) return;
    const year = this.config()?.goals?.year;
    const oldest = Number(/(\d{4})/.exec(ind.earlier[0]?.label ?? '')?.[1] ?? (year ? year - 1 : NaN));
    const label = Number.isNaN(oldest) ? '' : String(oldest - 1);
    this.updateEarlier(cgKey, key, (earlier) => [{ label, value: '' }, ...earlier]);
    this.focusLater(this.id(key, 'earlier-0-label'));
  }

  protected removeEarlier(cgKey: string, key: string, index: number): void {
    this.updateEarlier(cgKey, key, (earlier) => earlier.filter((_, i) => i !== index));
    this.focusLater(this.id(key, 'add-earlier'));
  }

  protected tidyEarlier(cgKey: string, key: string, index: number): void {
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
                  if (i.key !== key || !i.earlier[index]) return i;
                  const text = tidyFigure(i.earlier[index].value, decimals, { percent: i.unit === 'percent', wholeShort: true });
                  return text === null ? i : { ...i, earlier: i.earlier.map((e, n) => (n === index ? { ...e, value: text } : e)) };
                }),
              },
        ),
      })),
    }));
  }

  protected shownEarlier(ind: IndicatorDraft, e: EarlierDraft): string {
    return `${earlierColumnLabel(e.label)}: ${e.value ? indicatorText(this.config(), ind, e.value) : '–'}`;
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
                  const text = i.key === key ? tidyFigure(i[field], decimals, { percent: i.unit === 'percent', wholeShort: true }) : null;
                  return text === null ? i : { ...i, [field]: text };
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
  protected paste(block: string[][], cgKey: string, key: string, field: keyof IndicatorDraft): void {
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
