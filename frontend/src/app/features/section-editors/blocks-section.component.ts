import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked, viewChildren } from '@angular/core';
import {
  blockContent,
  type BlocksContent,
  type BlockSpec,
  type EconomyContent,
  economyConfigOf,
  type EconomyTableConfig,
  emptyDocument,
  type RichTextDocument,
  type SectionConfig,
  type TaskContent,
} from '@rapportflode/domain';
import { AccessibleTableComponent } from '../../shared/accessible-table.component';
import { BarChartComponent } from '../../shared/bar-chart.component';
import { LineChartComponent } from '../../shared/line-chart.component';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { documentToHtml } from '../../shared/rich-text/rich-text-dom';
import { ActionPlanEditorComponent } from './action-plan-editor.component';
import { type BlockItem, blockItems, chartPreview, composeBlocks } from './blocks-draft';
import { EconomyTableEditorComponent } from './economy-table-editor.component';
import { GenericTableEditorComponent } from './generic-table-editor.component';
import { GoalsEditorComponent } from './goals-editor.component';
import { InternalControlEditorComponent } from './internal-control-editor.component';
import { RowCommentBlockDirective } from './row-comment-block.directive';
import type { SectionRead } from './section-editor-base';
import type { EarlierContent } from './section-views';
import { SickLeaveEditorComponent } from './sick-leave-editor.component';

/** What every block's editor offers the page (the structured editors as they are; the rich-text editor through `asPart`). */
interface BlockPart {
  read(): SectionRead;
  setContent(content: never): void;
  focus(): void;
  revealErrors?(): void;
}

/**
 * A section made of blocks: one page with the blocks in the template's order, each with its
 * kind's editor (the rich-text editor for text, the grids for tables), read and autosaved as one
 * content; a chart block shows its chart live from the figures typed in its source block.
 */
@Component({
  selector: 'rf-blocks-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleTableComponent,
    BarChartComponent,
    LineChartComponent,
    RichTextEditorComponent,
    EconomyTableEditorComponent,
    SickLeaveEditorComponent,
    ActionPlanEditorComponent,
    InternalControlEditorComponent,
    GoalsEditorComponent,
    GenericTableEditorComponent,
    RowCommentBlockDirective,
  ],
  templateUrl: './blocks-section.component.html',
  styleUrl: './blocks-section.component.css',
})
export class BlocksSectionComponent {
  readonly content = input.required<BlocksContent>();
  readonly config = input<SectionConfig | null>(null);
  /** The section's number and title. */
  readonly title = input.required<string>();
  readonly readonly = input(false);
  readonly locked = input(false);
  readonly describedBy = input<string | null>(null);
  readonly earlier = input<readonly EarlierContent[]>([]);
  readonly period = input('');
  readonly changed = output<void>();
  readonly blurred = output<void>();

  /** Every block's editor on the page, in the template's order (chart blocks have none; text blocks only while editing). */
  private readonly parts = viewChildren<unknown>('part');

  protected readonly items = computed(() => blockItems(this.config()));
  /** The latest content read from each block that a chart draws (the chart follows the figures as typed). */
  private readonly live = signal<Record<string, TaskContent>>({});

  constructor() {
    // New content (another task, a merge, a restore) resets what the charts show.
    effect(() => {
      this.content();
      untracked(() => this.live.set({}));
    });
  }

  protected blockOf(spec: BlockSpec): TaskContent {
    return blockContent(spec, this.content());
  }

  protected economyOf(spec: BlockSpec): EconomyContent {
    const content = this.blockOf(spec);
    return content.type === 'economy' ? content : { type: 'economy', rows: [] };
  }

  protected economyConfig(spec: BlockSpec): EconomyTableConfig {
    return economyConfigOf(spec.config);
  }

  protected documentOf(spec: BlockSpec): RichTextDocument {
    const content = this.blockOf(spec);
    return content.type === 'doc' ? content : emptyDocument();
  }

  protected html(spec: BlockSpec): string {
    return documentToHtml(this.documentOf(spec));
  }

  protected blockTitle(item: BlockItem): string {
    return `${this.title()}, ${item.name}`;
  }

  protected chart(spec: BlockSpec) {
    return chartPreview(this.config(), spec, this.content(), this.live());
  }

  read(): SectionRead {
    const reads = new Map<string, SectionRead>();
    for (const [key, part] of this.partsByKey()) reads.set(key, part.read());
    // Blocks without an editor on the page (nothing to edit yet) keep their stored content.
    for (const item of this.items()) {
      if (item.spec.kind !== 'chart' && !reads.has(item.spec.key)) reads.set(item.spec.key, { ok: true, content: this.blockOf(item.spec), removed: [] });
    }
    return composeBlocks(this.config(), reads);
  }

  setContent(content: TaskContent): void {
    const blocks: BlocksContent = content.type === 'blocks' ? content : { type: 'blocks', blocks: {} };
    for (const [key, part] of this.partsByKey()) {
      const spec = this.items().find((i) => i.spec.key === key)?.spec;
      if (spec) part.setContent(blockContent(spec, blocks) as never);
    }
    this.live.set({});
  }

  focus(): void {
    this.partsByKey()[0]?.[1].focus();
  }

  revealErrors(): void {
    for (const [, part] of this.partsByKey()) part.revealErrors?.();
  }

  protected onChanged(spec: BlockSpec): void {
    if (this.items().some((i) => i.spec.kind === 'chart' && i.spec.chart?.source === spec.key)) {
      const part = this.partsByKey().find(([key]) => key === spec.key)?.[1];
      const read = part?.read();
      if (read?.ok) this.live.update((live) => ({ ...live, [spec.key]: read.content }));
    }
    this.changed.emit();
  }

  /** The editors on the page by block key (the view holds them in the template's order). */
  private partsByKey(): Array<[string, BlockPart]> {
    const keys = this.items()
      .filter((i) => i.spec.kind !== 'chart' && (i.spec.kind !== 'narrative' || !this.readonly()))
      .map((i) => i.spec.key);
    return this.parts().map((part, i) => [keys[i], asPart(part)] as [string, BlockPart]).filter(([key]) => key !== undefined);
  }
}

/** A block's editor as a part: the rich-text editor's read is a section read of its document. */
function asPart(part: unknown): BlockPart {
  if (part instanceof RichTextEditorComponent) {
    return {
      read: () => {
        const read = part.read();
        return read.ok ? { ok: true, content: read.document, removed: read.removed } : { ok: false, errors: read.errors };
      },
      setContent: (content: never) => part.setContent(content as RichTextDocument),
      focus: () => part.focus(),
    };
  }
  return part as BlockPart;
}
