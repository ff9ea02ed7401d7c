import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { endpointUrl, PUBLIC_API } from '@rapportflode/api-contract';
import { MEETING_STATE_LABELS } from '@rapportflode/domain';
import { ApiClient, isNotFound } from '../../core/api-client';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { SvDatePipe } from '../../shared/sv-format.pipes';

/** One nämnd's published sammanträden, with its calendar (ICS) and news feed (Atom). */
@Component({
  selector: 'rf-public-committee-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, RouterLink, SvDatePipe],
  template: `
    <p class="back"><a routerLink="/offentligt">Alla nämnder</a></p>
    @if (list.hasValue()) {
      @let c = list.value().committee;
      <h1>{{ c.name }}, {{ c.municipality }}</h1>
      <p class="lead">Nämndens publicerade sammanträden med kallelse och offentliga handlingar.</p>
      <ul class="links" aria-label="Följ nämnden">
        <li><a [href]="calendarUrl()">Sammanträdena i din kalender (ICS)</a></li>
        <li><a [href]="feedUrl()">Nyhetsflöde (Atom)</a></li>
      </ul>
      <h2 id="public-meetings-heading">Sammanträden</h2>
      @if (meetings().length === 0) {
        <p>Inga sammanträden är publicerade ännu.</p>
      } @else {
        <div class="scroll" role="region" aria-labelledby="public-meetings-heading" tabindex="0">
          <table class="data">
            <caption class="visually-hidden">
              {{
                c.name
              }}s publicerade sammanträden
            </caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Tid</th>
                <th scope="col">Plats</th>
                <th scope="col">Status</th>
                <th scope="col" class="figure">Ärenden</th>
                <th scope="col">Publicerat</th>
              </tr>
            </thead>
            <tbody>
              @for (m of meetings(); track m.id) {
                <tr>
                  <th scope="row" class="nowrap">
                    <a [routerLink]="['/offentligt/sammantraden', m.id]">{{ m.date | svDate }}</a>
                  </th>
                  <td class="nowrap">{{ m.startTime }}</td>
                  <td>{{ m.place }}</td>
                  <td class="nowrap">{{ stateLabels[m.state] }}</td>
                  <td class="figure">{{ m.items.length }}</td>
                  <td class="nowrap">{{ m.publishedAt | svDate }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else if (list.error(); as error) {
      <h1>Nämndens sammanträden</h1>
      @if (notFound(error)) {
        <div class="error" role="alert"><p>Nämnden finns inte eller har inga publicerade sammanträden.</p></div>
      } @else {
        <rf-resource-status
          [resource]="list"
          loadingLabel="Hämtar sammanträdena"
          failure="Sammanträdena kunde inte hämtas."
        />
      }
    } @else {
      <h1>Nämndens sammanträden</h1>
      <rf-resource-status
        [resource]="list"
        loadingLabel="Hämtar sammanträdena"
        failure="Sammanträdena kunde inte hämtas."
      />
    }
  `,
  styleUrl: './public.css',
})
export class PublicCommitteePage {
  private readonly api = inject(ApiClient);

  /** The route's `:committeeId`. */
  readonly committeeId = input.required<string>();

  protected readonly list = rxResource({
    params: () => this.committeeId(),
    stream: ({ params }) => this.api.call(PUBLIC_API.meetings, { committeeId: params }),
  });
  protected readonly meetings = computed(() =>
    this.list.hasValue() ? [...this.list.value().meetings].sort((a, b) => b.date.localeCompare(a.date)) : [],
  );
  protected readonly calendarUrl = computed(() =>
    endpointUrl(PUBLIC_API.calendar, { committeeId: this.committeeId() }),
  );
  protected readonly feedUrl = computed(() => endpointUrl(PUBLIC_API.feed, { committeeId: this.committeeId() }));
  protected readonly stateLabels = MEETING_STATE_LABELS;
  protected readonly notFound = isNotFound;
}
