import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CycleSummaryDto } from '@rapportflode/api-contract';
import { type ReminderConfig, swedishToday } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../../core/api-client';
import { sameVersion } from './cycle-view';
import {
  checkReminderForm,
  holidaysSkipped,
  hourText,
  isDefaultReminderConfig,
  longDateText,
  REMINDER_HOURS,
  type ReminderForm,
  reminderForm,
  reminderPreview,
  reminderSaveErrors,
  reminderSummary,
  sameReminderConfig,
} from './reminder-settings';

/**
 * "Påminnelser" on the cycle overview: the settings in force, the next reminders (from the
 * form's settings while they are valid and changed), and for the secretary the form to change
 * them or go back to the defaults. A new version of the cycle resets the form; `changed` asks
 * the page to fetch the overview again (after a save or a conflict).
 */
@Component({
  selector: 'rf-cycle-reminders',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule],
  templateUrl: './cycle-reminders.component.html',
  styleUrls: ['./cycle-forms.css', './cycle-reminders.component.css'],
})
export class CycleRemindersComponent {
  private readonly api = inject(ApiClient);

  readonly cycle = input.required<CycleSummaryDto>();
  readonly canManage = input(false);
  readonly changed = output<void>();

  /** The cycle as far as the form cares: only a new version counts. */
  private readonly current = computed(() => this.cycle(), { equal: sameVersion });
  protected readonly reminderForm = linkedSignal<ReminderForm>(() => reminderForm(this.current().reminderConfig));
  /** Checked live with checkReminderConfig: the server's own messages. */
  private readonly reminderCheck = computed(() => checkReminderForm(this.reminderForm()));
  protected readonly reminderErrors = computed(() => {
    const check = this.reminderCheck();
    return check.ok ? [] : check.errors;
  });
  protected readonly reminderServerErrors = signal<string[]>([]);
  protected readonly reminderNotice = signal('');
  protected readonly reminderBusy = signal(false);

  /** The settings the preview uses: the form's while it is valid and changed, else those in force. */
  private readonly previewConfig = computed<{ config: ReminderConfig; fromForm: boolean }>(() => {
    const cycle = this.current();
    const check = this.reminderCheck();
    if (this.canManage() && check.ok && !sameReminderConfig(check.config, cycle.reminderConfig)) {
      return { config: check.config, fromForm: true };
    }
    return { config: cycle.reminderConfig, fromForm: false };
  });
  protected readonly previewFromForm = computed(() => this.previewConfig().fromForm);
  protected readonly preview = computed(() =>
    reminderPreview(this.current().submissionDeadline, this.previewConfig().config, swedishToday()),
  );
  protected readonly skippedHolidays = computed(() => holidaysSkipped(this.preview(), this.current().submissionDeadline));

  protected readonly hours = REMINDER_HOURS;
  protected readonly hourLabel = hourText;
  protected readonly longDate = longDateText;
  protected readonly reminderSummary = reminderSummary;
  protected readonly reminderIsDefault = isDefaultReminderConfig;

  protected setReminderField<K extends keyof ReminderForm>(key: K, value: ReminderForm[K]): void {
    this.reminderForm.update((form) => ({ ...form, [key]: value }));
    this.reminderServerErrors.set([]);
    this.reminderNotice.set('');
  }

  protected async saveReminders(): Promise<void> {
    const check = this.reminderCheck();
    const cycle = this.current();
    if (this.reminderBusy()) return;
    this.reminderNotice.set('');
    if (!check.ok) return;
    if (sameReminderConfig(check.config, cycle.reminderConfig)) {
      this.reminderServerErrors.set([]);
      this.reminderNotice.set('Inget är ändrat.');
      return;
    }
    await this.sendReminders(cycle, check.config, 'Påminnelserna sparades.');
  }

  /** Back to the defaults, saved at once (reminderConfig null). */
  protected async resetReminders(): Promise<void> {
    const cycle = this.current();
    if (this.reminderBusy()) return;
    if (isDefaultReminderConfig(cycle.reminderConfig)) {
      // Nothing to save (the server would say so): the form back to what is in force.
      this.reminderForm.set(reminderForm(cycle.reminderConfig));
      this.reminderServerErrors.set([]);
      this.reminderNotice.set('Standardinställningarna gäller redan.');
      return;
    }
    await this.sendReminders(cycle, null, 'Standardinställningarna för påminnelser gäller igen.');
  }

  private async sendReminders(cycle: CycleSummaryDto, config: ReminderConfig | null, notice: string): Promise<void> {
    this.reminderServerErrors.set([]);
    this.reminderBusy.set(true);
    try {
      await firstValueFrom(this.api.updateCycle(cycle.id, { version: cycle.version, reminderConfig: config }));
      this.reminderNotice.set(notice);
      this.changed.emit();
    } catch (error) {
      this.reminderServerErrors.set(reminderSaveErrors(error));
      if (error instanceof HttpErrorResponse && error.status === 409) this.changed.emit();
    } finally {
      this.reminderBusy.set(false);
    }
  }
}
