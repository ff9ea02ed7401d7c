import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { emptyContent, parseSwedishNumber, type SectionConfig, sickLeaveMeasures, type TaskContent } from '@rapportflode/domain';
import { AccessibleTableComponent } from '../../shared/accessible-table.component';
import { LineChartComponent } from '../../shared/line-chart.component';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { figureText, type SickLeaveDraft, sickLeaveDecimals, toSickLeaveDraft } from './section-drafts';
import { SectionIssuesComponent } from './section-issues.component';
import { type EarlierContent, sickLeaveTrend } from './section-views';

/**
 * One unit's sick leave for the period: the template's measures as a small grid of per cent
 * inputs (`5,3`), a comment, and beside it the trend over earlier cycles' approved figures
 * (never retyped) and the current ones, as a chart and the same figures as a table.
 */
@Component({
  selector: 'rf-sick-leave-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AccessibleTableComponent, LineChartComponent, SectionIssuesComponent],
  template: `
    <div class="layout" (focusout)="focusOut($event)">
      <div class="figures">
        <div class="table-wrap">
          <table [attr.aria-describedby]="describedBy()">
            <caption>
              {{ title() }}, {{ period() }} (%)
            </caption>
            <thead>
              <tr>
                <th scope="col">Mått</th>
                <th scope="col" class="number">Andel av arbetad tid</th>
              </tr>
            </thead>
            <tbody>
              @for (m of measures(); track m.key) {
                <tr>
                  <th scope="row">{{ m.label }}</th>
                  <td class="number">
                    @if (editing()) {
                      <input
                        type="text"
                        class="number"
                        inputmode="decimal"
                        autocomplete="off"
                        [id]="id('', m.key)"
                        [value]="draft().values[m.key]"
                        [readOnly]="locked()"
                        [attr.aria-label]="m.label + ' (%)'"
                        [attr.aria-invalid]="error('', m.key) ? true : null"
                        [attr.aria-describedby]="errorId('', m.key)"
                        (input)="setValue(m.key, $event)"
                        (change)="tidy(m.key)"
                        (keydown)="keydown($event, m.key)"
                        (paste)="paste($event, m.key)"
                      />
                      @if (error('', m.key); as message) {
                        <span class="cell-error" [id]="errorId('', m.key)">{{ message }}</span>
                      }
                    } @else {
                      {{ shown(m.key) }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (editing()) {
          <label [for]="id('', 'comment')">Kommentar till sjukfrånvaron</label>
          <textarea
            rows="4"
            [id]="id('', 'comment')"
            [value]="draft().comment"
            [readOnly]="locked()"
            [attr.aria-invalid]="error('', 'comment') ? true : null"
            [attr.aria-describedby]="errorId('', 'comment')"
            (input)="setComment($event)"
          ></textarea>
          @if (error('', 'comment'); as message) {
            <span class="cell-error" [id]="errorId('', 'comment')">{{ message }}</span>
          }
        } @else if (draft().comment) {
          <p class="pre"><strong>Kommentar: </strong>{{ draft().comment }}</p>
        }
      </div>
      @if (showTrend()) {
        <div class="trend">
          <rf-line-chart
            caption="Sjukfrånvaro över tid"
            [description]="'Linjediagram över sjukfrånvaron ' + trend().periods.join(', ') + '. Siffrorna finns i tabellen bredvid.'"
            [periods]="trend().periods"
            [series]="trend().series"
          />
          <rf-accessible-table [table]="trend().table" />
          @if (earlier().length === 0) {
            <p class="muted">Inga godkända uppgifter från tidigare perioder ännu.</p>
          }
        </div>
      }
    </div>
    @if (editing()) {
      <rf-section-issues [messages]="check().messages" [pasteNote]="pasteNote()" />
    }
  `,
  styles: [
    SECTION_EDITOR_STYLES,
    `
      .layout {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        align-items: flex-start;
      }
      .trend {
        flex: 1 1 20rem;
        max-width: 34rem;
      }
    `,
  ],
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

  protected toDraft(config: SectionConfig | null, content: TaskContent): SickLeaveDraft {
    return toSickLeaveDraft(config, content.type === 'sick_leave' ? content : (emptyContent('sick_leave') as never));
  }

  protected shown(key: string): string {
    const text = this.draft().values[key] ?? '';
    return text ? `${text}\u00a0%` : '–';
  }

  protected setValue(key: string, event: Event): void {
    const text = this.value(event);
    this.edit((d) => ({ ...d, values: { ...d.values, [key]: text } }));
  }

  protected setComment(event: Event): void {
    const text = this.value(event);
    this.edit((d) => ({ ...d, comment: text }));
  }

  /** After editing: a readable figure is shown the Swedish way (`5.3` stays marked, `5,30` → `5,3`). */
  protected tidy(key: string): void {
    const decimals = sickLeaveDecimals(this.config());
    this.draft.update((d) => {
      const parsed = parseSwedishNumber(d.values[key] ?? '', { percent: true });
      if (!parsed.ok || parsed.value === null) return d;
      const factor = 10 ** decimals;
      if (Math.round(parsed.value * factor) / factor !== parsed.value) return d;
      return { ...d, values: { ...d.values, [key]: figureText(parsed.value, decimals) } };
    });
  }

  /** Enter: the figure tidied, on to the next measure. */
  protected keydown(event: KeyboardEvent, key: string): void {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.tidy(key);
    const keys = this.measures().map((m) => m.key);
    const next = keys[keys.indexOf(key) + 1];
    if (next) document.getElementById(this.id('', next))?.focus();
  }

  /** A block from Excel (a row or a column of figures) fills the measures from this one on. */
  protected paste(event: ClipboardEvent, key: string): void {
    const block = this.pastedBlock(event);
    if (!block) return;
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
