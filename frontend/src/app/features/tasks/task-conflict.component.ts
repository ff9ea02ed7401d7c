import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ContentConflictResponse, TaskDto } from '@rapportflode/api-contract';
import {
  applyCellChoices,
  type Block,
  cellValueText,
  type CellChoice,
  type CellConflict,
  type DocumentMerge3,
  emptyDocument,
  merge3Documents,
  merge3Structured,
  plainText,
  resolveDocumentMerge,
  type StructuredContent,
  type StructuredMerge,
  type TaskContent,
  type TextChoice,
} from '@rapportflode/domain';
import { AuthService } from '../../core/auth.service';
import { documentToHtml } from '../../shared/rich-text/rich-text-dom';
import { ConflictPanelComponent } from '../../shared/workflow/conflict-panel.component';
import { staleSaveBy } from '../../shared/workflow/version-conflict';
import { StructuredSectionComponent } from '../section-editors/structured-section.component';

/** A merge with something left to choose: the paragraphs or cells both versions changed differently. */
type MergeReview = { kind: 'text'; merge: DocumentMerge3 } | { kind: 'table'; merge: StructuredMerge };

const blocksText = (blocks: readonly Block[]) => {
  const text = plainText({ type: 'doc', version: 1, content: [...blocks] }).trim();
  return text === '' ? '(borttaget)' : text;
};

/**
 * A stale save of the task's content: the saved version beside the person's, and the ways on.
 * "Slå ihop" merges three-way from the version the person started from (`base`: as the page
 * loaded or last saved it): what only one side changed is taken, what both changed differently
 * (a paragraph, a table cell) is listed, marked, for a choice (Min / Sparad), then applied.
 */
@Component({
  selector: 'rf-task-conflict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ConflictPanelComponent, StructuredSectionComponent],
  template: `
    @let c = conflict();
    <rf-conflict-panel panelId="conflict" [level]="3" [savedBy]="savedBy()" [message]="c.message + ' Välj hur du vill fortsätta.'">
      @if (structured()) {
        <div class="versions tables">
          <div class="version">
            <h4>Sparad version (av {{ c.current.updatedByName ?? 'okänd' }})</h4>
            <rf-structured-section
              [content]="c.current.content"
              [config]="sectionConfig()"
              [title]="'Sparad version'"
              [readonly]="true"
              [showExtras]="false"
            />
          </div>
          <div class="version">
            <h4>Din version</h4>
            <rf-structured-section
              [content]="c.yours.content"
              [config]="sectionConfig()"
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

      @if (review(); as r) {
        <section class="merge-review" aria-labelledby="merge-review-heading">
          <h4 id="merge-review-heading">{{ reviewHeading() }}</h4>
          <p>Det som bara ändrats i en av versionerna är med. Välj för varje markerad {{ r.kind === 'text' ? 'del' : 'cell' }} vilken version som ska gälla.</p>
          <ul class="merge-conflicts">
            @if (r.kind === 'table') {
              @for (cell of r.merge.conflicts; track cell.id; let i = $index) {
                <li class="merge-conflict">
                  <fieldset [attr.aria-describedby]="'merge-conflict-' + i + '-desc'">
                    <legend>{{ cell.row }}, {{ cell.column }}</legend>
                    <p class="mark" [id]="'merge-conflict-' + i + '-desc'">{{ cellDescription(cell) }}</p>
                    <label>
                      <input type="radio" [name]="'merge-conflict-' + i" [checked]="cellChoice(cell) === 'mine'" (change)="chooseCell(cell, 'mine')" />
                      Min ({{ cellText(cell, cell.mine) }})
                    </label>
                    <label>
                      <input type="radio" [name]="'merge-conflict-' + i" [checked]="cellChoice(cell) === 'theirs'" (change)="chooseCell(cell, 'theirs')" />
                      Sparad ({{ cellText(cell, cell.theirs) }})
                    </label>
                  </fieldset>
                </li>
              }
            } @else {
              @for (part of r.merge.conflicts; track part.index; let i = $index) {
                <li class="merge-conflict">
                  <fieldset [attr.aria-describedby]="'merge-conflict-' + i + '-desc'">
                    <legend>Stycke {{ i + 1 }} som ändrats i båda versionerna</legend>
                    <p class="mark" [id]="'merge-conflict-' + i + '-desc'">
                      Ändrad i båda versionerna: din «{{ blocks(part.mine) }}», sparad «{{ blocks(part.theirs) }}»
                    </p>
                    <label>
                      <input type="radio" [name]="'merge-conflict-' + i" [checked]="textChoice(part.index) === 'mine'" (change)="chooseText(part.index, 'mine')" />
                      Min
                    </label>
                    <label>
                      <input type="radio" [name]="'merge-conflict-' + i" [checked]="textChoice(part.index) === 'theirs'" (change)="chooseText(part.index, 'theirs')" />
                      Sparad
                    </label>
                    <label>
                      <input type="radio" [name]="'merge-conflict-' + i" [checked]="textChoice(part.index) === 'both'" (change)="chooseText(part.index, 'both')" />
                      Båda, den sparade först
                    </label>
                  </fieldset>
                </li>
              }
            }
          </ul>
          <h4>Sammanslagen version</h4>
          @if (r.kind === 'table') {
            <rf-structured-section [content]="resolved()" [config]="sectionConfig()" [title]="'Sammanslagen version'" [readonly]="true" [showExtras]="false" />
          } @else {
            <div class="rich-content view" [innerHTML]="html(resolved())"></div>
          }
        </section>
      }
      @if (review()) {
        <button conflict-actions matButton="filled" type="button" (click)="merged.emit(resolved())">Använd sammanslagningen</button>
      } @else {
        <button conflict-actions matButton="filled" type="button" (click)="startMerge()">Slå ihop</button>
      }
      <button conflict-actions matButton="outlined" type="button" (click)="keepMine.emit()">Behåll min version</button>
      <button conflict-actions matButton="outlined" type="button" (click)="useSaved.emit()">Använd den sparade</button>
    </rf-conflict-panel>
  `,
  styles: `
    .versions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .versions.tables {
      grid-template-columns: 1fr;
    }
    .view {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    .merge-conflicts {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .merge-conflict fieldset {
      border: 2px dashed #8a4b00;
      border-left-width: 0.5rem;
      border-radius: 0.25rem;
      background: #fff4e5;
      color: #1f1f1f;
      padding: 0.5rem 0.75rem;
    }
    .merge-conflict legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .merge-conflict label {
      display: inline-flex;
      gap: 0.35rem;
      align-items: center;
      margin-right: 1.25rem;
    }
    .mark {
      margin: 0.25rem 0 0.5rem;
    }
  `,
})
export class TaskConflictComponent {
  private readonly auth = inject(AuthService);
  readonly conflict = input.required<ContentConflictResponse>();
  /** The content the person started from (as loaded or last saved); null when unknown (every difference is then a choice). */
  readonly base = input<TaskContent | null>(null);
  readonly structured = input.required<boolean>();
  readonly sectionConfig = input.required<TaskDto['sectionConfig']>();
  /** The merge to put in the editor and save. */
  readonly merged = output<TaskContent>();
  readonly keepMine = output<void>();
  readonly useSaved = output<void>();

