import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { CYCLE_DATE_LABELS, CycleDates, diaryNumberExample, swedishToday } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { checkNewCycle, CYCLE_DATE_KEYS, frozenText, periodText, progressText } from './cycle-view';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { DateFieldComponent } from '../../shared/date-field/date-field.component';

@Component({
  selector: 'rf-cycles-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateFieldComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ResourceStatusComponent, RouterLink],
  templateUrl: './cycles.page.html',
  styleUrl: './cycles.page.css',
})
export class CyclesPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly canManage = computed(() => this.auth.can('cycle.manage'));
  protected readonly cycles = rxResource({ stream: () => this.api.listCycles() });
  /** Only needed to open a cycle. */
  protected readonly templates = rxResource({
    params: () => (this.canManage() ? true : undefined),
    stream: () => this.api.listTemplates(),
  });
  protected readonly activeTemplates = computed(() =>
    this.templates.hasValue() ? this.templates.value().templates.filter((t) => t.active) : [],
  );

  /** The nämnder's diarienummer prefixes, for the example in the form. */
  private readonly organisation = rxResource({
    params: () => (this.canManage() ? true : undefined),
    stream: () => this.api.getOrganisation(),
  });

  protected readonly templateId = signal('');
  protected readonly year = signal(swedishToday().slice(0, 4));
  /** A diarienummer in the chosen template's nämnd's own format: its latest one with this year, or from its prefix. */
  protected readonly diaryExample = computed(() => {
    const template = this.activeTemplates().find((t) => t.id === this.templateId());
    const year = /^\d{4}$/.test(String(this.year()).trim()) ? Number(this.year()) : Number(swedishToday().slice(0, 4));
    if (!template?.committeeId) return diaryNumberExample(year, null, []);
    const prefix = this.organisation.hasValue()
      ? (this.organisation.value().committees.find((c) => c.id === template.committeeId)?.diaryPrefix ?? null)
      : null;
    const earlier = this.cycles.hasValue()
      ? this.cycles
          .value()
          .cycles.filter((c) => c.committeeId === template.committeeId)
          .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1))
          .map((c) => c.diaryNumber)
      : [];
    return diaryNumberExample(year, prefix, earlier);
  });
  protected readonly diaryNumber = signal('');
  protected readonly title = signal('');
  protected readonly dates = signal<Record<keyof CycleDates, string>>({
    periodEnd: '',
    submissionDeadline: '',
    reviewDeadline: '',
    assemblyDeadline: '',
    meetingDate: '',
  });

  protected readonly errors = signal<string[]>([]);
  protected readonly busy = signal(false);

  protected readonly dateKeys = CYCLE_DATE_KEYS;
  protected readonly dateLabels = CYCLE_DATE_LABELS;
  protected readonly period = periodText;
  protected readonly progress = progressText;
  protected readonly frozen = frozenText;
  protected readonly message = errorMessage;

  protected setDate(key: keyof CycleDates, value: string): void {
    this.dates.update((dates) => ({ ...dates, [key]: value ?? '' }));
  }

  protected async create(): Promise<void> {
    if (this.busy()) return;
    const checked = checkNewCycle({
      templateId: this.templateId(),
      year: String(this.year() ?? ''),
      diaryNumber: this.diaryNumber(),
      title: this.title(),
      diaryExample: this.diaryExample(),
      ...this.dates(),
    });
    if (!checked.ok) {
      this.errors.set(checked.errors);
      return;
    }
    this.errors.set([]);
    this.busy.set(true);
    try {
      const created = await firstValueFrom(this.api.createCycle(checked.request));
      await this.router.navigate(['/cykler', created.id]);
    } catch (error) {
      this.errors.set([errorMessage(error)]);
    } finally {
      this.busy.set(false);
    }
  }
}
