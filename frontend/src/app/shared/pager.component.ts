import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The number of pages of a paged list resource: at least 1, also while it loads or after it failed. */
export function pageCount(resource: {
  hasValue(): boolean;
  value(): { total: number; pageSize: number } | undefined;
}): number {
  const value = resource.hasValue() ? resource.value() : undefined;
  return value ? Math.max(1, Math.ceil(value.total / value.pageSize)) : 1;
}

/** "Föregående / Sida n av m / Nästa" below a paged list; emits the page asked for. */
@Component({
  selector: 'rf-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <nav class="paging" [attr.aria-label]="label()">
      <button matButton="outlined" type="button" [disabled]="page() <= 1" (click)="pageChange.emit(page() - 1)">
        Föregående
      </button>
      <span>Sida {{ page() }} av {{ pages() }}</span>
      <button matButton="outlined" type="button" [disabled]="page() >= pages()" (click)="pageChange.emit(page() + 1)">
        Nästa
      </button>
    </nav>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class PagerComponent {
  readonly label = input.required<string>();
  readonly page = input.required<number>();
  readonly pages = input.required<number>();
  readonly pageChange = output<number>();
}
