import { ChangeDetectionStrategy, Component, inject, Injector, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  checkTransition,
  SELF_APPROVAL_REFUSED_MESSAGE,
  type TaskState,
  type Transition,
  WORKFLOW,
  type WorkflowSubjectName,
} from '@rapportflode/domain';
import { focusAfterRender } from './focus';

/** What a page answers when a transition was asked for: done (the text form closes), or why not. */
export type TransitionOutcome = { done: true } | { done: false; error?: string };

/** The label of the text a transition needs: a comment to the unit (return) or a reason (reopen). */
export function transitionTextLabel(transition: Transition): string {
  return transition === 'return' ? 'Kommentar till enheten' : 'Anledning';
}

/**
 * The workflow buttons of a task or a memo: one per transition the server allows now. A transition
 * that needs a text (return, reopen) opens a small form first; the page runs the transition
 * (`run`). The page's own buttons (Spara) are projected first in the group.
 */
@Component({
  selector: 'rf-transition-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule],
  template: `
    @if (transitions().length > 0 || alwaysShown()) {
      <div class="workflow" role="group" aria-label="Arbetsflöde">
        <ng-content />
        @for (transition of transitions(); track transition) {
          <button
            [matButton]="transition === 'return' ? 'outlined' : 'filled'"
            type="button"
            [disabled]="disabled()"
            [attr.aria-expanded]="workflow[transition].requiresText ? textTransition() === transition : null"
            [attr.aria-busy]="busy() || null"
            (click)="start(transition)"
          >
            {{ label(transition) }}
          </button>
        }
      </div>
    }
    @if (selfApprovalRefused()) {
      <p class="muted" id="self-approval-note">{{ selfApprovalMessage }}</p>
    }
    @if (textTransition(); as pending) {
      <fieldset class="transition-text">
        <legend>{{ label(pending) }}</legend>
        <label for="transition-text">{{ textLabel()(pending) }}</label>
        <textarea
          id="transition-text"
          name="transitionText"
          rows="4"
          required
          aria-required="true"
          [(ngModel)]="text"
        ></textarea>
        <div class="form-actions">
          <button matButton="filled" type="button" [attr.aria-busy]="busy() || null" (click)="confirm(pending)">Bekräfta</button>
          <button matButton="outlined" type="button" (click)="cancel()">Avbryt</button>
        </div>
      </fieldset>
    }
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
  `,
  styleUrls: ['./workflow-forms.css'],
  styles: `
    .workflow {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 1rem 0;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
      padding: 1rem;
    }
    legend {
      font: var(--mat-sys-title-medium);
      padding: 0 0.25rem;
    }
  `,
})
export class TransitionBarComponent {
  private readonly injector = inject(Injector);

  /** The transitions the server allows the person now. */
  readonly transitions = input.required<readonly Transition[]>();
  /** The state now (the text check's message depends on it). */
  readonly state = input.required<TaskState>();
  readonly subject = input<WorkflowSubjectName>('task');
  /** The person handed in this round: no approve button, and this says why. */
  readonly selfApprovalRefused = input(false);
  readonly busy = input(false);
  readonly disabled = input(false);
  /** Show the group also without transitions (it holds the page's own buttons). */
  readonly alwaysShown = input(false);
  /** Button texts where the page words them otherwise than the workflow's labels. */
  readonly labels = input<Partial<Record<Transition, string>>>({});
  /** The label of the text a transition needs. */
  readonly textLabel = input<(transition: Transition) => string>(transitionTextLabel);
  /** Runs the transition (with its text, trimmed, when it needs one). */
  readonly run = input.required<(transition: Transition, text?: string) => Promise<TransitionOutcome>>();
  /** A button was pressed: the page clears its notices. */
  readonly started = output<Transition>();

  protected readonly workflow = WORKFLOW;
  protected readonly selfApprovalMessage = SELF_APPROVAL_REFUSED_MESSAGE;
  protected readonly textTransition = signal<Transition | null>(null);
  protected readonly text = signal('');
  /** Why the last transition did not happen (null: it did, or none was asked for). */
  protected readonly error = signal<string | null>(null);

  protected label(transition: Transition): string {
    return this.labels()[transition] ?? WORKFLOW[transition].label;
  }

  protected start(transition: Transition): void {
    this.error.set(null);
    this.started.emit(transition);
    if (WORKFLOW[transition].requiresText) {
      this.textTransition.set(this.textTransition() === transition ? null : transition);
      this.text.set('');
      focusAfterRender(this.injector, 'transition-text');
      return;
    }
    void this.execute(transition);
  }

  protected cancel(): void {
    this.textTransition.set(null);
    this.error.set(null);
  }

  protected confirm(transition: Transition): void {
    const check = checkTransition(this.state(), transition, { allowed: true, text: this.text(), subject: this.subject() });
    if (!check.ok && check.code === 'text_required') {
      this.error.set(check.message);
      document.getElementById('transition-text')?.focus();
      return;
    }
    this.error.set(null);
    void this.execute(transition, this.text().trim());
  }

  private async execute(transition: Transition, text?: string): Promise<void> {
    // An earlier refusal is not left standing while this step runs, nor beside its success message.
    this.error.set(null);
    const outcome = await this.run()(transition, text);
    if (outcome.done) {
      this.textTransition.set(null);
      this.text.set('');
      this.error.set(null);
    } else if (outcome.error) {
      this.error.set(outcome.error);
    }
  }
}
