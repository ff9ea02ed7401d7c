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
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ContentConflictResponse, TaskCommentDto, TaskDto } from '@rapportflode/api-contract';
import {
  availableTransitions,
  commentableRows,
  daysLateLabel,
  economyPeriods,
  emptyDocument,
  isEditable,
  isStructured,
  refusesSelfApproval,
  type ReviewRound,
  type RichTextDocument,
  type TaskContent,
  formatDateTime,
  TASK_STATE_LABELS,
  type Transition,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { documentToHtml } from '../../shared/rich-text/rich-text-dom';
import { Autosave, AUTOSAVE_DELAY_MS } from '../../shared/workflow/autosave';
import { type LocalDraft, LocalDrafts, LOCAL_DRAFT_DELAY_MS, sameContent } from '../../shared/workflow/local-draft';
import { focusAfterRender } from '../../shared/workflow/focus';
import { ReturnedNoticeComponent } from '../../shared/workflow/returned-notice.component';
import { SaveStatusComponent } from '../../shared/workflow/save-status.component';
import { TransitionBarComponent, type TransitionOutcome } from '../../shared/workflow/transition-bar.component';
import { isVersionConflict } from '../../shared/workflow/version-conflict';
import { RowComments } from '../section-editors/row-comments';
import { StructuredSectionComponent } from '../section-editors/structured-section.component';
import { TaskCommentsComponent } from './task-comments.component';
import { TaskDeadlineComponent } from './task-deadline.component';
import { TaskRemindComponent } from './task-remind.component';
import { TaskConflictComponent } from './task-conflict.component';
import { TaskDiffComponent } from './task-diff.component';
import { TaskHistoryComponent } from './task-history.component';

/** What an editor (rich text or table) has now, ready to save. */
type EditorRead = { ok: true; content: TaskContent; removed: string[] } | { ok: false; errors: string[] };

interface ContentEditor {
  read(): EditorRead;
  setContent(content: TaskContent): void;
  focus(): void;
}

/**
 * One task (`/uppgifter/:id`): its text or table saved as the person writes, the workflow buttons,
 * the changes between rounds, the comments and the history.
 */
@Component({
  selector: 'rf-task-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RichTextEditorComponent,
    StructuredSectionComponent,
    SvDatePipe,
    SaveStatusComponent,
    ReturnedNoticeComponent,
    TransitionBarComponent,
    TaskCommentsComponent,
    TaskDeadlineComponent,
    TaskRemindComponent,
    TaskConflictComponent,
    TaskDiffComponent,
    TaskHistoryComponent,
  ],
  templateUrl: './task.page.html',
  styleUrl: './task.page.css',
  providers: [RowComments],
})
export class TaskPage implements OnDestroy {
  /** From the route (`/uppgifter/:id`). */
  readonly id = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly editorQuery = viewChild(RichTextEditorComponent);
  private readonly structuredQuery = viewChild('structuredEditor', { read: StructuredSectionComponent });
  private readonly commentsQuery = viewChild(TaskCommentsComponent);
  /** The editor, also while the page is being left (its text is still readable then). */
  private lastEditor: ContentEditor | undefined;

  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly lateText = daysLateLabel;

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
  protected readonly contentHtml = computed(() => {
    const task = this.task();
    return task && task.content.type === 'doc' ? documentToHtml(task.content) : '';
  });
  /** A section of figures and rows (economy, sick leave, …), not rich text. */
  /** The months the economy headings name, from the cycle's report kind and period end. */
  protected readonly economyPeriods = computed(() => {
    const t = this.task();
    return t?.periodEnd ? economyPeriods(t.reportKind, t.periodEnd) : null;
  });
  /** The editor is described by the section's writing instruction (when there is one) and the save status. */
  protected readonly describedBy = computed(() => (this.task()?.sectionGuidance ? 'section-guidance save-status' : 'save-status'));
  protected readonly structured = computed(() => {
    const task = this.task();
    return task !== null && (isStructured(task.kind) || task.content.type !== 'doc');
  });

  /* ---------- Autosave ---------- */

  protected readonly removed = signal<string[]>([]);
  protected readonly conflict = signal<ContentConflictResponse | null>(null);
  protected readonly autosave = new Autosave({
    delayMs: AUTOSAVE_DELAY_MS,
    blocked: () => this.conflict() !== null,
    save: () => this.save(),
  });
  /** The version the next save starts from. */
  private version = 0;

  /* ---------- The copy in this browser ---------- */

