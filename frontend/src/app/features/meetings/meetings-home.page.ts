import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MEETINGS_API } from '@rapportflode/api-contract';
import { of } from 'rxjs';
import { ApiClient } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { meetingCommittees } from './meeting-committees';

/** Sammanträden: the nämnder whose meetings the person may read, each linked to its list. */
@Component({
  selector: 'rf-meetings-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, RouterLink],
  template: `
    <h1>Sammanträden</h1>
    <p class="lead">Nämndernas sammanträden: kallelse, föredragningslista, handlingar och publicering.</p>
    <p><a routerLink="/mina-sammantraden">Mina sammanträden</a> – alla kommande sammanträden i en lista.</p>

    <h2 id="committees-heading">Nämnder</h2>
    <rf-resource-status
      [resource]="mine"
      loadingLabel="Hämtar nämnderna"
      failure="Dina sammanträden kunde inte hämtas."
    />
    @if (!mine.isLoading() && !organisation.isLoading()) {
      @if (committees().length === 0) {
        <p>Du har inte tillgång till någon nämnds sammanträden.</p>
      } @else {
        <ul class="committees" aria-labelledby="committees-heading">
          @for (committee of committees(); track committee.id) {
            <li>
              <a [routerLink]="['/namnder', committee.id, 'sammantraden']">{{ committee.name }}</a>
              @if (committee.municipality) {
                <span class="hint"> – {{ committee.municipality }}</span>
              }
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin-top: 2rem;
    }
    .committees li {
      margin: 0.5rem 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MeetingsHomePage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  /** The organisation names the nämnder (and lists them all for a role over the installation); not everyone may read it. */
  protected readonly organisation = rxResource({
    params: () => this.auth.can('organisation.read'),
    stream: ({ params }) => (params ? this.api.getOrganisation() : of(null)),
  });
  protected readonly mine = rxResource({ stream: () => this.api.call(MEETINGS_API.mine, {}) });

  protected readonly committees = computed(() =>
    meetingCommittees(
      this.auth.user(),
      this.organisation.hasValue() ? (this.organisation.value()?.committees ?? null) : null,
      this.mine.hasValue() ? this.mine.value().meetings : [],
    ),
  );
}
