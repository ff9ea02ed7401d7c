import { barChart, DEFAULT_CHART_SIZE, lineChart, niceTicks } from './chart';

describe('niceTicks', () => {
  it('covers the values and zero with round steps', () => {
    expect(niceTicks(0.6, 4.7, 4)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(-9504, 120, 4)).toEqual([-10000, -7500, -5000, -2500, 0, 2500]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('lineChart', () => {
  const size = DEFAULT_CHART_SIZE;

  it('places the periods from left to right and the values on the scale', () => {
    const chart = lineChart(['T2 2020', 'T2 2021'], [{ label: 'Total', values: [4.7, 2.17] }]);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['T2 2020', 'T2 2021']);
    expect(chart.xTicks[0].at).toBe(size.left);
    expect(chart.xTicks[1].at).toBe(size.width - size.right);
    const [a, b] = chart.lines[0].points;
    expect(a.y).toBeLessThan(b.y); // 4,7 is higher up than 2,17
    expect(chart.lines[0].path).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6']);
  });

  it('breaks the line where a period has no figure', () => {
    const chart = lineChart(['a', 'b', 'c'], [{ label: 'x', values: [1, null, 2] }]);
    expect(chart.lines[0].points).toHaveLength(2);
    expect(chart.lines[0].path.match(/M/g)).toHaveLength(2);
  });
});

describe('barChart', () => {
  it('draws negative figures downwards from the zero line', () => {
    const chart = barChart([{ label: 'Barn och unga', values: [-7015, -1686] }, { label: 'Vuxna', values: [500, null] }], 2);
    const [budget, forecast] = chart.groups[0].bars;
    expect(budget.y).toBeCloseTo(chart.zero);
    expect(budget.height).toBeGreaterThan(forecast.height);
    expect(chart.groups[1].bars).toHaveLength(1);
    expect(chart.groups[1].bars[0].y + chart.groups[1].bars[0].height).toBeCloseTo(chart.zero);
    expect(chart.yTicks[0].label).toBe('\u22128\u00a0000');
  });
});
