import { ChangeDetectionStrategy, Component, computed, forwardRef, input, output, signal } from '@angular/core';
import {
  BLOCK_KIND_LABELS,
  BLOCK_KINDS,
  type BlockKind,
  blockName,
  type BlockSpec,
  BLOCKS_MAX,
  CHART_CATEGORY_LABELS,
  CHART_TYPE_LABELS,
  type ChartCategories,
  type ChartConfig,
  type ChartType,
  type SectionConfig,
} from '@rapportflode/domain';
import { addBlock, blocksOf, chartColumnsOf, chartSources, moveBlock, removeBlock, setBlock, setChart } from './blocks-layout';
import { LAYOUT_KINDS, SectionLayoutComponent } from './section-layout.component';

/**
 * The blocks of a section made of blocks in the template editor: a block added of a kind,
 * ordered with Upp/Ned, titled, removed; each block's own layout (the section layouts of its
 * kind) and a chart's source, type, axis and series. Changes go up as the whole layout.
 */
@Component({
  selector: 'rf-blocks-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [forwardRef(() => SectionLayoutComponent)],
  templateUrl: './blocks-layout.component.html',
  styleUrls: ['./layout-form.css', './blocks-layout.component.css'],
})
export class BlocksLayoutComponent {
  readonly id = input.required<string>();
  readonly config = input<SectionConfig | null | undefined>(null);
  readonly configChange = output<SectionConfig | null>();

  protected readonly kinds = BLOCK_KINDS;
  protected readonly kindLabels = BLOCK_KIND_LABELS;
  protected readonly chartTypes = Object.entries(CHART_TYPE_LABELS) as Array<[ChartType, string]>;
  protected readonly chartAxes = Object.entries(CHART_CATEGORY_LABELS) as Array<[ChartCategories, string]>;
  protected readonly max = BLOCKS_MAX;
  protected readonly blocks = computed(() => blocksOf(this.config()));
  protected readonly sources = computed(() => chartSources(this.blocks()));
  protected readonly newKind = signal<BlockKind>('narrative');

  protected blockLabel(block: BlockSpec, index: number): string {
    return blockName(block, index);
  }

  protected hasLayout(kind: BlockKind): boolean {
    return kind !== 'chart' && LAYOUT_KINDS.includes(kind);
  }

  protected columns(chart: ChartConfig | undefined): Array<{ key: string; label: string }> {
    return chartColumnsOf(this.blocks(), chart);
  }

  /** A source that is not a block of the section: another section's key. */
  protected external(chart: ChartConfig | undefined): boolean {
    return !!chart && !this.sources().some((s) => s.key === chart.source);
  }

  protected add(): void {
    this.configChange.emit(addBlock(this.config(), this.newKind()));
  }

  protected move(index: number, by: -1 | 1): void {
    this.configChange.emit(moveBlock(this.config(), index, by));
  }

  protected remove(index: number): void {
    this.configChange.emit(removeBlock(this.config(), index));
  }

  protected setTitle(index: number, title: string): void {
    this.configChange.emit(setBlock(this.config(), index, { title }));
  }

  protected setLayout(index: number, config: SectionConfig | null): void {
    this.configChange.emit(setBlock(this.config(), index, { config }));
  }

  protected setChart(index: number, change: Partial<ChartConfig>): void {
    this.configChange.emit(setChart(this.config(), index, change));
  }

  protected setSource(index: number, value: string, other: string): void {
    this.setChart(index, { source: value === '' ? other.trim() : value });
  }

  protected toggleSeries(index: number, chart: ChartConfig | undefined, key: string, included: boolean): void {
    const current = chart?.series ?? [];
    const series = included ? [...current.filter((k) => k !== key), key] : current.filter((k) => k !== key);
    // In the table's column order.
    const order = this.columns(chart).map((c) => c.key);
    this.setChart(index, { series: series.sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
  }
}