  /** What is typed, kept in this browser until the server has it (a session that ends loses nothing). */
  private readonly drafts = new LocalDrafts<TaskContent>('task');
  /** Text typed here earlier and never saved, newer than the stored text: offered back on opening. */
  protected readonly restoreOffer = signal<LocalDraft<TaskContent> | null>(null);
  protected readonly dateTime = formatDateTime;
  private draftTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    // The table's rows show their comments; in the read-only view (what a reviewer reads) they can be commented.
    const rowComments = inject(RowComments);
    rowComments.onSaved = (comment) => {
      this.commentSaved(comment);
      this.notice.set('Kommentaren är tillagd.');
    };
    effect(() => {
      const task = this.task();
      const structured = this.structured();
      const canComment = !this.canEdit();
      untracked(() =>
        rowComments.set({
          taskId: task?.id ?? '',
          comments: task?.comments ?? [],
          rows: task && structured ? commentableRows(task.content, task.sectionConfig) : [],
          canComment,
        }),
      );
    });
    effect(() => {
      const editor = this.currentEditor();
      if (editor) this.lastEditor = editor;
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    const destroyRef = inject(DestroyRef);
    this.autosave.flushOnLeave(destroyRef);
    const keep = () => this.keepLocal();
    window.addEventListener('pagehide', keep);
    destroyRef.onDestroy(() => window.removeEventListener('pagehide', keep));
  }

  /** For the route's unsaved-changes guard: typed or pasted input not saved yet. */
  hasUnsavedChanges(): boolean {
    return this.canEdit() && this.autosave.unsaved;
  }

  /** For the route's unsaved-changes guard: saves now; true when everything is saved. */
  saveNow(): Promise<boolean> {
    return this.autosave.flush();
  }

  ngOnDestroy(): void {
    if (this.draftTimer !== null) this.keepLocal();
    // Leaving the page: what is not saved yet is sent now (the request outlives the page).
    void this.autosave.flush();
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
      this.task.update((current) => (current && current.id === fresh.id ? { ...current, history: fresh.history } : current));
    } catch {
      // Only the history list is stale; the next load shows it.
    }
  }

  private applyTask(task: TaskDto): void {
    this.version = task.version;
    this.task.set(task);
    this.offerLocal(task);
  }

