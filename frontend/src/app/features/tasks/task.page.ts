import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  OnDestroy,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ContentConflictResponse, TaskCommentDto, TaskDto } from '@rapportflode/api-contract';
import {
  availableTransitions,
  checkTransition,
  daysLateLabel,
  emptyDocument,
  isEditable,
  isStructured,
  mergeDocuments,
  refusesSelfApproval,
  type ReviewRound,
  type RichTextDocument,
  SELF_APPROVAL_REFUSED_MESSAGE,
  type TaskContent,
  TASK_STATE_LABELS,
  type Transition,
  WORKFLOW,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { documentToHtml } from '../../shared/rich-text/rich-text-dom';
import { diffCellText } from '../section-editors/section-views';
import { StructuredSectionComponent } from '../section-editors/structured-section.component';
import { anchorOptions, commentThreads, diffHeading, diffRounds, savedAtText } from './task-format';

/** How long after the last keystroke the text is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict' };

/** What an editor (rich text or table) has now, ready to save. */
type EditorRead = { ok: true; content: TaskContent; removed: string[] } | { ok: false; errors: string[] };

interface ContentEditor {
  read(): EditorRead;
  setContent(content: TaskContent): void;
  focus(): void;
}

export function isVersionConflict(error: unknown): error is HttpErrorResponse & { error: ContentConflictResponse } {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 409 &&
    (error.error as Partial<ContentConflictResponse> | null)?.code === 'version_conflict' &&
    typeof (error.error as Partial<ContentConflictResponse>).current === 'object'
  );
}

/** The label of the text a transition needs: a comment to the unit (return) or a reason (reopen). */
export function transitionTextLabel(transition: Transition): string {
  return transition === 'return' ? 'Kommentar till enheten' : 'Anledning';
}

