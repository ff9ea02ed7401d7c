import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MemoConflictResponse } from '@rapportflode/api-contract';
import {
  MEMO_PART_NAMES,
  memoPartText,
  mergeMemoContent,
  type MemoChoice,
  type MemoContent,
  type MemoPart,
} from '@rapportflode/domain';
import { AuthService } from '../../core/auth.service';
import { ConflictPanelComponent } from '../../shared/workflow/conflict-panel.component';
import { staleSaveBy } from '../../shared/workflow/version-conflict';

/** A stale save: the saved version, what the form held then, and what the writer had started from. */
export interface MemoConflict {
  message: string;
  current: MemoConflictResponse['current'];
  mine: MemoContent;
  base: MemoContent | null;
}

export type MemoChoices = Partial<Record<MemoPart, MemoChoice>>;

/** The memo's conflict panel: part by part, keep mine or use the saved version, then save the merge. */
@Component({
  selector: 'rf-memo-conflict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ConflictPanelComponent],
  template: `
    @let c = conflict();
    <rf-conflict-panel panelId="memo-conflict" [level]="2" [savedBy]="savedBy()" [message]="c.message">
      @if (merge().differences.length) {
        <p>
          Delarna nedan skiljer sig mellan din version och den sparade versionen ({{ c.current.version }}, sparad av
          {{ c.current.updatedByName ?? 'någon annan' }}). Välj för varje del vilken version som ska gälla.
        </p>
        @for (d of merge().differences; track d.part) {
          <fieldset [class.conflicting]="d.changedByMe && d.changedByThem" [attr.aria-describedby]="'merge-' + d.part + '-desc'">
            <legend>{{ partNames[d.part] }}</legend>
            @if (d.changedByMe && d.changedByThem && d.combinable) {
              <p class="both" [id]="'merge-' + d.part + '-desc'">Ändrad i båda versionerna, i olika stycken eller rader: båda ändringarna kan behållas.</p>
            } @else if (d.changedByMe && d.changedByThem) {
              <p class="both" [id]="'merge-' + d.part + '-desc'">Ändrad i båda versionerna: välj vilken som ska gälla.</p>
            } @else if (d.changedByThem) {
              <p class="both" [id]="'merge-' + d.part + '-desc'">Ändrad bara i den sparade versionen.</p>
            } @else {
              <p class="both" [id]="'merge-' + d.part + '-desc'">Ändrad bara av dig.</p>
            }
            @if (d.combinable) {
              <label>
                <input type="radio" [name]="'merge-' + d.part" value="both" [checked]="d.choice === 'both'" (change)="choose(d.part, 'both')" />
                Behåll båda ändringarna
              </label>
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
      <button conflict-actions matButton="filled" type="button" (click)="saveMerged.emit(shownChoices())" [disabled]="busy()">
        Spara sammanslagen version
      </button>
      <button conflict-actions matButton="outlined" type="button" (click)="loadSaved.emit()" [disabled]="busy()">
        Ladda den sparade versionen
      </button>
    </rf-conflict-panel>
  `,
  styles: `
    fieldset { border: 1px solid #c4c4c4; border-radius: 4px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    label { display: inline-flex; gap: 0.25rem; align-items: center; margin-right: 1rem; }
    .versions { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; margin-top: 0.5rem; }
    .versions h3 { margin: 0 0 0.25rem; font-size: 0.95rem; }
    .versions .text { white-space: pre-line; border: 1px solid #c4c4c4; border-radius: 4px; padding: 0.4rem; min-height: 1.5rem; }
    .both { font-size: 0.9rem; color: #3a3a3a; }
    fieldset.conflicting { border: 2px dashed #8a4b00; border-left-width: 0.5rem; background: #fff4e5; }
  `,
})
export class MemoConflictComponent {
  private readonly auth = inject(AuthService);
  readonly conflict = input.required<MemoConflict>();
  readonly busy = input(false);
  /** Save the parts as chosen (every differing part's choice, as the panel shows it). */
  readonly saveMerged = output<MemoChoices>();
  /** Drop the form's text and show the saved version. */
  readonly loadSaved = output<void>();

  protected readonly partNames = MEMO_PART_NAMES;
  protected readonly savedBy = computed(() => staleSaveBy(this.conflict().current, this.auth.user()?.id));
  /** The writer's choices (parts not chosen take the merge's default); fresh for each conflict. */
  private readonly choices = linkedSignal<MemoConflict, MemoChoices>({ source: this.conflict, computation: () => ({}) });
  protected readonly merge = computed(() => {
    const c = this.conflict();
    return mergeMemoContent(c.base, c.mine, c.current.content, this.choices());
  });
  /** The choices the panel shows now, so a later edit in the form does not flip them. */
  protected readonly shownChoices = computed(() => {
    const out: MemoChoices = {};
    for (const d of this.merge().differences) out[d.part] = d.choice;
    return { ...out, ...this.choices() };
  });

  protected partText(content: MemoContent, part: MemoPart): string {
    return memoPartText(content, part) || '(tomt)';
  }

  protected choose(part: MemoPart, choice: MemoChoice): void {
    this.choices.update((choices) => ({ ...choices, [part]: choice }));
  }
}
