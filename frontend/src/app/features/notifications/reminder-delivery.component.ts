import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatRadioModule } from '@angular/material/radio';
import { isReminderDelivery, REMINDER_DELIVERIES, REMINDER_DELIVERY_LABELS, ReminderDelivery } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';

/**
 * The person's own choice of how reminder e-mail comes: each reminder as it goes out,
 * or one digest per working day. Saved as soon as it is chosen; the server's answer is shown.
 */
@Component({
  selector: 'rf-reminder-delivery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatRadioModule, SvDatePipe],
  template: `
    <section class="delivery" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Påminnelser via e-post</h2>
      @if (settings.error(); as error) {
        <p class="error" role="alert">Inställningen kunde inte hämtas. {{ message(error) }}</p>
      }
      @if (settings.hasValue()) {
        <mat-radio-group
          aria-labelledby="delivery-heading"
          aria-describedby="delivery-help"
          [value]="chosen()"
          [disabled]="saving()"
          (change)="choose($event.value)"
        >
          @for (option of options; track option) {
            <mat-radio-button [value]="option">{{ labels[option] }}</mat-radio-button>
          }
        </mat-radio-group>
        <p id="delivery-help" class="help">
          Notiserna här i Rapportflöde kommer direkt oavsett val.
          @if (chosen() === 'daily_digest') {
            Nästa sammanfattning skickas
            <time [attr.datetime]="settings.value().nextDigestAt">{{ settings.value().nextDigestAt | svDate: true }}</time>.
          }
        </p>
      }
      <p class="status" role="status" aria-live="polite">{{ status() }}</p>
      @if (saveError()) {
        <p class="error" role="alert">{{ saveError() }}</p>
      }
    </section>
  `,
  styles: `
    .delivery {
      margin-bottom: 1.5rem;
      padding-bottom: 1rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .help,
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReminderDeliveryComponent {
  private readonly api = inject(ApiClient);
  protected readonly settings = rxResource({ stream: () => this.api.notificationSettings() });
  protected readonly options = REMINDER_DELIVERIES;
  protected readonly labels = REMINDER_DELIVERY_LABELS;
  protected readonly message = errorMessage;
  protected readonly saving = signal(false);
  protected readonly status = signal('');
  protected readonly saveError = signal<string | null>(null);
  protected readonly chosen = computed(() => (this.settings.hasValue() ? this.settings.value().reminderDelivery : null));

  protected async choose(value: unknown): Promise<void> {
    if (!isReminderDelivery(value) || value === this.chosen()) return;
    const delivery: ReminderDelivery = value;
    this.saving.set(true);
    this.status.set('Sparar …');
    this.saveError.set(null);
    try {
      const saved = await firstValueFrom(this.api.updateNotificationSettings({ reminderDelivery: delivery }));
      this.settings.set(saved);
      this.status.set(
        saved.reminderDelivery === 'daily_digest'
          ? 'Sparat: du får en sammanfattning per arbetsdag kl. 08.15.'
          : 'Sparat: du får varje påminnelse för sig.',
      );
    } catch (error) {
      this.status.set('');
      this.saveError.set(`Valet kunde inte sparas. ${errorMessage(error)}`);
      this.settings.reload();
    } finally {
      this.saving.set(false);
    }
  }
}
