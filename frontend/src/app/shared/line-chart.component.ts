import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { lineChart } from './chart';
import { ChartFigureComponent } from './chart-figure.component';
import { CHART_STYLES, seriesStyle } from './chart-style';

/**
 * A small line chart (one line per series over periods). It is a picture only: give it a
 * `description` and show the same figures in a table beside it (rf-accessible-table).
 */
@Component({
  selector: 'rf-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartFigureComponent],
  template: `
    <rf-chart-figure [caption]="caption()" [description]="description()" [size]="chart().size" [yTicks]="chart().yTicks" [xTicks]="chart().xTicks">
      @for (line of chart().lines; track $index; let i = $index) {
        <svg:g [attr.stroke]="style(i).colour" [attr.fill]="style(i).colour">
          <path [attr.d]="line.path" fill="none" stroke-width="2" [attr.stroke-dasharray]="style(i).dash || null" />
          @for (point of line.points; track $index) {
            @switch (style(i).marker) {
              @case ('square') {
                <rect [attr.x]="point.x - 3.5" [attr.y]="point.y - 3.5" width="7" height="7" />
              }
              @case ('diamond') {
                <rect [attr.x]="point.x - 3.5" [attr.y]="point.y - 3.5" width="7" height="7" [attr.transform]="'rotate(45 ' + point.x + ' ' + point.y + ')'" />
              }
              @default {
                <circle [attr.cx]="point.x" [attr.cy]="point.y" r="3.5" />
              }
            }
          }
        </svg:g>
      }
      <ul class="legend" aria-hidden="true">
        @for (line of chart().lines; track $index; let i = $index) {
          <li>
            <svg viewBox="0 0 32 12"><line x1="0" y1="6" x2="32" y2="6" [attr.stroke]="style(i).colour" stroke-width="2" [attr.stroke-dasharray]="style(i).dash || null" /></svg>{{ line.label }}
          </li>
        }
      </ul>
    </rf-chart-figure>
  `,
  styles: CHART_STYLES,
})
export class LineChartComponent {
  readonly caption = input.required<string>();
  /** What the chart shows, for screen readers (the figures are in the table beside it). */
  readonly description = input.required<string>();
  readonly periods = input.required<readonly string[]>();
  readonly series = input.required<ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>>();

  protected readonly chart = computed(() => lineChart(this.periods(), this.series()));
  protected readonly style = seriesStyle;
}
