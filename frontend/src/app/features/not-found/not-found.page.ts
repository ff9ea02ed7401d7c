import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'rf-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Sidan finns inte</h1>
    <p>Adressen leder inte till någon sida i Rapportflöde. <a routerLink="/">Gå till startsidan</a>.</p>
  `,
})
export class NotFoundPage {}
