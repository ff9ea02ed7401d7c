import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, model } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';

/**
 * One of the memo's lists of lines (förslag, beslutsunderlag, sändlista): each line a text field
 * with Ta bort (and ↑/↓ where the order is the point); Alt+↑/↓ moves a line in any of them.
 * Lines projected into an ordered list come first (the fixed Beslutsunderlag 1).
 */
@Component({
  selector: 'rf-memo-lines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatButtonModule],
  template: `
    @if (ordered()) {
      <ol class="lines">
        <ng-content />
        <ng-container [ngTemplateOutlet]="lines" />
      </ol>
    } @else {
      <ul class="lines">
        <ng-container [ngTemplateOutlet]="lines" />
      </ul>
    }
    <ng-template #lines>
      @for (item of items(); track $index; let i = $index) {
        <li>
          <div class="line">
            <input
              type="text"
              [attr.aria-label]="label() + (i + first())"
              [value]="item"
              (input)="set(i, $any($event.target).value)"
              (keydown)="key(i, $event)"
            />
            @if (movable()) {
              <button matButton type="button" (click)="move(i, -1)" [disabled]="i === 0" [attr.aria-label]="'Flytta upp ' + noun() + ' ' + (i + first())">↑</button>
              <button matButton type="button" (click)="move(i, 1)" [disabled]="i === items().length - 1" [attr.aria-label]="'Flytta ned ' + noun() + ' ' + (i + first())">↓</button>
            }
            <button matButton type="button" (click)="remove(i)" [attr.aria-label]="removeLabel() + (i + first())">Ta bort</button>
          </div>
        </li>
      }
    </ng-template>
    <button matButton="outlined" type="button" (click)="add()">{{ addLabel() }}</button>
  `,
  styles: `
    .lines { padding-left: 1.5rem; }
    .line { display: flex; gap: 0.25rem; align-items: center; margin-bottom: 0.25rem; }
    .line input { flex: 1; box-sizing: border-box; padding: 0.4rem; font: inherit; }
  `,
})
export class MemoLinesComponent {
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly items = model.required<string[]>();
  /** An ordered list (numbered) or not. */
  readonly ordered = input(true);
  /** The field's name before its number: `Förslag `. */
  readonly label = input.required<string>();
  /** The remove button's name before the number: `Ta bort förslag `. */
  readonly removeLabel = input.required<string>();
  readonly addLabel = input.required<string>();
  /** The first line's number (2 after a fixed line). */
  readonly first = input(1);
  /** ↑/↓ buttons, named after the noun: `Flytta upp förslag 1`. */
  readonly movable = input(false);
  readonly noun = input('');

  protected set(index: number, value: string): void {
    this.items.update((items) => items.map((item, i) => (i === index ? value : item)));
  }

  protected add(): void {
    this.items.update((items) => [...items, '']);
    afterNextRender(() => {
      const inputs = this.inputs();
      inputs[inputs.length - 1]?.focus();
    }, { injector: this.injector });
  }

  protected remove(index: number): void {
    this.items.update((items) => items.filter((_, i) => i !== index));
  }

  protected move(index: number, by: -1 | 1): void {
    const items = [...this.items()];
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to], items[index]];
    this.items.set(items);
  }

  /** Alt+↑/↓ moves a line, keeping the focus on it. */
  protected key(index: number, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const by = event.key === 'ArrowUp' ? -1 : 1;
    this.move(index, by);
    afterNextRender(() => {
      const inputs = this.inputs();
      inputs[Math.max(0, Math.min(inputs.length - 1, index + by))]?.focus();
    }, { injector: this.injector });
  }

  private inputs(): HTMLInputElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLInputElement>('li input'));
  }
}
