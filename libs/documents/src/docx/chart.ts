// A chart block as a Word chart (docx's ChartRun: its own chart part with the figures in an
// embedded workbook, so "Redigera data" opens them), drawn beside the chart's data table (tables.ts).
import { Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { ChartBlock } from '../lib/model';

const COLOURS = ['1F5F8B', 'E08A1E', '5B8C3A', '8B3A62', '6B6B6B'];

/** The Word chart of a bar or line chart block; null when there is nothing to draw or Word cannot draw it. */
export function wordChart(block: ChartBlock): Paragraph | null {
  if (!block.chartType || block.categories.length === 0 || block.series.length === 0) return null;
  const series = block.series.map((s, i) => ({
    name: s.name,
    values: block.categories.map((_, ci) => {
      const v = s.values[ci];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
    color: COLOURS[i % COLOURS.length],
  }));
  const common = {
    title: block.title,
    categories: [...block.categories],
    series,
    altText: { name: block.title, description: block.description, title: block.title },
  };
  try {
    const chart = block.chartType === 'line' ? new ChartRun({ type: 'line', markers: true, ...common }) : new ChartRun({ type: 'column', ...common });
    return new Paragraph({ keepNext: true, children: [chart] });
  } catch {
    // Figures Word cannot chart: the data table and the description below still say everything.
    return null;
  }
}