@Component({
  selector: 'rf-task-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NgTemplateOutlet, MatButtonModule, MatProgressBarModule, RichTextEditorComponent, StructuredSectionComponent, SvDatePipe],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar uppgiften" />
    }
    @if (loadError()) {
      <h1>Uppgiften kunde inte visas</h1>
      <div class="error" role="alert">
        <p>{{ loadError() }}</p>
        <button matButton="outlined" type="button" (click)="load(id())">Försök igen</button>
      </div>
    }

    @if (task(); as t) {
      <h1>{{ t.sectionNumber }} {{ t.sectionTitle }}</h1>
      <dl class="facts">
        <div>
          <dt>Enhet</dt>
          <dd>{{ t.unitName }}</dd>
        </div>
        <div>
          <dt>Rapport</dt>
          <dd>{{ t.cycleTitle }}, {{ t.committeeName }}</dd>
        </div>
        <div>
          <dt>Diarienummer</dt>
          <dd>{{ t.cycleDiaryNumber }}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span class="state-badge" [class]="'state-' + t.state" data-testid="task-state">{{
              stateLabels[t.state]
            }}</span>
          </dd>
        </div>
        <div>
          <dt>Deadline</dt>
          <dd>
            {{ t.deadline | svDate }}
            @if (t.daysLate > 0) {
              <span class="late"><span aria-hidden="true">⚠ </span>{{ lateText(t.daysLate) }}</span>
            }
          </dd>
        </div>
      </dl>

      <p class="notice" role="status" aria-live="polite" [class.shown]="notice()">{{ notice() }}</p>

      @if (transitions().length > 0) {
        <div class="workflow" role="group" aria-label="Arbetsflöde">
          @for (transition of transitions(); track transition) {
            <button
              [matButton]="transition === 'return' ? 'outlined' : 'filled'"
              type="button"
              [attr.aria-expanded]="workflow[transition].requiresText ? textTransition() === transition : null"
              [attr.aria-busy]="busy() || null"
              (click)="startTransition(transition)"
            >
              {{ workflow[transition].label }}
            </button>
          }
        </div>
      }
      @if (selfApprovalRefused()) {
        <p class="muted" id="self-approval-note">{{ selfApprovalMessage }}</p>
      }
      @if (textTransition(); as pending) {
        <form class="transition-text" (ngSubmit)="confirmTransition(pending)" novalidate>
          <fieldset>
            <legend>{{ workflow[pending].label }}</legend>
            <label for="transition-text">{{ textLabel(pending) }}</label>
            <textarea
              id="transition-text"
              name="transitionText"
              rows="4"
              required
              aria-required="true"
              [(ngModel)]="transitionText"
            ></textarea>
            <div class="form-actions">
              <button matButton="filled" type="submit" [attr.aria-busy]="busy() || null">Bekräfta</button>
              <button matButton="outlined" type="button" (click)="cancelTransition()">Avbryt</button>
            </div>
          </fieldset>
        </form>
      }
      @if (transitionError()) {
        <p class="error" role="alert">{{ transitionError() }}</p>
      }

      @if (reviewing()) {
        <ng-container [ngTemplateOutlet]="changes" />
      }

      <section class="text" aria-labelledby="text-heading">
        <h2 id="text-heading">{{ structured() ? 'Tabell' : 'Text' }}</h2>
        @if (canEdit()) {
          @if (structured()) {
            <rf-structured-section
              #structuredEditor
              [content]="t.content"
              [config]="t.sectionConfig"
              [title]="t.sectionNumber + ' ' + t.sectionTitle"
              describedBy="save-status"
              [locked]="conflict() !== null"
              [earlier]="t.earlier"
              [period]="period()"
              [committeeEconomy]="t.committeeEconomy"
              (changed)="onChanged()"
              (blurred)="flush()"
            />
          } @else {
            <rf-rich-text-editor
              [content]="asDocument(t.content)"
              [label]="'Text för ' + t.sectionNumber + ' ' + t.sectionTitle"
              describedBy="save-status"
              [readonly]="conflict() !== null"
              (changed)="onChanged()"
              (blurred)="flush()"
            />
          }
          <p id="save-status" class="save-status" role="status" aria-live="polite">{{ saveText() }}</p>
          @if (saveStatus().kind === 'invalid') {
            <p class="error">Ändringarna sparas när felen i tabellen är rättade.</p>
          }
          @if (saveStatus().kind === 'error') {
            <button matButton="outlined" type="button" (click)="flush()">Försök spara igen</button>
          }
          @if (removed().length > 0) {
            <div class="removed" role="note">
              <p>Det här togs bort när texten sparades:</p>
              <ul>
                @for (item of removed(); track item) {
                  <li>{{ item }}</li>
                }
              </ul>
            </div>
          }
          @if (conflict(); as c) {
            <section id="conflict" class="conflict" aria-labelledby="conflict-heading" tabindex="-1">
              <h3 id="conflict-heading">Någon annan har sparat ändringar</h3>
              <p class="error" role="alert">
                {{ c.message }} Välj hur du vill fortsätta.
              </p>
              @if (structured()) {
                <div class="versions tables">
                  <div class="version">
                    <h4>Sparad version (av {{ c.current.updatedByName ?? 'okänd' }})</h4>
                    <rf-structured-section
                      [content]="c.current.content"
                      [config]="t.sectionConfig"
                      [title]="'Sparad version'"
                      [readonly]="true"
                      [showExtras]="false"
                    />
                  </div>
                  <div class="version">
                    <h4>Din version</h4>
                    <rf-structured-section
                      [content]="c.yours.content"
                      [config]="t.sectionConfig"
                      [title]="'Din version'"
                      [readonly]="true"
                      [showExtras]="false"
                    />
                  </div>
                </div>
              } @else {
                <div class="versions">
                  <div class="version">
                    <h4>Sparad version (av {{ c.current.updatedByName ?? 'okänd' }})</h4>
                    <div class="rich-content view" [innerHTML]="html(c.current.content)"></div>
                  </div>
                  <div class="version">
                    <h4>Din version</h4>
                    <div class="rich-content view" [innerHTML]="html(c.yours.content)"></div>
                  </div>
                </div>
              }
              <div class="form-actions">
                @if (c.current.content.type === 'doc' && c.yours.content.type === 'doc') {
                  <button matButton="filled" type="button" (click)="resolveMerge()">Slå ihop</button>
                }
                <button matButton="outlined" type="button" (click)="resolveKeepMine()">Behåll min version</button>
                <button matButton="outlined" type="button" (click)="resolveUseSaved()">Använd den sparade</button>
              </div>
            </section>
          }
        } @else if (structured()) {
          <rf-structured-section
            [content]="t.content"
            [config]="t.sectionConfig"
            [title]="t.sectionNumber + ' ' + t.sectionTitle"
            [readonly]="true"
            [earlier]="t.earlier"
            [period]="period()"
          />
        } @else {
          @if (contentHtml()) {
            <div class="rich-content view" [innerHTML]="contentHtml()"></div>
          } @else {
            <p class="muted">Ingen text ännu.</p>
          }
        }
      </section>

      @if (!reviewing() && t.snapshots.length > 0) {
        <ng-container [ngTemplateOutlet]="changes" />
      }

      <ng-template #changes>
        <section class="changes" aria-labelledby="changes-heading">
          <h2 id="changes-heading">Ändringar</h2>
          <form class="rounds" (submit)="$event.preventDefault()">
            <label>
              <span>Jämför från</span>
              <select name="diffFrom" (change)="chooseFrom($any($event.target).value)">
                <option value="0" [selected]="diffShown()?.from === 0">Tom text</option>
                @for (round of rounds(); track round) {
                  <option [value]="round" [selected]="diffShown()?.from === round">Inlämning {{ round }}</option>
                }
              </select>
            </label>
            <label>
              <span>till</span>
              <select name="diffTo" (change)="chooseTo($any($event.target).value)">
                @for (round of rounds(); track round) {
                  <option [value]="round" [selected]="diffShown()?.to === round">Inlämning {{ round }}</option>
                }
              </select>
            </label>
          </form>
          @if (diff.isLoading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Hämtar ändringarna" />
          }
          @if (diff.error(); as error) {
            <p class="error" role="alert">Ändringarna kunde inte hämtas. {{ message(error) }}</p>
          }
          @if (diffShown(); as d) {
            <h3>{{ heading(d.from, d.to) }}</h3>
            @if (structured()) {
              @if (d.cells.length > 0) {
                <div class="table-wrap">
                  <table class="cell-diff">
                    <caption>
                      Ändrade celler
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Rad</th>
                        <th scope="col">Kolumn</th>
                        <th scope="col">Före</th>
                        <th scope="col">Efter</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (cell of d.cells; track $index) {
                        <tr>
                          <th scope="row">{{ cell.row }}</th>
                          <td class="text-cell">{{ cell.column }}</td>
                          <td>{{ cellValue(cell.before) }}</td>
                          <td>{{ cellValue(cell.after) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              } @else {
                <p class="muted">Inga ändrade celler.</p>
              }
            } @else {
            <p class="muted">Tillagd text är understruken, borttagen text är överstruken.</p>
            <div class="diff">
              @for (block of d.blocks; track $index) {
                <p class="diff-block" [class]="'diff-' + block.kind">
                  @for (part of block.parts; track $index) {
                    @switch (part.kind) {
                      @case ('added') {
                        <ins><span class="visually-hidden">Tillagt: </span>{{ part.text }}</ins>
                      }
                      @case ('removed') {
                        <del><span class="visually-hidden">Borttaget: </span>{{ part.text }}</del>
                      }
                      @default {
                        <span>{{ part.text }}</span>
                      }
                    }
                  }
                </p>
              } @empty {
                <p class="muted">Ingen text i någon av versionerna.</p>
              }
            </div>
            }
          }
        </section>
      </ng-template>

      <section class="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Kommentarer</h2>
        @if (commentError()) {
          <p class="error" role="alert">{{ commentError() }}</p>
        }
        @for (thread of threads(); track thread.root.id) {
          <article
            class="thread"
            [class.resolved]="thread.root.resolved"
            [attr.aria-labelledby]="'comment-' + thread.root.id"
          >
            <h3 [id]="'comment-' + thread.root.id" class="comment-head">
              {{ thread.root.authorName }}
              <span class="time">{{ thread.root.createdAt | svDate: true }}</span>
            </h3>
            @if (anchorLabel(thread.root.anchor); as anchor) {
              <p class="anchor">Gäller stycket: ”{{ anchor }}”</p>
            }
            <p class="body">{{ thread.root.body }}</p>
            @if (thread.root.resolved) {
              <p class="resolved-by">Löst av {{ thread.root.resolvedByName ?? 'okänd' }}</p>
            }
            @if (thread.replies.length > 0) {
              <ul class="replies" [attr.aria-label]="'Svar till ' + thread.root.authorName">
                @for (reply of thread.replies; track reply.id) {
                  <li>
                    <p class="comment-head">
                      <strong>{{ reply.authorName }}</strong>
                      <span class="time">{{ reply.createdAt | svDate: true }}</span>
                    </p>
                    <p class="body">{{ reply.body }}</p>
                  </li>
                }
              </ul>
            }
            <div class="comment-actions">
              <button
                matButton
                type="button"
                [id]="'reply-' + thread.root.id"
                [attr.aria-label]="'Svara på kommentaren från ' + thread.root.authorName"
                (click)="startReply(thread.root)"
              >
                Svara
              </button>
              <button
                matButton
                type="button"
                [attr.aria-label]="
                  (thread.root.resolved ? 'Öppna igen: kommentaren från ' : 'Markera som löst: kommentaren från ') +
                  thread.root.authorName
                "
                (click)="setResolved(thread.root, !thread.root.resolved)"
              >
                {{ thread.root.resolved ? 'Öppna igen' : 'Markera som löst' }}
              </button>
            </div>
            @if (replyingTo() === thread.root.id) {
              <form class="comment-form" (ngSubmit)="sendReply(thread.root)" novalidate>
                <label [for]="'reply-text-' + thread.root.id">Svar till {{ thread.root.authorName }}</label>
                <textarea [id]="'reply-text-' + thread.root.id" name="reply" rows="3" [(ngModel)]="replyText"></textarea>
                <div class="form-actions">
                  <button matButton="filled" type="submit">Skicka svar</button>
                  <button matButton="outlined" type="button" (click)="cancelReply(thread.root)">Avbryt</button>
                </div>
              </form>
            }
          </article>
        } @empty {
          <p class="muted">Inga kommentarer ännu.</p>
        }

        <form class="comment-form new-comment" (ngSubmit)="addComment()" novalidate aria-labelledby="new-comment-heading">
          <h3 id="new-comment-heading">Ny kommentar</h3>
          <label for="new-comment-text">Kommentar</label>
          <textarea id="new-comment-text" name="comment" rows="3" [(ngModel)]="newComment"></textarea>
          @if (anchors().length > 0) {
            <label for="new-comment-anchor">Gäller stycke (valfritt)</label>
            <select id="new-comment-anchor" name="anchor" [(ngModel)]="newAnchor">
              <option value="">Hela avsnittet</option>
              @for (anchor of anchors(); track anchor.id) {
                <option [value]="anchor.id">{{ anchor.label }}</option>
              }
            </select>
          }
          <div class="form-actions">
            <button matButton="filled" type="submit" [attr.aria-busy]="commentBusy() || null">Lägg till kommentar</button>
          </div>
        </form>
      </section>

      <section class="history" aria-labelledby="history-heading">
        <h2 id="history-heading">Historik</h2>
        @if (t.history.length > 0) {
          <ol>
            @for (entry of t.history; track $index) {
              <li>
                <p>
                  <span class="time">{{ entry.at | svDate: true }}</span>
                  <strong>{{ entry.actorName }}</strong>: {{ workflow[entry.transition].label }} (från
                  {{ stateLabels[entry.from] }} till {{ stateLabels[entry.to] }})
                </p>
                @if (entry.text) {
                  <blockquote>{{ entry.text }}</blockquote>
                }
              </li>
            }
          </ol>
        } @else {
          <p class="muted">Inget har hänt med uppgiften ännu.</p>
        }
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin-top: 2rem;
    }
    h3 {
      font: var(--mat-sys-title-medium);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      margin: 0 0 1rem;
    }
    .facts div {
      display: flex;
      flex-direction: column;
    }
    .facts dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
    }
    .workflow,
    .form-actions,
    .comment-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .workflow {
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
    label {
      display: block;
      font: var(--mat-sys-label-large);
      margin: 0.5rem 0 0.25rem;
    }
    textarea,
    select {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline);
      border-radius: 0.25rem;
      padding: 0.5rem;
      max-width: 100%;
    }
    textarea {
      display: block;
      width: min(40rem, 100%);
      box-sizing: border-box;
    }
    .form-actions {
      margin-top: 0.75rem;
    }
    .save-status {
      min-height: 1.5rem;
      margin: 0.5rem 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .removed {
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container-high);
    }
    .view {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    .conflict {
      margin-top: 1rem;
      padding: 1rem;
      border: 2px solid var(--mat-sys-error);
      border-radius: 0.5rem;
    }
    .versions.tables {
      grid-template-columns: 1fr;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .cell-diff {
      border-collapse: collapse;
    }
    .cell-diff caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding: 0.25rem 0;
    }
    .cell-diff th,
    .cell-diff td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 0.25rem 0.5rem;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .cell-diff th[scope='row'],
    .cell-diff .text-cell,
    .cell-diff thead th {
      text-align: left;
    }
    .versions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .muted,
    .time,
    .anchor {
      color: var(--mat-sys-on-surface-variant);
    }
    .time {
      font: var(--mat-sys-body-medium);
      margin: 0 0.5rem;
    }
    .rounds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-end;
    }
    .diff {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    .diff-block {
      white-space: pre-wrap;
      margin: 0 0 0.75rem;
    }
    .diff-same {
      color: var(--mat-sys-on-surface-variant);
    }
    ins {
      text-decoration: underline;
      text-decoration-thickness: 2px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    del {
      text-decoration: line-through;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .thread {
      padding: 0.75rem 1rem;
      margin-bottom: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    .thread.resolved {
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
    }
    .comment-head {
      margin: 0 0 0.25rem;
    }
    .body {
      white-space: pre-wrap;
      margin: 0 0 0.5rem;
    }
    .resolved-by {
      font-style: italic;
    }
    .replies {
      list-style: none;
      margin: 0.5rem 0 0 1rem;
      padding: 0 0 0 1rem;
      border-left: 3px solid var(--mat-sys-outline-variant);
    }
    .history ol {
      padding-left: 1.25rem;
    }
    .history p {
      margin: 0.25rem 0;
    }
    blockquote {
      margin: 0.25rem 0 0.75rem 1rem;
      padding-left: 0.75rem;
      border-left: 3px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
    }
  `,
})
export class TaskPage implements OnDestroy {
  /** From the route (`/uppgifter/:id`). */
  readonly id = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly editorQuery = viewChild(RichTextEditorComponent);
  private readonly structuredQuery = viewChild('structuredEditor', { read: StructuredSectionComponent });
  /** The editor, also while the page is being left (its text is still readable then). */
  private lastEditor: ContentEditor | undefined;

  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly workflow = WORKFLOW;
  protected readonly lateText = daysLateLabel;
  protected readonly textLabel = transitionTextLabel;
  protected readonly heading = diffHeading;
  protected readonly message = errorMessage;

  protected readonly task = signal<TaskDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly busy = signal(false);

  protected readonly canEdit = computed(() => {
    const task = this.task();
    return task !== null && task.heldActions.includes('task.write') && isEditable(task.state);
  });
  protected readonly reviewing = computed(() => {
    const task = this.task();
    return task !== null && task.heldActions.includes('task.review') && task.state === 'submitted' && task.snapshots.length > 0;
  });
  /** Who handed in the round under review and who is looking: the submitter gets no approve button (separation of duties). */
  private readonly round = computed<ReviewRound | undefined>(() => {
    const task = this.task();
    const me = this.auth.user()?.id;
    if (!task || !me) return undefined;
    return { submittedBy: task.reviewRound.submittedById, actorId: me, selfApprovalAllowed: task.reviewRound.selfApprovalAllowed };
  });
  protected readonly transitions = computed(() => {
    const task = this.task();
    return task ? availableTransitions(task.state, task.heldActions, this.round()) : [];
  });
  /** A reviewer who handed this round in: told why there is no approve button. */
  protected readonly selfApprovalRefused = computed(() => {
    const task = this.task();
    return task !== null && task.state === 'submitted' && task.heldActions.includes('task.review') && refusesSelfApproval('approve', this.round());
  });
  protected readonly selfApprovalMessage = SELF_APPROVAL_REFUSED_MESSAGE;
  protected readonly contentHtml = computed(() => {
    const task = this.task();
    return task && task.content.type === 'doc' ? documentToHtml(task.content) : '';
  });
  /** A section of figures and rows (economy, sick leave, …), not rich text. */
  protected readonly structured = computed(() => {
    const task = this.task();
    return task !== null && (isStructured(task.kind) || task.content.type !== 'doc');
  });
  /** The period this cycle reports (`T2 2025`), beside earlier cycles' periods. */
  protected readonly period = computed(() => this.task()?.period ?? '');

  /* ---------- Autosave ---------- */

  protected readonly saveStatus = signal<SaveStatus>({ kind: 'idle' });
  protected readonly removed = signal<string[]>([]);
  protected readonly conflict = signal<ContentConflictResponse | null>(null);
  protected readonly saveText = computed(() => {
    const status = this.saveStatus();
    switch (status.kind) {
      case 'idle':
        return '';
      case 'pending':
        return 'Osparade ändringar';
      case 'saving':
        return 'Sparar…';
      case 'saved':
        return savedAtText(status.at);
      case 'error':
        return `Kunde inte spara: ${status.message}`;
      case 'invalid':
        return `Inte sparat: ${status.message}`;
      case 'conflict':
        return 'Inte sparat: någon annan har sparat en nyare version (se nedan).';
    }
  });
  /** The version the next save starts from. */
  private version = 0;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Saves one after the other, never two at once. */
  private chain: Promise<void> = Promise.resolve();

  /* ---------- Transitions ---------- */

  protected readonly textTransition = signal<Transition | null>(null);
  protected readonly transitionText = signal('');
  protected readonly transitionError = signal<string | null>(null);

  /* ---------- Diff ---------- */

  protected readonly rounds = computed(() => diffRounds(this.task()?.snapshots ?? []));
  private readonly diffFrom = signal<number | undefined>(undefined);
  private readonly diffTo = signal<number | undefined>(undefined);
  private readonly diffParams = computed(
    () => {
      const task = this.task();
      if (!task || task.snapshots.length === 0) return undefined;
      return { id: task.id, snapshots: task.snapshots.length, from: this.diffFrom(), to: this.diffTo() };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly diff = rxResource({
    params: () => this.diffParams(),
    stream: ({ params }) => this.api.taskDiff(params.id, params.from, params.to),
  });
  protected readonly diffShown = computed(() => (this.diff.hasValue() ? this.diff.value() : undefined));

  /* ---------- Comments ---------- */

  protected readonly threads = computed(() => commentThreads(this.task()?.comments ?? []));
  protected readonly anchors = computed(() => {
    const task = this.task();
    return task && task.content.type === 'doc' ? anchorOptions(task.content) : [];
  });
  private readonly anchorTexts = computed(() => new Map(this.anchors().map((anchor) => [anchor.id, anchor.label])));
  protected readonly newComment = signal('');
  protected readonly newAnchor = signal('');
  protected readonly replyingTo = signal<string | null>(null);
  protected readonly replyText = signal('');
  protected readonly commentError = signal<string | null>(null);
  protected readonly commentBusy = signal(false);

  constructor() {
    effect(() => {
      const editor = this.currentEditor();
      if (editor) this.lastEditor = editor;
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!this.dirty) return;
      void this.flush();
      event.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void this.flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    });
  }

  ngOnDestroy(): void {
    // Leaving the page: what is not saved yet is sent now (the request outlives the page).
    void this.flush();
  }

  /** The editor on the page, rich text or table, behind one face. */
  private readonly currentEditor = computed<ContentEditor | undefined>(() => {
    const rich = this.editorQuery();
    if (rich) {
      return {
        read: () => {
          const read = rich.read();
          return read.ok ? { ok: true, content: read.document, removed: read.removed } : read;
        },
        setContent: (content) => rich.setContent(content.type === 'doc' ? content : emptyDocument()),
        focus: () => rich.focus(),
      };
    }
    const structured = this.structuredQuery();
    if (structured) {
      return {
        read: () => structured.read(),
        setContent: (content) => structured.setContent(content),
        focus: () => structured.focus(),
      };
    }
    return undefined;
  });

  private editor(): ContentEditor | undefined {
    return this.currentEditor() ?? (this.canEdit() ? this.lastEditor : undefined);
  }

  async load(id: string): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.applyTask(await firstValueFrom(this.api.getTask(id)));
    } catch (error) {
      this.task.set(null);
      this.loadError.set(errorMessage(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** The history, without touching the text, the version or anything being edited. */
  private async refreshHistory(id: string): Promise<void> {
    try {
      const fresh = await firstValueFrom(this.api.getTask(id));
      this.task.update((current) => current && current.id === fresh.id ? { ...current, history: fresh.history } : current);
    } catch {
      // Only the history list is stale; the next load shows it.
    }
  }

  private applyTask(task: TaskDto): void {
    const before = this.task();
    if (before && before.snapshots.length !== task.snapshots.length) {
      this.diffFrom.set(undefined);
      this.diffTo.set(undefined);
    }
    this.version = task.version;
    this.task.set(task);
  }

  /* ---------- Autosave ---------- */

  protected onChanged(): void {
    if (this.conflict()) return;
    this.dirty = true;
    if (this.saveStatus().kind !== 'saving') this.saveStatus.set({ kind: 'pending' });
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  /** Saves what is not saved yet; true when everything is saved afterwards. */
  flush(): Promise<boolean> {
    this.clearTimer();
    this.chain = this.chain.then(() => this.saveIfDirty());
    return this.chain.then(() => !this.dirty && this.conflict() === null);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveIfDirty(): Promise<void> {
    const editor = this.editor();
    const task = this.task();
    if (!this.dirty || this.conflict() || !editor || !task) return;
    const read = editor.read();
    if (!read.ok) {
      this.saveStatus.set(
        this.structured()
          ? { kind: 'invalid', message: 'rätta de markerade fälten i tabellen.' }
          : { kind: 'error', message: read.errors.join(' ') },
      );
      return;
    }
    this.dirty = false;
    this.saveStatus.set({ kind: 'saving' });
    try {
      const saved = await firstValueFrom(this.api.saveContent(task.id, { version: this.version, content: read.content }));
      this.version = saved.version;
      const stateBefore = task.state;
      this.task.update((current) =>
        current && { ...current, version: saved.version, state: saved.state, content: read.content, updatedAt: saved.updatedAt },
      );
      // The save moved the task (not started → draft, returned → draft): its history has a new line.
      if (saved.state !== stateBefore) void this.refreshHistory(task.id);
      this.removed.set([...new Set([...read.removed, ...saved.removed])]);
      this.saveStatus.set(this.dirty ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt });
    } catch (error) {
      this.dirty = true;
      if (isVersionConflict(error)) {
        // Stop saving: both versions side by side, the person decides. "Din version" is what the editor holds now.
        const body = error.error;
        const now = editor.read();
        this.conflict.set({ ...body, yours: { version: this.version, content: now.ok ? now.content : read.content } });
        this.saveStatus.set({ kind: 'conflict' });
        afterNextRender(() => document.getElementById('conflict')?.focus(), { injector: this.injector });
      } else {
        this.saveStatus.set({ kind: 'error', message: errorMessage(error) });
      }
    }
  }

  /** Both versions in the editor (the stored one's blocks first where both changed), then saved. */
  protected resolveMerge(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    const { current, yours } = { current: conflict.current.content, yours: conflict.yours.content };
    if (current.type !== 'doc' || yours.type !== 'doc') return;
    const merged = mergeDocuments(current, yours);
    this.settleConflict(conflict, merged);
    this.notice.set('Versionerna är ihopslagna. Gå igenom texten; den sparas nu.');
    void this.flush();
  }

  /** The person's own text replaces the stored one. */
  protected resolveKeepMine(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.settleConflict(conflict, conflict.yours.content);
    this.notice.set('Din version sparas nu över den sparade.');
    void this.flush();
  }

  /** The stored text replaces the person's (theirs is dropped, by their choice). */
  protected resolveUseSaved(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.settleConflict(conflict, conflict.current.content);
    this.dirty = false;
    this.saveStatus.set({ kind: 'saved', at: conflict.current.updatedAt });
    this.notice.set('Den sparade versionen visas nu.');
  }

  private settleConflict(conflict: ContentConflictResponse, content: TaskContent): void {
    this.version = conflict.current.version;
    this.task.update(
      (task) =>
        task && {
          ...task,
          version: conflict.current.version,
          state: conflict.current.state,
          content: conflict.current.content,
          updatedByName: conflict.current.updatedByName,
        },
    );
    this.conflict.set(null);
    this.dirty = true;
    this.editor()?.setContent(content);
    afterNextRender(() => this.editor()?.focus(), { injector: this.injector });
  }

  protected asDocument(content: TaskContent): RichTextDocument {
    return content.type === 'doc' ? content : emptyDocument();
  }

  protected html(content: TaskContent): string {
    return content.type === 'doc' ? documentToHtml(content) : '';
  }

  /** A changed cell's value: a figure the Swedish way with the section's decimals, `–` for none. */
  protected cellValue(value: number | string | null): string {
    const task = this.task();
    return task ? diffCellText(task.kind, task.sectionConfig, value) : '–';
  }

  /* ---------- Transitions ---------- */

  protected startTransition(transition: Transition): void {
    this.transitionError.set(null);
    this.notice.set('');
    if (WORKFLOW[transition].requiresText) {
      this.textTransition.set(this.textTransition() === transition ? null : transition);
      this.transitionText.set('');
      afterNextRender(() => document.getElementById('transition-text')?.focus(), { injector: this.injector });
      return;
    }
    void this.runTransition(transition);
  }

  protected cancelTransition(): void {
    this.textTransition.set(null);
    this.transitionError.set(null);
  }

  protected confirmTransition(transition: Transition): void {
    const task = this.task();
    if (!task) return;
    const check = checkTransition(task.state, transition, { allowed: true, text: this.transitionText() });
    if (!check.ok && check.code === 'text_required') {
      this.transitionError.set(check.message);
      document.getElementById('transition-text')?.focus();
      return;
    }
    void this.runTransition(transition, this.transitionText().trim());
  }

  private async runTransition(transition: Transition, text?: string): Promise<void> {
    const task = this.task();
    if (!task || this.busy()) return;
    if (this.conflict()) {
      this.transitionError.set('Välj först vilken version av texten som ska gälla (se "Någon annan har sparat ändringar").');
      return;
    }
    this.busy.set(true);
    try {
      if (!(await this.flush())) {
        this.transitionError.set('Texten kunde inte sparas, så inget annat har gjorts. Försök spara igen först.');
        return;
      }
      const updated = await firstValueFrom(
        this.api.transition(task.id, { transition, version: this.version, ...(text ? { text } : {}) }),
      );
      this.applyTask(updated);
      this.textTransition.set(null);
      this.transitionText.set('');
      this.saveStatus.set({ kind: 'idle' });
      this.notice.set(`Klart: ${WORKFLOW[transition].label}. Uppgiften är nu ${TASK_STATE_LABELS[updated.state].toLowerCase()}.`);
    } catch (error) {
      this.transitionError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /* ---------- Comments ---------- */

  protected anchorLabel(anchor: string | null): string | null {
    return anchor === null ? null : (this.anchorTexts().get(anchor) ?? null);
  }

  protected startReply(comment: TaskCommentDto): void {
    this.replyingTo.set(comment.id);
    this.replyText.set('');
    afterNextRender(() => document.getElementById(`reply-text-${comment.id}`)?.focus(), { injector: this.injector });
  }

  protected cancelReply(comment: TaskCommentDto): void {
    this.replyingTo.set(null);
    afterNextRender(() => document.getElementById(`reply-${comment.id}`)?.focus(), { injector: this.injector });
  }

  protected async addComment(): Promise<void> {
    const body = this.newComment().trim();
    if (!body) {
      this.commentError.set('Skriv en kommentar först.');
      return;
    }
    const anchor = this.newAnchor();
    const done = await this.postComment({ body, ...(anchor ? { anchor } : {}) });
    if (done) {
      this.newComment.set('');
      this.newAnchor.set('');
      this.notice.set('Kommentaren är tillagd.');
    }
  }

  protected async sendReply(parent: TaskCommentDto): Promise<void> {
    const body = this.replyText().trim();
    if (!body) {
      this.commentError.set('Skriv ett svar först.');
      return;
    }
    if (await this.postComment({ body, parentId: parent.id })) {
      this.replyingTo.set(null);
      this.replyText.set('');
      this.notice.set(`Ditt svar till ${parent.authorName} är tillagt.`);
    }
  }

  private async postComment(request: { body: string; parentId?: string; anchor?: string }): Promise<boolean> {
    const task = this.task();
    if (!task || this.commentBusy()) return false;
    this.commentBusy.set(true);
    this.commentError.set(null);
    try {
      const comment = await firstValueFrom(this.api.addComment(task.id, request));
      this.task.update((current) => current && { ...current, comments: [...current.comments, comment] });
      return true;
    } catch (error) {
      this.commentError.set(errorMessage(error));
      return false;
    } finally {
      this.commentBusy.set(false);
    }
  }

  protected async setResolved(comment: TaskCommentDto, resolved: boolean): Promise<void> {
    const task = this.task();
    if (!task) return;
    this.commentError.set(null);
    try {
      const updated = await firstValueFrom(this.api.setCommentResolved(task.id, comment.id, resolved));
      this.task.update(
        (current) =>
          current && { ...current, comments: current.comments.map((c) => (c.id === updated.id ? updated : c)) },
      );
      this.notice.set(resolved ? 'Kommentaren är markerad som löst.' : 'Kommentaren är öppen igen.');
    } catch (error) {
      this.commentError.set(errorMessage(error));
    }
  }

  /* ---------- Diff ---------- */

  protected chooseFrom(value: string): void {
    const shown = this.diffShown();
    this.diffFrom.set(Number(value));
    this.diffTo.set(shown?.to ?? this.diffTo());
  }

  protected chooseTo(value: string): void {
    const shown = this.diffShown();
    this.diffTo.set(Number(value));
    this.diffFrom.set(shown?.from ?? this.diffFrom());
  }
}
