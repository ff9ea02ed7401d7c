import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

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
