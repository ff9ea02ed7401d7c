import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ChartSize, Tick } from './chart';
import { CHART_STYLES } from './chart-style';

/**
 * The frame the charts share: the captioned figure, the SVG picture with its description and the
 * axes (grid lines with their labels on the left, labels under the x axis). The chart's own marks
 * (`svg:` elements) are projected into the picture, its `ul.legend` under it.
 */
@Component({
  selector: 'rf-chart-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <figcaption>{{ caption() }}</figcaption>
      <svg [attr.viewBox]="'0 0 ' + size().width + ' ' + size().height" role="img" [attr.aria-label]="description()">
        <g class="axis">
          @for (tick of yTicks(); track $index) {
            <line class="grid" [attr.x1]="size().left" [attr.x2]="size().width - size().right" [attr.y1]="tick.at" [attr.y2]="tick.at" />
            <text [attr.x]="size().left - 6" [attr.y]="tick.at + 4" text-anchor="end">{{ tick.label }}</text>
          }
          @for (tick of xTicks(); track $index) {
            <text [attr.x]="tick.at" [attr.y]="size().height - size().bottom + 18" text-anchor="middle">{{ tick.label }}</text>
          }
        </g>
        <ng-content />
      </svg>
      <ng-content select="ul.legend" />
    </figure>
  `,
  styles: CHART_STYLES,
})
export class ChartFigureComponent {
  readonly caption = input.required<string>();
  /** What the chart shows, for screen readers (the figures are in a table beside it). */
  readonly description = input.required<string>();
  readonly size = input.required<ChartSize>();
  readonly yTicks = input.required<readonly Tick[]>();
  readonly xTicks = input.required<readonly Tick[]>();
}