  protected onChanged(): void {
    this.autosave.changed();
    if (this.draftTimer !== null) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.keepLocal(), LOCAL_DRAFT_DELAY_MS);
  }

  private userId(): string | undefined {
    return this.auth.user()?.id;
  }

  /** Puts what the editor holds into this browser's copy (only while something is unsaved). */
  private keepLocal(content?: TaskContent): void {
    if (this.draftTimer !== null) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    const task = this.task();
    if (!task || !this.canEdit() || (!content && !this.autosave.unsaved)) return;
    if (!content) {
      const read = this.editor()?.read();
      if (!read?.ok) return;
      content = read.content;
    }
    this.drafts.write(task.id, this.userId(), this.version, content);
  }

  /** A copy typed here and never saved, different from what is stored: offered back (else dropped). */
  private offerLocal(task: TaskDto): void {
    const local = this.drafts.read(task.id, this.userId());
    if (local && sameContent(local.content, task.content)) this.drafts.clear(task.id);
    this.restoreOffer.set(local && !sameContent(local.content, task.content) && this.canEdit() ? local : null);
  }

  /** The copy from this browser into the editor, saved over the version it was typed on (a newer one opens the comparison). */
  protected restoreLocal(): void {
    const local = this.restoreOffer();
    const editor = this.editor();
    if (!local || !editor) return;
    this.restoreOffer.set(null);
    this.version = local.version;
    editor.setContent(local.content);
    this.notice.set('Den osparade texten är återställd och sparas nu.');
    this.autosave.changed();
    void this.autosave.flush();
  }

  protected discardLocal(): void {
    const task = this.task();
    if (task) this.drafts.clear(task.id);
    this.restoreOffer.set(null);
    this.notice.set('Den osparade texten är slängd.');
  }

  private async save(): Promise<void> {
    const editor = this.editor();
    const task = this.task();
    if (!editor || !task) return;
    const read = editor.read();
    if (!read.ok) {
      this.autosave.failed(
        this.structured()
          ? { kind: 'invalid', message: 'rätta de markerade fälten i tabellen.' }
          : { kind: 'error', message: read.errors.join(' ') },
      );
      return;
    }
    // Kept here until the server has it (a save held while the person signs in again, a closed tab).
    this.keepLocal(read.content);
    this.autosave.begin();
    try {
      const saved = await firstValueFrom(this.api.saveContent(task.id, { version: this.version, content: read.content }));
      this.version = saved.version;
      this.drafts.accepted(task.id, this.userId(), saved.version, read.content);
      const stateBefore = task.state;
      this.task.update(
        (current) => current && { ...current, version: saved.version, state: saved.state, content: read.content, updatedAt: saved.updatedAt },
      );
      // The save moved the task (not started → draft, returned → draft): its history has a new line.
      if (saved.state !== stateBefore) void this.refreshHistory(task.id);
      this.removed.set([...new Set([...read.removed, ...saved.removed])]);
      this.autosave.succeeded(saved.updatedAt);
    } catch (error) {
      if (isVersionConflict<ContentConflictResponse>(error)) {
        // Stop saving: both versions side by side, the person decides. "Din version" is what the editor holds now.
        const now = editor.read();
        this.conflict.set({ ...error.error, yours: { version: this.version, content: now.ok ? now.content : read.content } });
        this.autosave.failed({ kind: 'conflict' });
        focusAfterRender(this.injector, 'conflict');
      } else {
        this.autosave.failed({ kind: 'error', message: errorMessage(error) });
      }
    }
  }

  /**
   * The three-way merge (task-conflict.component.ts: from the content this page loaded or last
   * saved, `task().content`, as the base) in the editor, then saved.
   */
  protected resolveMerged(content: TaskContent): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.settleConflict(conflict, content);
    this.notice.set(
      this.structured() ? 'Versionerna är ihopslagna. Gå igenom tabellen; den sparas nu.' : 'Versionerna är ihopslagna. Gå igenom texten; den sparas nu.',
    );
    void this.autosave.flush();
  }

  /** The person's own text replaces the stored one. */
  protected resolveKeepMine(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.settleConflict(conflict, conflict.yours.content);
    this.notice.set('Din version sparas nu över den sparade.');
    void this.autosave.flush();
  }

  /** The stored text replaces the person's (theirs is dropped, by their choice). */
  protected resolveUseSaved(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.settleConflict(conflict, conflict.current.content);
    const task = this.task();
    if (task) this.drafts.clear(task.id);
    this.autosave.reset(false, { kind: 'saved', at: conflict.current.updatedAt });
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
    this.autosave.reset(true, this.autosave.status());
    this.editor()?.setContent(content);
    afterNextRender(() => this.editor()?.focus(), { injector: this.injector });
  }

  protected asDocument(content: TaskContent): RichTextDocument {
    return content.type === 'doc' ? content : emptyDocument();
  }

  /* ---------- Transitions ---------- */

  /** Saves what is unsaved first; a transition never leaves text behind. */
  protected readonly runTransition = async (transition: Transition, text?: string): Promise<TransitionOutcome> => {
    const task = this.task();
    if (!task || this.busy()) return { done: false };
    if (this.conflict()) {
      return { done: false, error: 'Välj först vilken version av texten som ska gälla (se "Någon annan har sparat ändringar").' };
    }
    this.busy.set(true);
    // Handing in: every row's problems show, new rows' too.
    this.structuredQuery()?.revealErrors();
    try {
      if (!(await this.autosave.flush())) {
        return { done: false, error: 'Texten kunde inte sparas, så inget annat har gjorts. Försök spara igen först.' };
      }
      const updated = await firstValueFrom(this.api.transition(task.id, { transition, version: this.version, ...(text ? { text } : {}) }));
      this.applyTask(updated);
      this.autosave.status.set({ kind: 'idle' });
      // No earlier refusal stands beside the success message (the bar clears its own).
      this.loadError.set(null);
      this.commentsQuery()?.clearError();
      this.notice.set(`Uppgiften är nu ${TASK_STATE_LABELS[updated.state].toLowerCase()}.`);
      return { done: true };
    } catch (error) {
      return { done: false, error: errorMessage(error) };
    } finally {
      this.busy.set(false);
    }
  };

  /* ---------- Comments ---------- */

  protected commentSaved(comment: TaskCommentDto): void {
    this.task.update((task) => {
      if (!task) return task;
      const known = task.comments.some((c) => c.id === comment.id);
      return { ...task, comments: known ? task.comments.map((c) => (c.id === comment.id ? comment : c)) : [...task.comments, comment] };
    });
  }
}
