import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { CycleOverviewDto } from '@rapportflode/api-contract';
import { CYCLE_DATE_LABELS, formatDateTime, OVERVIEW_FILTER_LABELS, OVERVIEW_FILTERS, type OverviewFilter, REPORT_KIND_LABELS } from '@rapportflode/domain';
import { ApiClient, errorMessage, isNotFound } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { CycleDatesFormComponent } from './cycle-dates-form.component';
import { CycleMatrixComponent } from './cycle-matrix.component';
import { CycleRemindersComponent } from './cycle-reminders.component';
import { buildMatrix, CYCLE_DATE_KEYS, frozenText, isOverviewFilter, periodText, progressText } from './cycle-view';

/**
 * One report cycle at a glance: its facts and the matrix of units × sections with each task's
 * state, deadline and lateness (cycle-matrix.component.ts); the secretary changes the dates
 * (cycle-dates-form.component.ts) and the reminders (cycle-reminders.component.ts) here.
 */
@Component({
  selector: 'rf-cycle-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CycleDatesFormComponent,
    CycleMatrixComponent,
    CycleRemindersComponent,
    MatButtonModule,
    MatProgressBarModule,
    MatRadioModule,
    RouterLink,
  ],
  templateUrl: './cycle-overview.page.html',
  styleUrl: './cycle-overview.page.css',
})
export class CycleOverviewPage {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** The route's `:id`. */
  readonly id = input.required<string>();
  /** The `?filter=` query parameter. */
  readonly filter = input<string>();

  protected readonly activeFilter = computed<OverviewFilter>(() => {
    const filter = this.filter();
    return isOverviewFilter(filter) ? filter : 'all';
  });

  protected readonly overviewResource = rxResource({
    params: () => ({ id: this.id(), filter: this.activeFilter() }),
    stream: ({ params }) => this.api.cycleOverview(params.id, params.filter),
  });

  /** The overview shown: while a new filter loads, the previous one stays (and the focus with it). */
  protected readonly data = linkedSignal<
    { value: CycleOverviewDto | undefined; loading: boolean; id: string },
    CycleOverviewDto | null
  >({
    source: () => ({
      value: this.overviewResource.hasValue() ? this.overviewResource.value() : undefined,
      loading: this.overviewResource.isLoading(),
      id: this.id(),
    }),
    computation: (source, previous) => {
      if (source.value) return source.value;
      const kept = previous?.value;
      return source.loading && kept && kept.cycle.id === source.id ? kept : null;
    },
  });

  protected readonly auth = inject(AuthService);
  /** The economy sections, each with a link to import its figures (the server checks the nämnd). */
  protected readonly economySections = computed(() => this.data()?.sections.filter((s) => s.kind === 'economy') ?? []);
  protected readonly canImport = computed(() => this.auth.can('economy.import'));

  protected readonly rows = computed(() => {
    const overview = this.data();
    return overview ? buildMatrix(overview) : [];
  });
  protected readonly matrixStatus = computed(() => {
    const overview = this.data();
    if (!overview || this.overviewResource.isLoading()) return '';
    const label = OVERVIEW_FILTER_LABELS[overview.filter];
    return `${label}: ${overview.tasks.length} avsnitt hos ${this.rows().length} ${this.rows().length === 1 ? 'enhet' : 'enheter'}.`;
  });

  protected readonly filters = OVERVIEW_FILTERS;
  protected readonly filterLabels = OVERVIEW_FILTER_LABELS;
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly dateKeys = CYCLE_DATE_KEYS;
  protected readonly dateLabels = CYCLE_DATE_LABELS;
  protected readonly period = periodText;
  protected readonly progress = progressText;
  protected readonly frozen = frozenText;
  protected readonly dateTime = formatDateTime;
  protected readonly message = errorMessage;
  protected readonly notFound = isNotFound;

  protected setFilter(filter: OverviewFilter): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { filter: filter === 'all' ? null : filter },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
