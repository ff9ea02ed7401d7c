import { ChangeDetectionStrategy, Component, computed, effect, forwardRef, input, output, signal, untracked, viewChild } from '@angular/core';
import type { CommitteeEconomyDto } from '@rapportflode/api-contract';
import {
  type BlocksContent,
  type EconomyContent,
  type EconomyPeriods,
  economyConfigOf,
  emptyContent,
  type SectionConfig,
  type SectionKind,
  TASK_STATE_LABELS,
  type TaskContent,
} from '@rapportflode/domain';
import { AccessibleTableComponent } from '../../shared/accessible-table.component';
import { BarChartComponent } from '../../shared/bar-chart.component';
import { plainButtonStyles } from '../../shared/button-styles';
import { ActionPlanEditorComponent } from './action-plan-editor.component';
import { BlocksSectionComponent } from './blocks-section.component';
import { EconomyTableEditorComponent } from './economy-table-editor.component';
import { GenericTableEditorComponent } from './generic-table-editor.component';
import { GoalsEditorComponent } from './goals-editor.component';
import { InternalControlEditorComponent } from './internal-control-editor.component';
import { ROW_COMMENTS_HOST, type RowCommentsHost } from './row-comments';
import type { SectionRead } from './section-editor-base';
import { type EarlierContent, economyChart } from './section-views';
import { SickLeaveEditorComponent } from './sick-leave-editor.component';

/** What every structured editor offers the task page. */
interface StructuredEditor {
  read(): SectionRead;
  setContent(content: never): void;
  focus(): void;
  revealErrors(): void;
}

/**
 * A structured section (economy, sick leave, action plan, internal control, goals, table),
 * editable or read-only, behind one face for the task page: the editor of its kind, and beside
 * it what the kind shows (the economy chart, the nämnd table's source units). The one place
 * that chooses an editor by kind.
 */
@Component({
  selector: 'rf-structured-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleTableComponent,
    BarChartComponent,
    EconomyTableEditorComponent,
    SickLeaveEditorComponent,
    ActionPlanEditorComponent,
    InternalControlEditorComponent,
    GoalsEditorComponent,
    GenericTableEditorComponent,
    BlocksSectionComponent,
  ],
  templateUrl: './structured-section.component.html',
  styles: plainButtonStyles('.committee button'),
  styleUrl: './structured-section.component.css',
  providers: [{ provide: ROW_COMMENTS_HOST, useExisting: forwardRef(() => StructuredSectionComponent) }],
})
export class StructuredSectionComponent implements RowCommentsHost {
  readonly content = input.required<TaskContent>();
  readonly config = input<SectionConfig | null>(null);
  /** The section's number and title. */
  readonly title = input.required<string>();
  readonly readonly = input(false);
  readonly locked = input(false);
  readonly describedBy = input<string | null>(null);
  /** Earlier cycles' approved content (sick leave's trend, the action plan's status history). */
  readonly earlier = input<readonly EarlierContent[]>([]);
  /** This cycle's period (`T2 2025`). */
  readonly period = input('');
  /** The months the economy headings name (`per augusti`, `per april`); null: headings without a period. */
  readonly economyPeriods = input<EconomyPeriods | null>(null);
  /** The nämnd table's source: the units' approved tables (nämnd-level economy only). */
  readonly committeeEconomy = input<CommitteeEconomyDto | null>(null);
  /** Charts and histories beside the editor (off where two versions are shown side by side). */
  readonly showExtras = input(true);
  /** Comments beside the rows (the task page's own table; they come from the page's RowComments). */
  readonly rowComments = input(false);
  readonly changed = output<void>();
  readonly blurred = output<void>();

  /** Whichever editor of the kind is on the page (each carries `#editor`). */
  private readonly editor = viewChild<StructuredEditor>('editor');
  private readonly economyEditor = viewChild(EconomyTableEditorComponent);

  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly economyConfig = computed(() => economyConfigOf(this.config()));
  protected readonly economy = computed(() => {
    const content = this.content();
    return content.type === 'economy' ? content : (emptyContent('economy') as EconomyContent);
  });
  /** A section made of blocks: its content (blocks-section.component.ts). */
  protected readonly blocks = computed<BlocksContent>(() => {
    const content = this.content();
    return content.type === 'blocks' ? content : { type: 'blocks', blocks: {} };
  });
  /** The economy table as last read (live while editing: the chart follows the figures). */
  private readonly live = signal<EconomyContent | null>(null);
  protected readonly chart = computed(() => economyChart(this.config(), this.live() ?? this.economy(), this.economyPeriods()));
  protected readonly approvedCount = computed(() => this.committeeEconomy()?.units.filter((u) => u.state === 'approved').length ?? 0);

  constructor() {
    // A new task (or read-only content) resets what the chart shows.
    effect(() => {
      this.content();
      untracked(() => this.live.set(null));
    });
  }

  read(): SectionRead {
    return this.editor()?.read() ?? { ok: false, errors: ['Redigeraren är inte klar ännu.'] };
  }

  setContent(content: TaskContent): void {
    // Content of another shape (a section whose kind changed) starts the editor empty.
    const type = this.content().type;
    const fitting = content.type === type ? content : emptyContent(type as SectionKind);
    this.editor()?.setContent(fitting as never);
    this.follow();
  }

  focus(): void {
    this.editor()?.focus();
  }

  /** Every row's problems show from now on (Lämna in was tried), new rows' too. */
  revealErrors(): void {
    this.editor()?.revealErrors();
  }

  protected onChanged(): void {
    this.follow();
    this.changed.emit();
  }

  /** The nämnd table becomes the one built from the units' approved tables (then saved as any edit). */
  protected fetchCommittee(): void {
    const committee = this.committeeEconomy();
    if (!committee) return;
    this.setContent(committee.content);
    this.changed.emit();
  }

  /** The chart follows every figure typed; one the check refuses is left out by the chart's own figures (never drawn). */
  private follow(): void {
    if (this.content().type !== 'economy') return;
    const figures = this.economyEditor()?.figures();
    if (figures) this.live.set(figures);
  }
}
