import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Under a structured editor: what a paste did, what must be fixed before it is saved, what handing in needs. */
@Component({
  selector: 'rf-section-issues',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pasteNote()) {
      <p class="paste-note" role="status">{{ pasteNote() }}</p>
    }
    <div class="issues" role="alert">
      @if (messages().length > 0) {
        <p>Rätta det här innan avsnittet kan sparas:</p>
        <ul>
          @for (message of messages(); track $index) {
            <li>{{ message }}</li>
          }
        </ul>
      }
    </div>
    @if (beforeSubmit().length > 0) {
      <div class="before-submit" role="note">
        <p>Innan avsnittet lämnas in behöver det här fyllas i:</p>
        <ul>
          @for (message of beforeSubmit(); track $index) {
            <li>{{ message }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .issues {
      color: var(--mat-sys-error);
    }
    .before-submit {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SectionIssuesComponent {
  readonly messages = input.required<readonly string[]>();
  readonly beforeSubmit = input<readonly string[]>([]);
  readonly pasteNote = input('');
}
