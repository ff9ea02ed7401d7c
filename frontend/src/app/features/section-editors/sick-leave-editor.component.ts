import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { commentText, emptyContent, type SectionConfig, sickLeaveMeasures, type TaskContent } from '@rapportflode/domain';
import { AccessibleTableComponent } from '../../shared/accessible-table.component';
import { LineChartComponent } from '../../shared/line-chart.component';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { type SickLeaveDraft, sickLeaveDecimals, tidyFigure, toSickLeaveDraft } from './section-drafts';
import { SectionIssuesComponent } from './section-issues.component';
import { type EarlierContent, sickLeaveTrend } from './section-views';

/**
 * One unit's sick leave for the period: the template's measures as a small grid of per cent
 * inputs (`5,3`), a comment in rich text (paragraphs, lists, sub-headings), and beside it the trend over earlier cycles' approved figures
 * (never retyped) and the current ones, as a chart and the same figures as a table.
 */
@Component({
  selector: 'rf-sick-leave-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleTableComponent,
    GridCellComponent,
    RowCommentButtonComponent,
    RowCommentPanelComponent,
    LineChartComponent,
    RichTextEditorComponent,
    SectionIssuesComponent,
  ],
  templateUrl: './sick-leave-editor.component.html',
  styles: SECTION_EDITOR_STYLES,
  styleUrl: './sick-leave-editor.component.css',
})
export class SickLeaveEditorComponent extends SectionEditorBase<SickLeaveDraft> {
  /** Earlier cycles' approved content of the section (`TaskDto.earlier`). */
  readonly earlier = input<readonly EarlierContent[]>([]);
  /** This cycle's period (`T2 2025`). */
  readonly period = input('');
  readonly showTrend = input(true);

  protected readonly prefix = 'sl';
  protected readonly measures = computed(() => sickLeaveMeasures(this.config()?.sickLeave));
  protected readonly trend = computed(() => sickLeaveTrend(this.config(), this.earlier(), this.period(), this.draft()));
  protected readonly commentText = commentText;

  protected toDraft(config: SectionConfig | null, content: TaskContent): SickLeaveDraft {
    return toSickLeaveDraft(config, content.type === 'sick_leave' ? content : (emptyContent('sick_leave') as never));
  }

  protected shown(key: string): string {
    const text = this.draft().values[key] ?? '';
    return text ? `${text}\u00a0%` : '–';
  }

  protected setValue(key: string, text: string): void {
    this.edit((d) => ({ ...d, values: { ...d.values, [key]: text } }));
  }

  /** The comment as the rich text editor holds it now (sanitized as every save is). */
  protected setComment(editor: RichTextEditorComponent): void {
    const read = editor.read();
    if (read.ok) this.edit((d) => ({ ...d, comment: read.document }));
  }

  /** After editing: a readable figure is shown the Swedish way (`5.3` stays marked, `5,30` → `5,3`). */
  protected tidy(key: string): void {
    const decimals = sickLeaveDecimals(this.config());
    this.draft.update((d) => {
      const text = tidyFigure(d.values[key] ?? '', decimals, { percent: true });
      return text === null ? d : { ...d, values: { ...d.values, [key]: text } };
    });
  }

  /** Enter: the figure tidied, on to the next measure. */
  protected enter(key: string): void {
    this.tidy(key);
    const keys = this.measures().map((m) => m.key);
    const next = keys[keys.indexOf(key) + 1];
    if (next) document.getElementById(this.id('', next))?.focus();
  }

  /** A block from Excel (a row or a column of figures) fills the measures from this one on. */
  protected paste(block: string[][], key: string): void {
    const keys = this.measures().map((m) => m.key);
    const texts = block.flat().map((t) => t.trim());
    const start = keys.indexOf(key);
    const fits = texts.slice(0, keys.length - start);
    this.edit((d) => {
      const values = { ...d.values };
      fits.forEach((text, i) => (values[keys[start + i]] = text));
      return { ...d, values };
    });
    for (const k of keys.slice(start, start + fits.length)) this.tidy(k);
    const skipped = texts.length - fits.length;
    this.pasteNote.set(`${fits.length} värden inklistrade.${skipped ? ` ${skipped} fick inte plats.` : ''}`);
  }
}
