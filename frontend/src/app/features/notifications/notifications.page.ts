import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { ReminderDeliveryComponent } from './reminder-delivery.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

/** `2 olästa notiser`, `1 oläst notis`, `Inga olästa notiser`. */
export function unreadText(unread: number): string {
  if (unread === 0) return 'Inga olästa notiser.';
  return unread === 1 ? '1 oläst notis.' : `${unread} olästa notiser.`;
}

@Component({
  selector: 'rf-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ReminderDeliveryComponent, ResourceStatusComponent, RouterLink, SvDatePipe],
  template: `
    <h1>Notiser</h1>
    <rf-reminder-delivery />
    <p class="notice" role="status" aria-live="polite" [class.shown]="notice()">{{ notice() }}</p>
    <rf-resource-status [resource]="list" loadingLabel="Hämtar notiserna" failure="Notiserna kunde inte hämtas." />
    @if (actionError()) {
      <p class="error" role="alert">{{ actionError() }}</p>
    }
    @if (list.hasValue()) {
      <div class="summary">
        <p>{{ unreadText(list.value().unread) }}</p>
        @if (list.value().notifications.length > 0) {
          <button matButton="outlined" type="button" [attr.aria-busy]="busy() || null" (click)="markAllRead()">
            Markera alla som lästa
          </button>
        }
      </div>
      @if (list.value().notifications.length > 0) {
        <ul class="notifications" aria-label="Notiser, den senaste först">
          @for (item of list.value().notifications; track item.id) {
            <li [class.unread]="!item.read">
              @if (!item.read) {
                <span class="unread-mark">Oläst</span>
              }
              <div class="text">
                @if (item.taskId) {
                  <a [routerLink]="['/uppgifter', item.taskId]">{{ item.text }}</a>
                } @else {
                  <span>{{ item.text }}</span>
                }
                <span class="time"><time [attr.datetime]="item.createdAt">{{ item.createdAt | svDate: true }}</time></span>
              </div>
            </li>
          }
        </ul>
      } @else {
        <p class="empty">Du har inga notiser.</p>
      }
    }
  `,
  styles: `
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .notifications {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .notifications li {
      display: flex;
      gap: 1rem;
      align-items: baseline;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .notifications li.unread .text {
      font-weight: 600;
    }
    .unread-mark {
      flex: none;
      padding: 0.125rem 0.5rem;
      border-radius: 1rem;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-medium);
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .text a {
      color: var(--mat-sys-primary);
    }
    .time,
    .empty {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 400;
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(ApiClient);
  protected readonly list = rxResource({ stream: () => this.api.notifications() });
  protected readonly unreadText = unreadText;
  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  protected readonly actionError = signal<string | null>(null);

  protected async markAllRead(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.notice.set('');
    this.actionError.set(null);
    try {
      await firstValueFrom(this.api.markNotificationsRead());
      this.list.reload();
      this.notice.set('Alla notiser är markerade som lästa.');
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
