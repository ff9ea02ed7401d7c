import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@rapportflode/api-contract';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';

@Component({
  selector: 'rf-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    <section class="narrow-page">
      <h1>Välj nytt lösenord</h1>
      @if (done()) {
        <p class="message-ok" role="status">Lösenordet är bytt. Du har loggats ut överallt.</p>
        <p><a routerLink="/logga-in">Logga in med det nya lösenordet</a></p>
      } @else if (!token()) {
        <p class="error" role="alert">Länken saknar sin kod. Öppna länken i e-postmeddelandet igen, eller begär en ny.</p>
        <p><a routerLink="/glomt-losenord">Begär en ny länk</a></p>
      } @else {
        <form (ngSubmit)="submit()">
          <mat-form-field appearance="outline">
            <mat-label>Nytt lösenord</mat-label>
            <input matInput name="password" type="password" autocomplete="new-password" required [(ngModel)]="password" />
            <mat-hint>Minst {{ minLength }} tecken.</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Upprepa lösenordet</mat-label>
            <input matInput name="repeat" type="password" autocomplete="new-password" required [(ngModel)]="repeat" />
          </mat-form-field>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <button matButton="filled" type="submit" [disabled]="busy()">Spara lösenord</button>
        </form>
      }
    </section>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
  `,
})
export class ResetPasswordPage {
  private readonly api = inject(ApiClient);
  readonly token = input<string>();
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected password = '';
  protected repeat = '';
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.password.length < PASSWORD_MIN_LENGTH) {
      this.error.set(`Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`);
      return;
    }
    if (this.password !== this.repeat) {
      this.error.set('Lösenorden är inte lika.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.confirmPasswordReset({ token: this.token() ?? '', password: this.password }));
      this.done.set(true);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
