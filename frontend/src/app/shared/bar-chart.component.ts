import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { barChart } from './chart';
import { CHART_STYLES, seriesStyle } from './chart-style';

/**
 * Grouped bars from the zero line (one group per row, one bar per series). A picture only:
 * give it a `description` and show the figures in a table beside it.
 */
@Component({
  selector: 'rf-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <figcaption>{{ caption() }}</figcaption>
      <svg [attr.viewBox]="'0 0 ' + chart().size.width + ' ' + chart().size.height" role="img" [attr.aria-label]="description()">
        <g class="axis">
          @for (tick of chart().yTicks; track $index) {
            <line class="grid" [attr.x1]="chart().size.left" [attr.x2]="chart().size.width - chart().size.right" [attr.y1]="tick.at" [attr.y2]="tick.at" />
            <text [attr.x]="chart().size.left - 6" [attr.y]="tick.at + 4" text-anchor="end">{{ tick.label }}</text>
          }
          @for (group of chart().groups; track $index) {
            <text [attr.x]="group.center" [attr.y]="chart().size.height - chart().size.bottom + 18" text-anchor="middle">{{ short(group.label) }}</text>
          }
        </g>
        @for (group of chart().groups; track $index) {
          @for (bar of group.bars; track $index) {
            <rect
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
        <line class="zero" [attr.x1]="chart().size.left" [attr.x2]="chart().size.width - chart().size.right" [attr.y1]="chart().zero" [attr.y2]="chart().zero" />
      </svg>
      <ul class="legend" aria-hidden="true">
        @for (label of seriesLabels(); track $index; let i = $index) {
          <li>
            <svg viewBox="0 0 32 12"><rect x="0" y="1" width="32" height="10" [attr.fill]="style(i).colour" [attr.fill-opacity]="i % 2 === 0 ? 1 : 0.55" [attr.stroke]="style(i).colour" [attr.stroke-dasharray]="style(i).dash || null" /></svg>{{ label }}
          </li>
        }
      </ul>
    </figure>
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

  /** Long row names are cut under the bars (the table beside has them in full). */
  protected short(label: string): string {
    return label.length > 14 ? `${label.slice(0, 13)}…` : label;
  }
}
