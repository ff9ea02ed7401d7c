import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';

@Component({
  selector: 'rf-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    <section class="narrow-page">
      <h1>Glömt lösenordet</h1>
      <p>Ange din e-postadress så skickar vi en länk för att välja ett nytt lösenord.</p>
      @if (sent()) {
        <p class="message-ok" role="status">{{ sent() }}</p>
      } @else {
        <form (ngSubmit)="submit()">
          <mat-form-field appearance="outline">
            <mat-label>E-postadress</mat-label>
            <input matInput name="email" type="email" autocomplete="username" required [(ngModel)]="email" />
          </mat-form-field>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <button matButton="filled" type="submit" [disabled]="busy()">Skicka länk</button>
        </form>
      }
      <p><a routerLink="/logga-in">Tillbaka till inloggningen</a></p>
    </section>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
    }
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(ApiClient);
  protected email = '';
  protected readonly busy = signal(false);
  protected readonly sent = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const answer = await firstValueFrom(this.api.requestPasswordReset(this.email));
      this.sent.set(answer.message);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