  protected readonly savedBy = computed(() => staleSaveBy(this.conflict().current, this.auth.user()?.id));

  /** The merge waiting for choices; fresh for each conflict. */
  protected readonly review = linkedSignal<ContentConflictResponse, MergeReview | null>({ source: this.conflict, computation: () => null });
  private readonly cellChoices = linkedSignal<MergeReview | null, Record<string, CellChoice>>({ source: this.review, computation: () => ({}) });
  private readonly textChoices = linkedSignal<MergeReview | null, Record<number, TextChoice>>({ source: this.review, computation: () => ({}) });

  /** `Sammanslagning: 1 cell ändrad i båda versionerna`, `… 1 stycke ändrat …`, `… 2 stycken ändrade …`. */
  protected readonly reviewHeading = computed(() => {
    const review = this.review();
    const n = review?.merge.conflicts.length ?? 0;
    const text = review?.kind === 'text';
    const what = text ? (n === 1 ? 'stycke ändrat' : 'stycken ändrade') : n === 1 ? 'cell ändrad' : 'celler ändrade';
    return `Sammanslagning: ${n} ${what} i båda versionerna`;
  });
  protected readonly resolved = computed<TaskContent>(() => {
    const review = this.review();
    if (!review) return this.conflict().yours.content;
    return review.kind === 'text' ? resolveDocumentMerge(review.merge, this.textChoices()) : applyCellChoices(review.merge, this.cellChoices());
  });

  protected startMerge(): void {
    const { current, yours } = this.conflict();
    const base = this.base();
    let review: MergeReview;
    if (current.content.type === 'doc' && yours.content.type === 'doc') {
      // No base known: both as additions to an empty text (every paragraph kept, common ones once).
      const merge = merge3Documents(base?.type === 'doc' ? base : emptyDocument(), yours.content, current.content);
      if (merge.conflicts.length === 0) return this.merged.emit(resolveDocumentMerge(merge));
      review = { kind: 'text', merge };
    } else if (current.content.type !== 'doc' && yours.content.type !== 'doc') {
      const structuredBase = base && base.type !== 'doc' ? base : null;
      const merge = merge3Structured<StructuredContent>(structuredBase, yours.content, current.content, this.sectionConfig());
      if (merge.conflicts.length === 0) return this.merged.emit(merge.content);
      review = { kind: 'table', merge };
    } else {
      return this.merged.emit(yours.content);
    }
    this.review.set(review);
  }

  protected cellChoice(cell: CellConflict): CellChoice {
    return this.cellChoices()[cell.id] ?? 'mine';
  }

  protected chooseCell(cell: CellConflict, choice: CellChoice): void {
    this.cellChoices.update((choices) => ({ ...choices, [cell.id]: choice }));
  }

  protected textChoice(index: number): TextChoice {
    return this.textChoices()[index] ?? 'both';
  }

  protected chooseText(index: number, choice: TextChoice): void {
    this.textChoices.update((choices) => ({ ...choices, [index]: choice }));
  }

  protected cellText(cell: CellConflict, value: CellConflict['mine']): string {
    return cellValueText(value, cell.column === 'Hela raden');
  }

  protected cellDescription(cell: CellConflict): string {
    return `Ändrad i båda versionerna: din ${this.cellText(cell, cell.mine)}, sparad ${this.cellText(cell, cell.theirs)}`;
  }

  protected blocks(blocks: readonly Block[]): string {
    return blocksText(blocks);
  }

  protected html(content: TaskContent): string {
    return content.type === 'doc' ? documentToHtml(content) : '';
  }
}
