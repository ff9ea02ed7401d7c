import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { COMMITTEE_MEETINGS_API, type MeetingSettingsDto } from '@rapportflode/api-contract';
import { KALLELSE_DAYS_MAX, KALLELSE_DAYS_MIN } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { checkSettings, type SettingsForm } from './meeting-forms';

function settingsForm(settings: MeetingSettingsDto): SettingsForm {
  return {
    kallelseWorkingDays: String(settings.kallelseWorkingDays),
    absenceContact: settings.absenceContact ?? '',
    publicMailDomains: settings.publicMailDomains.join('\n'),
  };
}

/** The nämnd's settings for its meetings: a form for the secretary, the facts for everyone else. */
@Component({
  selector: 'rf-meeting-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './meeting-settings.component.html',
  styleUrl: './meeting-shared.css',
})
export class MeetingSettingsComponent {
  private readonly api = inject(ApiClient);

  readonly settings = input.required<MeetingSettingsDto>();
  readonly canManage = input(false);
  readonly saved = output<MeetingSettingsDto>();

  protected readonly form = linkedSignal(() => settingsForm(this.settings()));
  protected readonly errors = signal<string[]>([]);
  protected readonly notice = signal('');
  protected readonly busy = signal(false);
  protected readonly min = KALLELSE_DAYS_MIN;
  protected readonly max = KALLELSE_DAYS_MAX;

  protected set(key: keyof SettingsForm, value: string): void {
    this.form.update((form) => ({ ...form, [key]: value ?? '' }));
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.notice.set('');
    const checked = checkSettings(this.form());
    if (!checked.ok) {
      this.errors.set(checked.errors);
      return;
    }
    this.errors.set([]);
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.call(
          COMMITTEE_MEETINGS_API.updateSettings,
          { committeeId: this.settings().committeeId },
          checked.value,
        ),
      );
      this.notice.set('Inställningarna sparades.');
      this.saved.emit(saved);
    } catch (error) {
      this.errors.set([errorMessage(error)]);
    } finally {
      this.busy.set(false);
    }
  }
}
