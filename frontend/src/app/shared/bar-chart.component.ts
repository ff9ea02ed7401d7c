import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { barChart } from './chart';
import { ChartFigureComponent } from './chart-figure.component';
import { CHART_STYLES, seriesStyle } from './chart-style';

/**
 * Grouped bars from the zero line (one group per row, one bar per series). A picture only:
 * give it a `description` and show the figures in a table beside it.
 */
@Component({
  selector: 'rf-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartFigureComponent],
  template: `
    <rf-chart-figure [caption]="caption()" [description]="description()" [size]="chart().size" [yTicks]="chart().yTicks" [xTicks]="xTicks()">
      @for (group of chart().groups; track $index) {
        @for (bar of group.bars; track $index) {
          <svg:rect
            [attr.x]="bar.x"
            [attr.y]="bar.y"
            [attr.width]="bar.width"
            [attr.height]="bar.height"
            [attr.fill]="style(bar.series).colour"
            [attr.fill-opacity]="bar.series % 2 === 0 ? 1 : 0.55"
            [attr.stroke]="style(bar.series).colour"
            [attr.stroke-dasharray]="style(bar.series).dash || null"
          />
        }
      }
      <svg:line class="zero" [attr.x1]="chart().size.left" [attr.x2]="chart().size.width - chart().size.right" [attr.y1]="chart().zero" [attr.y2]="chart().zero" />
      <ul class="legend" aria-hidden="true">
        @for (label of seriesLabels(); track $index; let i = $index) {
          <li>
            <svg viewBox="0 0 32 12"><rect x="0" y="1" width="32" height="10" [attr.fill]="style(i).colour" [attr.fill-opacity]="i % 2 === 0 ? 1 : 0.55" [attr.stroke]="style(i).colour" [attr.stroke-dasharray]="style(i).dash || null" /></svg>{{ label }}
          </li>
        }
      </ul>
    </rf-chart-figure>
  `,
  styles: CHART_STYLES,
})
export class BarChartComponent {
  readonly caption = input.required<string>();
  readonly description = input.required<string>();
  readonly seriesLabels = input.required<readonly string[]>();
  readonly groups = input.required<ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>>();

  protected readonly chart = computed(() => barChart(this.groups(), this.seriesLabels().length));
  protected readonly style = seriesStyle;
  /** The row names under their groups of bars. */
  protected readonly xTicks = computed(() => this.chart().groups.map((group) => ({ at: group.center, label: this.short(group.label) })));

  /** Long row names are cut under the bars (the table beside has them in full). */
  protected short(label: string): string {
    return label.length > 14 ? `${label.slice(0, 13)}…` : label;
  }
}
