import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';

export interface TextDialogData {
  title: string;
  /** The field's label. */
  label: string;
  /** A sentence under the title. */
  text?: string;
  hint?: string;
  submitLabel: string;
  multiline?: boolean;
  initial?: string;
  /** The message when the text is refused; null when it is fine. Empty text is always refused. */
  validate?: (text: string) => string | null;
  emptyMessage?: string;
}

/**
 * A small dialog asking for one text: the reason of a change after the kallelse was sent, the
 * OSL reference of a handling made secret. Closes with the trimmed text, or undefined (Avbryt, Escape).
 */
@Component({
  selector: 'rf-text-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (data.text) {
          <p>{{ data.text }}</p>
        }
        <mat-form-field appearance="outline" class="field" subscriptSizing="dynamic">
          <mat-label>{{ data.label }}</mat-label>
          @if (data.multiline) {
            <textarea
              matInput
              name="text"
              rows="3"
             
              required
              [(ngModel)]="text"
              [attr.aria-invalid]="error() ? true : null"
              aria-describedby="text-dialog-error"
            ></textarea>
          } @else {
            <input
              matInput
              name="text"
              autocomplete="off"
             
              required
              [(ngModel)]="text"
              [attr.aria-invalid]="error() ? true : null"
              aria-describedby="text-dialog-error"
            />
          }
          @if (data.hint) {
            <mat-hint>{{ data.hint }}</mat-hint>
          }
        </mat-form-field>
        <p id="text-dialog-error" class="dialog-error" [class.shown]="error()" role="alert">{{ error() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton="outlined" type="button" (click)="cancel()">Avbryt</button>
        <button matButton="filled" type="submit">{{ data.submitLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: min(32rem, 100%);
    }
    .dialog-error {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-error);
    }
    .dialog-error:not(.shown) {
      margin: 0;
    }
  `,
})
export class TextDialogComponent {
  protected readonly data = inject<TextDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TextDialogComponent, string>>(MatDialogRef);
  protected readonly text = signal(this.data.initial ?? '');
  protected readonly error = signal('');

  protected cancel(): void {
    this.ref.close();
  }

  protected submit(): void {
    const text = this.text().trim();
    const message = text === '' ? (this.data.emptyMessage ?? 'Fyll i fältet.') : (this.data.validate?.(text) ?? null);
    if (message) {
      this.error.set(message);
      return;
    }
    this.ref.close(text);
  }
}

/** Opens the dialog: the text given, or null when it was closed without one. */
export async function askText(dialog: MatDialog, data: TextDialogData): Promise<string | null> {
  const ref = dialog.open<TextDialogComponent, TextDialogData, string>(TextDialogComponent, {
    data,
    autoFocus: 'first-tabbable',
    restoreFocus: true,
  });
  const text = await firstValueFrom(ref.afterClosed());
  return typeof text === 'string' && text !== '' ? text : null;
}
