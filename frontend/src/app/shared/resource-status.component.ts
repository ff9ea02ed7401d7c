import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { errorMessage } from '../core/api-client';

/** What the status needs of a resource (an httpResource or resource ref). */
export interface ReloadableResource {
  isLoading(): boolean;
  error(): unknown;
  reload(): unknown;
}

/**
 * The loading bar and the "could not be fetched, try again" alert shown above a list while its
 * resource loads or after it failed. `failure` is the sentence naming what could not be fetched.
 */
@Component({
  selector: 'rf-resource-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    @if (resource().isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
    }
    @if (resource().error(); as error) {
      <div class="error" role="alert">
        <p>{{ failure() }} {{ message(error) }}</p>
        <button matButton="outlined" type="button" (click)="resource().reload()">Försök igen</button>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ResourceStatusComponent {
  readonly resource = input.required<ReloadableResource>();
  readonly loadingLabel = input.required<string>();
  readonly failure = input.required<string>();
  protected readonly message = errorMessage;
}
