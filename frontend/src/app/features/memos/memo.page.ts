import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import type { MemoConflictResponse, MemoDto } from '@rapportflode/api-contract';
import { renderHtml } from '@rapportflode/documents';
import {
  formatDateTime,
  MEMO_PART_LABELS,
  MEMO_TEXT_PARTS,
  mergeMemoContent,
  type MemoContent,
  type MemoSignature,
  type MemoTextPart,
  TASK_STATE_LABELS,
  type Transition,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { DateFieldComponent } from '../../shared/date-field/date-field.component';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { Autosave, AUTOSAVE_DELAY_MS } from '../../shared/workflow/autosave';
import { type LocalDraft, LocalDrafts, LOCAL_DRAFT_DELAY_MS, sameContent } from '../../shared/workflow/local-draft';
import { focusAfterRender } from '../../shared/workflow/focus';
import { ReturnedNoticeComponent } from '../../shared/workflow/returned-notice.component';
import { SaveStatusComponent } from '../../shared/workflow/save-status.component';
import { TransitionBarComponent, type TransitionOutcome } from '../../shared/workflow/transition-bar.component';
import { errorLines, isVersionConflict } from '../../shared/workflow/version-conflict';
import { MemoConflictComponent, type MemoChoices, type MemoConflict } from './memo-conflict.component';
import { MemoLinesComponent } from './memo-lines.component';
import { memoPreviewHtml } from './memo-preview';

/** How long after the last keystroke the preview is drawn again. */
export const PREVIEW_DELAY_MS = 400;

/** The memo's words for the workflow's buttons (the others keep the workflow's labels). */
const BUTTONS: Partial<Record<Transition, string>> = {
  submit: 'Lämna in',
  return: 'Återsänd',
  approve: 'Godkänn',
  reopen: 'Öppna igen',
};

/** The text a memo transition needs: a comment to the writer (return) or why it is reopened. */
function memoTextLabel(transition: Transition): string {
  return transition === 'return' ? 'Kommentar till skribenten' : 'Varför öppnas den igen?';
}

/** A proposal line still empty or a signature without its name: the server would refuse it. */
function unfinished(content: MemoContent): boolean {
  return content.proposals.some((p) => p.trim() === '') || content.signatures.some((s) => s.name.trim() === '' && s.title.trim() !== '');
}

/** The tjänsteskrivelse: the form beside a live preview of the document it becomes. */
@Component({
  selector: 'rf-memo-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DateFieldComponent,
    FormsModule,
    RouterLink,
    MatButtonModule,
    RichTextEditorComponent,
    MemoConflictComponent,
    MemoLinesComponent,
    SaveStatusComponent,
    ReturnedNoticeComponent,
    TransitionBarComponent,
  ],
  templateUrl: './memo.page.html',
  styleUrl: './memo.page.css',
})
export class MemoPage {
  /** The cycle id from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly editors = viewChildren(RichTextEditorComponent);
  private readonly previewFrame = viewChild<ElementRef<HTMLIFrameElement>>('preview');

  protected readonly parts = MEMO_TEXT_PARTS;
  protected readonly partLabels = MEMO_PART_LABELS;
  protected readonly buttons = BUTTONS;
  protected readonly textLabel = memoTextLabel;
  protected readonly stateLabels = TASK_STATE_LABELS;

  protected readonly memo = signal<MemoDto | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly title = signal('');
  protected readonly preparedOn = signal('');
  protected readonly proposals = signal<string[]>([]);
  protected readonly attachments = signal<string[]>([]);
  protected readonly distribution = signal<string[]>([]);
  protected readonly signatures = signal<MemoSignature[]>([]);
  protected readonly busy = signal(false);
  /** What happened last (a transition, a re-draft, the saved version shown). */
  protected readonly notice = signal('');
  protected readonly saveErrors = signal<string[]>([]);
  protected readonly removed = signal<string[]>([]);
  protected readonly previewError = signal<string | null>(null);
  /** A stale save waiting for the writer to choose, part by part. */
  protected readonly conflict = signal<MemoConflict | null>(null);
  /**
   * Saved as the writer types (debounced, also before the first Spara: version 0 is created by the
   * first save) and with the Spara button: the saving state and its status line.
   */
  protected readonly autosave = new Autosave({
    delayMs: AUTOSAVE_DELAY_MS,
    blocked: () => this.conflict() !== null || !this.memo()?.permissions.edit,
    save: async () => {
      const m = this.memo();
      const content = this.current();
      const manual = this.manualSave;
      this.manualSave = false;
      // A line just added and not written yet is not refused by a save nobody asked for: it waits.
      if (!m || !content || (!manual && unfinished(content))) return;
      await this.put(m, m.version, content, manual);
    },
  });
  /** The next save comes from the Spara button (the form is then redrawn from what was saved). */
  private manualSave = false;
  /** The content the writer started from: as loaded or last saved (the merge's base). */
  private base: MemoContent | null = null;
  /** Bumped on every edit: the preview follows it (debounced). */
  private readonly edits = signal(0);
  private previewTimer: ReturnType<typeof setTimeout> | null = null;

