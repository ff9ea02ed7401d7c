import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MEETINGS_API } from '@rapportflode/api-contract';
import { MEETING_STATE_LABELS } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { SvDatePipe } from '../../shared/sv-format.pipes';

/** Mina sammanträden: the meetings the person is called to, soonest first. */
@Component({
  selector: 'rf-my-meetings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, RouterLink, SvDatePipe],
  template: `
    <h1>Mina sammanträden</h1>
    <p class="lead">
      Kommande och nyss hållna sammanträden i de nämnder du följer och dem du är kallad till som ledamot eller
      ersättare.
    </p>
    <rf-resource-status
      [resource]="mine"
      loadingLabel="Hämtar dina sammanträden"
      failure="Dina sammanträden kunde inte hämtas."
    />
    @if (mine.hasValue()) {
      @if (meetings().length === 0) {
        <p>Du är inte kallad till något sammanträde.</p>
      } @else {
        <div class="scroll" role="region" aria-labelledby="my-meetings-caption" tabindex="0">
          <table class="data">
            <caption id="my-meetings-caption" class="visually-hidden">
              Sammanträden du är kallad till
            </caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Nämnd</th>
                <th scope="col">Tid</th>
                <th scope="col">Plats</th>
                <th scope="col">Status</th>
                <th scope="col" class="figure">Ärenden</th>
              </tr>
            </thead>
            <tbody>
              @for (m of meetings(); track m.id) {
                <tr>
                  <th scope="row" class="nowrap">
                    <a [routerLink]="['/sammantraden', m.id]">{{ m.date | svDate }}</a>
                  </th>
                  <td>{{ m.committeeName }}</td>
                  <td class="nowrap">{{ m.startTime }}</td>
                  <td>{{ m.place }}</td>
                  <td class="nowrap">{{ stateLabels[m.state] }}</td>
                  <td class="figure">{{ m.itemCount }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styles: `
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class MyMeetingsPage {
  private readonly api = inject(ApiClient);
  protected readonly mine = rxResource({ stream: () => this.api.call(MEETINGS_API.mine, {}) });
  protected readonly meetings = computed(() =>
    this.mine.hasValue()
      ? [...this.mine.value().meetings].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime))
      : [],
  );
  protected readonly stateLabels = MEETING_STATE_LABELS;
}
