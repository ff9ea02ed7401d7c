import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PUBLIC_API } from '@rapportflode/api-contract';
import { ApiClient } from '../../core/api-client';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

/** Offentliga handlingar: the nämnder with published sammanträden, for anyone (no sign-in). */
@Component({
  selector: 'rf-public-committees-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, RouterLink],
  template: `
    <h1>Nämndernas sammanträden</h1>
    <p class="lead">Kallelser och offentliga handlingar till nämndernas sammanträden. Du behöver inte logga in.</p>
    <rf-resource-status
      [resource]="committees"
      loadingLabel="Hämtar nämnderna"
      failure="Nämnderna kunde inte hämtas."
    />
    @if (committees.hasValue()) {
      @if (committees.value().length === 0) {
        <p>Inga handlingar är publicerade ännu.</p>
      } @else {
        <h2 id="public-committees-heading">Nämnder</h2>
        <ul aria-labelledby="public-committees-heading">
          @for (c of committees.value(); track c.id) {
            <li>
              <a [routerLink]="['/offentligt', c.id]">{{ c.name }}, {{ c.municipality }}</a>
              – {{ c.meetingCount }} {{ c.meetingCount === 1 ? 'publicerat sammanträde' : 'publicerade sammanträden' }}
            </li>
          }
        </ul>
      }
    }
  `,
  styleUrl: './public.css',
})
export class PublicCommitteesPage {
  private readonly api = inject(ApiClient);
  protected readonly committees = rxResource({ stream: () => this.api.call(PUBLIC_API.committees, {}) });
}
