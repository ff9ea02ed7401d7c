import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CycleSummaryDto } from '@rapportflode/api-contract';
import { CYCLE_DATE_LABELS, type CycleDates } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { DateFieldComponent } from '../../shared/date-field/date-field.component';
import { checkCycleChange, CYCLE_DATE_KEYS, type CycleChangeForm, cycleChangeForm, sameVersion } from './cycle-view';

/**
 * "Ändra datum" on the cycle overview: the secretary changes the diary number and the cycle's
 * dates. A new version of the cycle (saved, or changed by someone else) resets the form;
 * `changed` asks the page to fetch the overview again (after a save or a conflict).
 */
@Component({
  selector: 'rf-cycle-dates-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateFieldComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './cycle-dates-form.component.html',
  styleUrl: './cycle-forms.css',
})
export class CycleDatesFormComponent {
  private readonly api = inject(ApiClient);

  readonly cycle = input.required<CycleSummaryDto>();
  readonly changed = output<void>();

  /** The cycle as far as the form cares: only a new version counts. */
  private readonly current = computed(() => this.cycle(), { equal: sameVersion });
  protected readonly changeForm = linkedSignal<CycleChangeForm>(() => cycleChangeForm(this.current()));
  protected readonly changeErrors = signal<string[]>([]);
  protected readonly changeNotice = signal('');
  protected readonly busy = signal(false);

  protected readonly dateKeys = CYCLE_DATE_KEYS;
  protected readonly dateLabels = CYCLE_DATE_LABELS;

  protected setField(key: keyof CycleDates | 'diaryNumber', value: string): void {
    this.changeForm.update((form) => ({ ...form, [key]: value ?? '' }));
  }

  protected resetChange(): void {
    this.changeForm.set(cycleChangeForm(this.current()));
    this.changeErrors.set([]);
    this.changeNotice.set('');
  }

  protected async saveChange(): Promise<void> {
    const cycle = this.current();
    const form = this.changeForm();
    if (this.busy()) return;
    this.changeNotice.set('');
    const checked = checkCycleChange(cycle, form);
    if (!checked.ok) {
      this.changeErrors.set(checked.errors);
      return;
    }
    if (!checked.changed) {
      this.changeErrors.set([]);
      this.changeNotice.set('Inget är ändrat.');
      return;
    }
    this.changeErrors.set([]);
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.updateCycle(cycle.id, checked.request));
      this.changeNotice.set('Ändringarna sparades.');
      this.changed.emit();
    } catch (error) {
      const conflict = error instanceof HttpErrorResponse && error.status === 409;
      this.changeErrors.set([
        conflict
          ? `${errorMessage(error)} Uppgifterna har hämtats på nytt: gör din ändring igen om den fortfarande behövs.`
          : errorMessage(error),
      ]);
      if (conflict) this.changed.emit();
    } finally {
      this.busy.set(false);
    }
  }
}
