/**
 * Geometry of the small SVG charts beside the tables (sick-leave trend, budget and prognos per
 * row): scales with round ticks, line paths, bars from the zero line. The same figures are
 * always shown in an accessible table next to the chart; the chart adds the picture only.
 */
import { formatNumber } from '@rapportflode/domain';

export interface ChartSize {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 480, height: 240, left: 56, right: 16, top: 16, bottom: 40 };

/** Round tick values covering min..max (0 included), about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (lo === hi) hi = lo + 1;
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step === 0 ? 0 : Number(v.toPrecision(12)));
  return ticks;
}

function decimalsFor(ticks: readonly number[]): number {
  return ticks.some((t) => !Number.isInteger(t)) ? 1 : 0;
}

export interface Tick {
  at: number;
  label: string;
}

export interface LineChart {
  size: ChartSize;
  xTicks: Tick[];
  yTicks: Tick[];
  lines: Array<{ label: string; path: string; points: Array<{ x: number; y: number; value: number }> }>;
}

/** One line per series over the periods; a missing figure breaks the line. */
export function lineChart(
  periods: readonly string[],
  series: ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>,
  size: ChartSize = DEFAULT_CHART_SIZE,
): LineChart {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1, 4);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const plotW = size.width - size.left - size.right;
  const plotH = size.height - size.top - size.bottom;
  const x = (i: number) => size.left + (periods.length <= 1 ? plotW / 2 : (plotW * i) / (periods.length - 1));
  const y = (v: number) => size.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const decimals = decimalsFor(ticks);
  return {
    size,
    xTicks: periods.map((p, i) => ({ at: x(i), label: p })),
    yTicks: ticks.map((t) => ({ at: y(t), label: formatNumber(t, decimals) })),
    lines: series.map((s) => {
      const points = s.values.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v), value: v, i }]));
      let path = '';
      points.forEach((p, n) => {
        const joined = n > 0 && points[n - 1].i === p.i - 1;
        path += `${joined ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)} `;
      });
      return { label: s.label, path: path.trim(), points: points.map(({ x: px, y: py, value }) => ({ x: px, y: py, value })) };
    }),
  };
}

export interface BarChart {
  size: ChartSize;
  /** The zero line's y. */
  zero: number;
  yTicks: Tick[];
  groups: Array<{ label: string; center: number; bars: Array<{ series: number; x: number; y: number; width: number; height: number; value: number }> }>;
}

/** Grouped bars (one group per row, one bar per series) from the zero line, negatives downwards. */
export function barChart(
  groups: ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>,
  seriesCount: number,
  size: ChartSize = DEFAULT_CHART_SIZE,
): BarChart {
  const values = groups.flatMap((g) => g.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1, 4);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const plotW = size.width - size.left - size.right;
  const plotH = size.height - size.top - size.bottom;
  const y = (v: number) => size.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const slot = plotW / Math.max(1, groups.length);
  const barW = Math.max(2, (slot * 0.8) / Math.max(1, seriesCount));
  const zero = y(0);
  return {
    size,
    zero,
    yTicks: ticks.map((t) => ({ at: y(t), label: formatNumber(t, decimalsFor(ticks)) })),
    groups: groups.map((g, gi) => {
      const start = size.left + gi * slot + slot * 0.1;
      return {
        label: g.label,
        center: size.left + gi * slot + slot / 2,
        bars: g.values.flatMap((v, si) =>
          v === null ? [] : [{ series: si, x: start + si * barW, y: Math.min(y(v), zero), width: barW, height: Math.abs(y(v) - zero), value: v }],
        ),
      };
    }),
  };
}
