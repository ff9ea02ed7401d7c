import { HttpClient, HttpErrorResponse } from '@angular/common/http';
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
import { memoPath, type MemoConflictResponse, type MemoDto, type SaveMemoResponse } from '@rapportflode/api-contract';
import { renderHtml } from '@rapportflode/documents';
import {
  MEMO_PART_LABELS,
  MEMO_PART_NAMES,
  MEMO_TEXT_PARTS,
  memoPartText,
  mergeMemoContent,
  type MemoChoice,
  type MemoContent,
  type MemoPart,
  type MemoSignature,
  type MemoTextPart,
  SELF_APPROVAL_REFUSED_MESSAGE,
  TASK_STATE_LABELS,
  type Transition,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-client';
import { RichTextEditorComponent } from '../../shared/rich-text/rich-text-editor.component';
import { memoPreviewHtml } from './memo-preview';

/** How long after the last keystroke the preview is drawn again. */
export const PREVIEW_DELAY_MS = 400;

const BUTTONS: Partial<Record<Transition, string>> = {
  submit: 'Lämna in',
  return: 'Återsänd',
  approve: 'Godkänn',
  reopen: 'Öppna igen',
};

type ListKey = 'proposals' | 'attachments' | 'distribution';

/** A stale save: the saved version, what the form held then, and what the writer had started from. */
interface MemoConflict {
  message: string;
  current: MemoConflictResponse['current'];
  mine: MemoContent;
  base: MemoContent | null;
}

/** The tjänsteskrivelse: the form beside a live preview of the document it becomes. */
@Component({
  selector: 'rf-memo-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatButtonModule, RichTextEditorComponent],
  styles: `
    :host { display: block; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
    @media (max-width: 1100px) { .layout { grid-template-columns: 1fr; } }
    fieldset { border: 1px solid #c4c4c4; border-radius: 4px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
    input[type='text'], input[type='date'], textarea { width: 100%; box-sizing: border-box; padding: 0.4rem; font: inherit; }
    ol.lines, ul.lines { padding-left: 1.5rem; }
    .line { display: flex; gap: 0.25rem; align-items: center; margin-bottom: 0.25rem; }
    .line input { flex: 1; }
    .fixed { color: #3a3a3a; font-style: italic; }
    .warnings { border: 2px solid #b3261e; background: #fdecea; padding: 0.75rem 1rem; border-radius: 4px; margin-bottom: 1rem; }
    .preview { position: sticky; top: 1rem; }
    .preview iframe { width: 100%; height: 80vh; border: 1px solid #c4c4c4; background: #fff; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }
    .state { font-weight: 600; }
    .error { color: #b3261e; }
    .sig { display: grid; grid-template-columns: 1fr 1fr auto; gap: 0.25rem; margin-bottom: 0.25rem; }
    .conflict { border: 2px solid #b3261e; border-radius: 4px; padding: 0.75rem 1rem; margin: 1rem 0; }
    .conflict:focus { outline: 3px solid #1a4f8b; outline-offset: 2px; }
    .conflict fieldset label { display: inline-flex; gap: 0.25rem; align-items: center; font-weight: normal; margin-right: 1rem; }
    .versions { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; margin-top: 0.5rem; }
    .versions h3 { margin: 0 0 0.25rem; font-size: 0.95rem; }
    .versions .text { white-space: pre-line; border: 1px solid #c4c4c4; border-radius: 4px; padding: 0.4rem; min-height: 1.5rem; }
    .both { font-size: 0.9rem; color: #3a3a3a; }
  `,
  template: `
    <p><a [routerLink]="['/cykler', id()]">Tillbaka till översikten</a></p>
    @if (loadError(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (memo(); as m) {
      <h1>Tjänsteskrivelse: {{ m.facts.cycleTitle }}</h1>
      <p>
        <span class="state">Status: {{ stateLabel() }}</span>
        · Diarienummer {{ m.facts.diaryNumber ?? '–' }} · {{ m.facts.committee }}, {{ m.facts.municipality }}
      </p>

      @if (m.warnings.length) {
        <section class="warnings" role="alert" aria-labelledby="memo-warnings">
          <h2 id="memo-warnings">Siffrorna stämmer inte med {{ m.figuresSource.kind === 'frozen' ? 'den fastställda rapporten' : 'de godkända siffrorna' }}</h2>
          <ul>
            @for (warning of m.warnings; track $index) {
              <li>{{ warning }}</li>
            }
          </ul>
          @if (m.permissions.edit) {
            <button matButton="filled" type="button" (click)="redraft()" [disabled]="busy()">Skriv om från siffrorna</button>
          }
        </section>
      }

      <p role="status" aria-live="polite">{{ status() }}</p>

      <div class="layout">
        <form (submit)="$event.preventDefault(); save()" aria-label="Tjänsteskrivelsen">
          <fieldset [disabled]="!m.permissions.edit">
            <legend>Rubrik och datum</legend>
            <label for="memo-title">Rubrik</label>
            <input id="memo-title" type="text" [ngModel]="title()" (ngModelChange)="title.set($event); touched()" name="title" />
            <label for="memo-prepared">Upprättad</label>
            <input id="memo-prepared" type="date" [ngModel]="preparedOn()" (ngModelChange)="preparedOn.set($event); touched()" name="preparedOn" />
          </fieldset>

          <fieldset [disabled]="!m.permissions.edit">
            <legend>Förslag till beslut</legend>
            <ol class="lines">
              @for (item of proposals(); track $index; let i = $index) {
                <li>
                  <div class="line">
                    <input
                      type="text"
                      [attr.aria-label]="'Förslag ' + (i + 1)"
                      [value]="item"
                      (input)="setLine('proposals', i, $any($event.target).value)"
                      (keydown)="lineKey('proposals', i, $event)"
                    />
                    <button matButton type="button" (click)="move('proposals', i, -1)" [disabled]="i === 0" [attr.aria-label]="'Flytta upp förslag ' + (i + 1)">↑</button>
                    <button matButton type="button" (click)="move('proposals', i, 1)" [disabled]="i === proposals().length - 1" [attr.aria-label]="'Flytta ned förslag ' + (i + 1)">↓</button>
                    <button matButton type="button" (click)="remove('proposals', i)" [attr.aria-label]="'Ta bort förslag ' + (i + 1)">Ta bort</button>
                  </div>
                </li>
              }
            </ol>
            <button matButton="outlined" type="button" (click)="add('proposals')">Lägg till förslag</button>
            <p class="hint">Alt+pil upp/ned flyttar förslaget i listan.</p>
          </fieldset>

          @for (part of parts; track part) {
            @if (part === 'economicConsequences') {
              <h2>Förvaltningens synpunkter</h2>
            }
            <fieldset>
              <legend>{{ partLabels[part] }}</legend>
              <rf-rich-text-editor
                [content]="m.content[part]"
                [label]="partLabels[part]"
                [readonly]="!m.permissions.edit"
                (changed)="touched()"
              />
              @if (part === 'economicConsequences' && m.permissions.edit && !m.warnings.length) {
                <button matButton="outlined" type="button" (click)="redraft()" [disabled]="busy()">Skriv om från siffrorna</button>
              }
            </fieldset>
          }

          <fieldset [disabled]="!m.permissions.edit">
            <legend>Beslutsunderlag</legend>
            <ol class="lines">
              <li class="fixed">{{ m.facts.report }} (läggs alltid först)</li>
              @for (item of attachments(); track $index; let i = $index) {
                <li>
                  <div class="line">
                    <input type="text" [attr.aria-label]="'Beslutsunderlag ' + (i + 2)" [value]="item" (input)="setLine('attachments', i, $any($event.target).value)" (keydown)="lineKey('attachments', i, $event)" />
                    <button matButton type="button" (click)="remove('attachments', i)" [attr.aria-label]="'Ta bort beslutsunderlag ' + (i + 2)">Ta bort</button>
                  </div>
                </li>
              }
            </ol>
            <button matButton="outlined" type="button" (click)="add('attachments')">Lägg till beslutsunderlag</button>
          </fieldset>

          <fieldset [disabled]="!m.permissions.edit">
            <legend>Underskrifter</legend>
            @for (person of signatures(); track $index; let i = $index) {
              <div class="sig">
                <input type="text" [attr.aria-label]="'Namn, underskrift ' + (i + 1)" [value]="person.name" (input)="setSignature(i, 'name', $any($event.target).value)" />
                <input type="text" [attr.aria-label]="'Titel, underskrift ' + (i + 1)" [value]="person.title" (input)="setSignature(i, 'title', $any($event.target).value)" />
                <button matButton type="button" (click)="removeSignature(i)" [attr.aria-label]="'Ta bort underskrift ' + (i + 1)">Ta bort</button>
              </div>
            }
            <button matButton="outlined" type="button" (click)="addSignature()">Lägg till underskrift</button>
          </fieldset>

          <fieldset [disabled]="!m.permissions.edit">
            <legend>Sändlista</legend>
            <ul class="lines">
              @for (item of distribution(); track $index; let i = $index) {
                <li>
                  <div class="line">
                    <input type="text" [attr.aria-label]="'Sändlista, rad ' + (i + 1)" [value]="item" (input)="setLine('distribution', i, $any($event.target).value)" (keydown)="lineKey('distribution', i, $event)" />
                    <button matButton type="button" (click)="remove('distribution', i)" [attr.aria-label]="'Ta bort sändlistans rad ' + (i + 1)">Ta bort</button>
                  </div>
                </li>
              }
            </ul>
            <button matButton="outlined" type="button" (click)="add('distribution')">Lägg till mottagare</button>
          </fieldset>

          @if (conflict(); as c) {
            <section id="memo-conflict" class="conflict" aria-labelledby="memo-conflict-heading" tabindex="-1">
              <h2 id="memo-conflict-heading">Någon annan har sparat ändringar</h2>
              <p class="error" role="alert">{{ c.message }}</p>
              @if (merge(); as mg) {
                @if (mg.differences.length) {
                  <p>
                    Delarna nedan skiljer sig mellan din version och den sparade versionen ({{ c.current.version }}, sparad av
                    {{ c.current.updatedByName ?? 'någon annan' }}). Välj för varje del vilken version som ska gälla.
                  </p>
                  @for (d of mg.differences; track d.part) {
                    <fieldset>
                      <legend>{{ partNames[d.part] }}</legend>
                      @if (d.changedByMe && d.changedByThem) {
                        <p class="both">Ändrad både av dig och i den sparade versionen.</p>
                      } @else if (d.changedByThem) {
                        <p class="both">Ändrad bara i den sparade versionen.</p>
                      } @else {
                        <p class="both">Ändrad bara av dig.</p>
                      }
                      <label>
                        <input type="radio" [name]="'merge-' + d.part" value="mine" [checked]="d.choice === 'mine'" (change)="choose(d.part, 'mine')" />
                        Behåll min
                      </label>
                      <label>
                        <input type="radio" [name]="'merge-' + d.part" value="theirs" [checked]="d.choice === 'theirs'" (change)="choose(d.part, 'theirs')" />
                        Använd den sparade
                      </label>
                      <div class="versions">
                        <div>
                          <h3>Din version</h3>
                          <div class="text">{{ partText(c.mine, d.part) }}</div>
                        </div>
                        <div>
                          <h3>Den sparade versionen ({{ c.current.version }}, sparad av {{ c.current.updatedByName ?? 'någon annan' }})</h3>
                          <div class="text">{{ partText(c.current.content, d.part) }}</div>
                        </div>
                      </div>
                    </fieldset>
                  }
                } @else {
                  <p>Din version och den sparade versionen ({{ c.current.version }}) är likadana.</p>
                }
              }
              <div class="actions">
                <button matButton="filled" type="button" (click)="saveMerged()" [disabled]="busy()">Spara sammanslagen version</button>
                <button matButton="outlined" type="button" (click)="loadSaved()" [disabled]="busy()">Ladda den sparade versionen</button>
              </div>
            </section>
          }

          @if (saveErrors().length) {
            <div class="error" role="alert">
              <ul>
                @for (e of saveErrors(); track $index) {
                  <li>{{ e }}</li>
                }
              </ul>
            </div>
          }

          <div class="actions">
            @if (m.permissions.edit) {
              <button matButton="filled" type="submit" [disabled]="busy() || conflict() !== null">Spara</button>
            }
            @for (t of m.permissions.transitions; track t) {
              @if (t !== 'return' && t !== 'reopen') {
                <button matButton="filled" type="button" (click)="transition(t)" [disabled]="busy() || conflict() !== null">{{ buttons[t] }}</button>
              }
            }
          </div>
          @if (m.permissions.selfApprovalRefused) {
            <p class="hint" id="self-approval-note">{{ selfApprovalMessage }}</p>
          }
          @if (m.permissions.transitions.includes('return') || m.permissions.transitions.includes('reopen')) {
            <fieldset>
              <legend>{{ m.permissions.transitions.includes('return') ? 'Återsänd med kommentar' : 'Öppna igen' }}</legend>
              <label for="memo-comment">{{ m.permissions.transitions.includes('return') ? 'Kommentar till skribenten' : 'Varför öppnas den igen?' }}</label>
              <textarea id="memo-comment" rows="3" [ngModel]="comment()" (ngModelChange)="comment.set($event)" name="comment"></textarea>
              @for (t of m.permissions.transitions; track t) {
                @if (t === 'return' || t === 'reopen') {
                  <button matButton="outlined" type="button" (click)="transition(t)" [disabled]="busy()">{{ buttons[t] }}</button>
                }
              }
            </fieldset>
          }

          <p>
            Ladda ned:
            <a [href]="download('html')" download>HTML</a> ·
            <a [href]="download('pdf')" download>PDF</a> ·
            <a [href]="download('docx')" download>Word</a>
          </p>

          @if (m.history.length) {
            <h2>Historik</h2>
            <ul>
              @for (h of m.history; track $index) {
                <li>{{ h.at.slice(0, 10) }} {{ h.actorName }}: {{ stateLabels[h.to] }}@if (h.text) {: {{ h.text }}}</li>
              }
            </ul>
          }
        </form>

        <section class="preview" aria-labelledby="memo-preview-heading">
          <h2 id="memo-preview-heading">Förhandsgranskning</h2>
          @if (previewError(); as message) {
            <p role="note">{{ message }}</p>
          }
          <iframe #preview sandbox="" title="Förhandsgranskning av tjänsteskrivelsen"></iframe>
        </section>
      </div>
    }
  `,
})
export class MemoPage {
  /** The cycle id from the route. */
  readonly id = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly injector = inject(Injector);
  private readonly editors = viewChildren(RichTextEditorComponent);
  private readonly previewFrame = viewChild<ElementRef<HTMLIFrameElement>>('preview');

  protected readonly parts = MEMO_TEXT_PARTS;
  protected readonly partLabels = MEMO_PART_LABELS;
  protected readonly buttons = BUTTONS;
  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly selfApprovalMessage = SELF_APPROVAL_REFUSED_MESSAGE;
  protected readonly partNames = MEMO_PART_NAMES;

  protected readonly memo = signal<MemoDto | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly title = signal('');
  protected readonly preparedOn = signal('');
  protected readonly proposals = signal<string[]>([]);
  protected readonly attachments = signal<string[]>([]);
  protected readonly distribution = signal<string[]>([]);
  protected readonly signatures = signal<MemoSignature[]>([]);
  protected readonly comment = signal('');
  protected readonly busy = signal(false);
  protected readonly dirty = signal(false);
  protected readonly status = signal('');
  protected readonly saveErrors = signal<string[]>([]);
  protected readonly previewError = signal<string | null>(null);
  /** A stale save waiting for the writer to choose, part by part. */
  protected readonly conflict = signal<MemoConflict | null>(null);
  /** The writer's choices in the conflict panel (parts not chosen take the merge's default). */
  protected readonly choices = signal<Partial<Record<MemoPart, MemoChoice>>>({});
  /** The content the writer started from: as loaded or last saved (the merge's base). */
  private base: MemoContent | null = null;
  protected readonly merge = computed(() => {
    const c = this.conflict();
    return c ? mergeMemoContent(c.base, c.mine, c.current.content, this.choices()) : null;
  });
  /** Bumped on every edit: the preview follows it (debounced). */
  private readonly edits = signal(0);
  private previewTimer: ReturnType<typeof setTimeout> | null = null;

  protected readonly stateLabel = computed(() => {
    const m = this.memo();
    return m ? (m.version === 0 ? 'Ej påbörjad' : TASK_STATE_LABELS[m.state]) : '';
  });

  private readonly lists = { proposals: this.proposals, attachments: this.attachments, distribution: this.distribution };

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
    inject(DestroyRef).onDestroy(() => this.previewTimer && clearTimeout(this.previewTimer));
  }

  private async load(id: string): Promise<void> {
    try {
      this.show(await firstValueFrom(this.http.get<MemoDto>(memoPath(id))));
    } catch (error) {
      this.loadError.set(errorMessage(error));
    }
  }

  private show(memo: MemoDto): void {
    this.memo.set(memo);
    this.base = structuredClone(memo.content);
    this.conflict.set(null);
    this.choices.set({});
    this.title.set(memo.content.title);
    this.preparedOn.set(memo.content.preparedOn);
    this.proposals.set([...memo.content.proposals]);
    this.attachments.set([...memo.content.attachments]);
    this.distribution.set([...memo.content.distribution]);
    this.signatures.set(memo.content.signatures.map((s) => ({ ...s })));
    this.dirty.set(false);
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
    this.dirty.set(true);
    this.status.set('Ändringar som inte är sparade');
    this.edits.update((n) => n + 1);
  }

  protected setLine(key: ListKey, index: number, value: string): void {
    this.lists[key].update((items) => items.map((item, i) => (i === index ? value : item)));
    this.touched();
  }

  protected add(key: ListKey): void {
    this.lists[key].update((items) => [...items, '']);
    this.touched();
    afterNextRender(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>(`input[aria-label^="${key === 'proposals' ? 'Förslag' : key === 'attachments' ? 'Beslutsunderlag' : 'Sändlista'}"]`);
      inputs[inputs.length - 1]?.focus();
    }, { injector: this.injector });
  }

  protected remove(key: ListKey, index: number): void {
    this.lists[key].update((items) => items.filter((_, i) => i !== index));
    this.touched();
  }

  protected move(key: ListKey, index: number, by: -1 | 1): void {
    const items = [...this.lists[key]()];
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to], items[index]];
    this.lists[key].set(items);
    this.touched();
  }

  /** Alt+↑/↓ moves a line, keeping the focus on it. */
  protected lineKey(key: ListKey, index: number, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const by = event.key === 'ArrowUp' ? -1 : 1;
    const target = event.target as HTMLInputElement;
    this.move(key, index, by);
    afterNextRender(() => {
      const list = target.closest('ol, ul');
      const inputs = list?.querySelectorAll<HTMLInputElement>('input');
      inputs?.[Math.max(0, Math.min((inputs?.length ?? 1) - 1, index + by))]?.focus();
    }, { injector: this.injector });
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
    return `${memoPath(this.id(), '/document')}?format=${format}`;
  }

  /** Saves what the form holds; false when it could not be saved (the reason is shown). */
  protected async save(): Promise<boolean> {
    const m = this.memo();
    const content = this.current();
    if (!m || !content) return false;
    return this.put(m, m.version, content);
  }

  private async put(m: MemoDto, version: number, content: MemoContent): Promise<boolean> {
    this.busy.set(true);
    this.saveErrors.set([]);
    this.status.set('Sparar …');
    try {
      const saved = await firstValueFrom(this.http.put<SaveMemoResponse>(memoPath(this.id(), '/content'), { version, content }));
      this.memo.set({ ...m, version: saved.version, state: saved.state, warnings: saved.warnings, content });
      this.dirty.set(false);
      const time = new Date(saved.updatedAt).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
      this.status.set(`Alla ändringar sparade kl. ${time}${saved.removed.length ? `. Borttaget: ${saved.removed.join(' ')}` : ''}`);
      // Permissions and history follow the state: read them again.
      this.show({ ...(await firstValueFrom(this.http.get<MemoDto>(memoPath(this.id())))) });
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private failed(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 409 && (error.error as MemoConflictResponse | null)?.current) {
      const body = error.error as MemoConflictResponse;
      const mine = this.current();
      this.status.set('');
      this.saveErrors.set([]);
      if (!mine) return;
      this.choices.set({});
      this.conflict.set({ message: body.message, current: body.current, mine, base: this.base });
      afterNextRender(() => document.getElementById('memo-conflict')?.focus(), { injector: this.injector });
      return;
    }
    const body = error instanceof HttpErrorResponse ? (error.error as { message?: string; details?: string[] } | null) : null;
    this.status.set('');
    this.saveErrors.set(body?.details?.length ? [body.message ?? '', ...body.details] : [errorMessage(error)]);
  }

  protected partText(content: MemoContent, part: MemoPart): string {
    return memoPartText(content, part) || '(tomt)';
  }

  protected choose(part: MemoPart, choice: MemoChoice): void {
    this.choices.update((choices) => ({ ...choices, [part]: choice }));
  }

  /** Saves the parts as chosen (the form's latest text where mine is kept) over the saved version. */
  protected async saveMerged(): Promise<void> {
    const c = this.conflict();
    const m = this.memo();
    const mine = this.current();
    if (!c || !m || !mine) return;
    const merged = mergeMemoContent(c.base, mine, c.current.content, { ...this.defaultChoices(), ...this.choices() });
    await this.put(m, c.current.version, merged.content);
  }

  /** The choices the panel shows now, so a later edit in the form does not flip them. */
  private defaultChoices(): Partial<Record<MemoPart, MemoChoice>> {
    const out: Partial<Record<MemoPart, MemoChoice>> = {};
    for (const d of this.merge()?.differences ?? []) out[d.part] = d.choice;
    return out;
  }

  /** Drops what the form holds and shows the saved version. */
  protected async loadSaved(): Promise<void> {
    if (!window.confirm('Dina osparade ändringar försvinner och den sparade versionen visas. Fortsätta?')) return;
    this.busy.set(true);
    try {
      this.show(await firstValueFrom(this.http.get<MemoDto>(memoPath(this.id()))));
      this.saveErrors.set([]);
      this.status.set('Den sparade versionen visas nu.');
    } catch (error) {
      this.loadError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async transition(transition: Transition): Promise<void> {
    if (this.dirty() && !(await this.save())) return;
    const m = this.memo();
    if (!m) return;
    this.busy.set(true);
    this.saveErrors.set([]);
    try {
      const next = await firstValueFrom(
        this.http.post<MemoDto>(memoPath(this.id(), '/transitions'), { transition, version: m.version, text: this.comment() || undefined }),
      );
      this.comment.set('');
      this.show(next);
      this.status.set(`Tjänsteskrivelsen är nu ${TASK_STATE_LABELS[next.state].toLowerCase()}.`);
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async redraft(): Promise<void> {
    if (this.dirty() && !(await this.save())) return;
    const m = this.memo();
    if (!m) return;
    this.busy.set(true);
    try {
      this.show(await firstValueFrom(this.http.post<MemoDto>(memoPath(this.id(), '/redraft-economy'), { version: m.version })));
      this.status.set('Ekonomiska konsekvenser är omskrivna från siffrorna.');
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(false);
    }
  }
}