  /** What is typed, kept in this browser until the server has it (a session that ends loses nothing). */
  private readonly drafts = new LocalDrafts<MemoContent>('memo');
  /** Text typed here earlier and never saved, different from the stored memo: offered back on opening. */
  protected readonly restoreOffer = signal<LocalDraft<MemoContent> | null>(null);
  protected readonly dateTime = formatDateTime;
  private draftTimer: ReturnType<typeof setTimeout> | null = null;

  protected readonly stateLabel = computed(() => {
    const m = this.memo();
    return m ? (m.version === 0 ? 'Ej påbörjad' : TASK_STATE_LABELS[m.state]) : '';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      void this.load(id);
    });
    effect(() => {
      this.edits();
      const frame = this.previewFrame();
      if (!frame || !this.memo()) return;
      if (this.previewTimer) clearTimeout(this.previewTimer);
      this.previewTimer = setTimeout(() => this.drawPreview(frame.nativeElement), PREVIEW_DELAY_MS);
    });
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => this.previewTimer && clearTimeout(this.previewTimer));
    this.autosave.flushOnLeave(destroyRef);
    const keep = () => this.keepLocal();
    window.addEventListener('pagehide', keep);
    destroyRef.onDestroy(() => {
      if (this.draftTimer !== null) this.keepLocal();
      window.removeEventListener('pagehide', keep);
    });
  }

  /** For the route's unsaved-changes guard: typed input not saved yet. */
  hasUnsavedChanges(): boolean {
    return this.autosave.unsaved;
  }

  /** For the route's unsaved-changes guard: saves now; true when everything is saved. */
  saveNow(): Promise<boolean> {
    return this.autosave.flush();
  }

  private async load(id: string): Promise<void> {
    try {
      const memo = await firstValueFrom(this.api.getMemo(id));
      this.show(memo);
      this.offerLocal(memo);
    } catch (error) {
      this.loadError.set(errorMessage(error));
    }
  }

  /** Puts what the form holds into this browser's copy (only while something is unsaved). */
  private keepLocal(content?: MemoContent): void {
    if (this.draftTimer !== null) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    const m = this.memo();
    if (!m || !m.permissions.edit || (!content && !this.autosave.unsaved)) return;
    const now = content ?? this.current();
    if (now) this.drafts.write(this.id(), this.auth.user()?.id, m.version, now);
  }

  /** A copy typed here and never saved, different from what is stored: offered back (else dropped). */
  private offerLocal(memo: MemoDto): void {
    const local = this.drafts.read(this.id(), this.auth.user()?.id);
    if (local && sameContent(local.content, memo.content)) this.drafts.clear(this.id());
    this.restoreOffer.set(local && !sameContent(local.content, memo.content) && memo.permissions.edit ? local : null);
  }

  /** The copy from this browser into the form, saved over the version it was typed on (a newer one opens the comparison). */
  protected restoreLocal(): void {
    const local = this.restoreOffer();
    const m = this.memo();
    if (!local || !m) return;
    this.restoreOffer.set(null);
    this.show({ ...m, version: local.version, content: local.content });
    this.base = structuredClone(m.content);
    this.notice.set('Den osparade texten är återställd.');
    // After the editors have taken the restored text (show redraws them after the next render).
    afterNextRender(() => void this.save(), { injector: this.injector });
  }

  protected discardLocal(): void {
    this.drafts.clear(this.id());
    this.restoreOffer.set(null);
    this.notice.set('Den osparade texten är slängd.');
  }

  private show(memo: MemoDto): void {
    this.memo.set(memo);
    this.base = structuredClone(memo.content);
    this.conflict.set(null);
    this.title.set(memo.content.title);
    this.preparedOn.set(memo.content.preparedOn);
    this.proposals.set([...memo.content.proposals]);
    this.attachments.set([...memo.content.attachments]);
    this.distribution.set([...memo.content.distribution]);
    this.signatures.set(memo.content.signatures.map((s) => ({ ...s })));
    this.autosave.reset(false);
    // The editors take their content from the memo; redraw them (a re-draft changes one of them).
    afterNextRender(() => {
      for (const editor of this.editors()) {
        const part = MEMO_TEXT_PARTS.find((p) => MEMO_PART_LABELS[p] === editor.label());
        if (part) editor.setContent(memo.content[part]);
      }
      this.edits.update((n) => n + 1);
    }, { injector: this.injector });
  }

  /** What the form holds now. */
  private current(): MemoContent | null {
    const m = this.memo();
    if (!m) return null;
    const parts = {} as Record<MemoTextPart, MemoContent[MemoTextPart]>;
    for (const part of MEMO_TEXT_PARTS) parts[part] = m.content[part];
    for (const editor of this.editors()) {
      const part = MEMO_TEXT_PARTS.find((p) => MEMO_PART_LABELS[p] === editor.label());
      const read = editor.read();
      if (part && read.ok) parts[part] = read.document;
    }
    return {
      title: this.title(),
      preparedOn: this.preparedOn(),
      proposals: this.proposals(),
      ...parts,
      attachments: this.attachments(),
      signatures: this.signatures(),
      distribution: this.distribution(),
    };
  }

  private drawPreview(frame: HTMLIFrameElement): void {
    const m = this.memo();
    const content = this.current();
    if (!m || !content) return;
    const drawn = memoPreviewHtml(content, m, renderHtml);
    this.previewError.set(drawn.ok ? null : drawn.message);
    frame.srcdoc = drawn.ok ? drawn.html : '';
  }

  protected touched(): void {
    this.autosave.changed();
    if (this.draftTimer !== null) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.keepLocal(), LOCAL_DRAFT_DELAY_MS);
    this.edits.update((n) => n + 1);
  }

  protected setSignature(index: number, field: keyof MemoSignature, value: string): void {
    this.signatures.update((people) => people.map((p, i) => (i === index ? { ...p, [field]: value } : p)));
    this.touched();
  }

  protected addSignature(): void {
    this.signatures.update((people) => [...people, { name: '', title: '' }]);
    this.touched();
  }

  protected removeSignature(index: number): void {
    this.signatures.update((people) => people.filter((_, i) => i !== index));
    this.touched();
  }

  protected download(format: 'html' | 'pdf' | 'docx'): string {
    return this.api.memoDocumentUrl(this.id(), format);
  }

  /** Saves what the form holds, changed or not; false when it could not be saved (the reason is shown). */
  protected save(): Promise<boolean> {
    this.manualSave = true;
    return this.autosave.saveNow();
  }

  /**
   * Saves `content` over `version`. `redraw`: the form is shown again as saved (Spara, a merge);
   * an autosave leaves the form as it is (the writer may be typing) and only takes the saved
   * version, state and permissions.
   */
  private async put(m: MemoDto, version: number, content: MemoContent, redraw = true): Promise<void> {
    this.busy.set(true);
    this.saveErrors.set([]);
    this.notice.set('');
    // Kept here until the server has it (a save held while the person signs in again, a closed tab).
    this.keepLocal(content);
    this.autosave.begin();
    try {
      const saved = await firstValueFrom(this.api.saveMemoContent(this.id(), { version, content }));
      this.drafts.accepted(this.id(), this.auth.user()?.id, saved.version, content);
      this.memo.set({ ...m, version: saved.version, state: saved.state, warnings: saved.warnings, content });
      this.removed.set(saved.removed);
      // Permissions and history follow the state: read them again.
      const fresh = await firstValueFrom(this.api.getMemo(this.id()));
      if (redraw && !this.autosave.dirty) {
        this.show(fresh);
      } else {
        // Typed during the save, or an autosave: the form keeps what the writer has now.
        this.memo.set({ ...fresh, content });
        this.base = structuredClone(content);
        this.conflict.set(null);
      }
      this.autosave.succeeded(saved.updatedAt);
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** A refused save or step: a stale version opens the conflict panel; anything else is listed. */
  private failed(error: unknown): void {
    if (isVersionConflict<MemoConflictResponse>(error)) {
      const mine = this.current();
      this.saveErrors.set([]);
      this.autosave.failed({ kind: 'conflict' });
      if (!mine) return;
      this.conflict.set({ message: error.error.message, current: error.error.current, mine, base: this.base });
      focusAfterRender(this.injector, 'memo-conflict');
      return;
    }
    this.autosave.reset(true);
    this.saveErrors.set(errorLines(error));
  }

  /** Saves the parts as chosen (the form's latest text where mine is kept) over the saved version. */
  protected async saveMerged(choices: MemoChoices): Promise<void> {
    const c = this.conflict();
    const m = this.memo();
    const mine = this.current();
    if (!c || !m || !mine) return;
    await this.put(m, c.current.version, mergeMemoContent(c.base, mine, c.current.content, choices).content);
  }

  /** Drops what the form holds and shows the saved version. */
  protected async loadSaved(): Promise<void> {
    if (!window.confirm('Dina osparade ändringar försvinner och den sparade versionen visas. Fortsätta?')) return;
    this.busy.set(true);
    try {
      this.show(await firstValueFrom(this.api.getMemo(this.id())));
      this.drafts.clear(this.id());
      this.saveErrors.set([]);
      this.notice.set('Den sparade versionen visas nu.');
    } catch (error) {
      this.loadError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Saves what is unsaved first, then takes the step. */
  protected readonly runTransition = async (transition: Transition, text?: string): Promise<TransitionOutcome> => {
    if (this.autosave.dirty && !(await this.save())) return { done: false };
    const m = this.memo();
    if (!m) return { done: false };
    this.busy.set(true);
    this.saveErrors.set([]);
    try {
      const next = await firstValueFrom(this.api.memoTransition(this.id(), { transition, version: m.version, text: text || undefined }));
      this.show(next);
      this.notice.set(`Tjänsteskrivelsen är nu ${TASK_STATE_LABELS[next.state].toLowerCase()}.`);
      return { done: true };
    } catch (error) {
      this.failed(error);
      return { done: false };
    } finally {
      this.busy.set(false);
    }
  };

  protected async redraft(): Promise<void> {
    if (this.autosave.dirty && !(await this.save())) return;
    const m = this.memo();
    if (!m) return;
    this.busy.set(true);
    try {
      this.show(await firstValueFrom(this.api.redraftMemoEconomy(this.id(), { version: m.version })));
      this.notice.set('Ekonomiska konsekvenser är omskrivna från siffrorna.');
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(false);
    }
  }
}
