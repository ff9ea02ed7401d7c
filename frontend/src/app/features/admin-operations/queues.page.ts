import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { QueueJobDto, QueueJobState } from '@rapportflode/api-contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { OperationsApi } from './operations.api';
import { attemptsText, JOB_STATE_LABELS, jobData, jobStateLabel, queueLabel, retryResultText } from './operations-view';
import { PagerComponent, pageCount } from '../../shared/pager.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

/** Köer: every queue's health, its jobs by state, and a failed job run again. */
@Component({
  selector: 'rf-queues-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PagerComponent, ResourceStatusComponent, SvDatePipe],
  template: `
    <h1>Köer</h1>
    <p class="lead">Bakgrundsjobben (påminnelser och systemjobb) per kö. Ett misslyckat jobb kan köras igen.</p>

    <rf-resource-status [resource]="queues" loadingLabel="Hämtar köer" failure="Köerna kunde inte hämtas." />
    @if (queues.hasValue()) {
      <div class="scroll" role="region" aria-label="Köer" tabindex="0">
        <table class="data">
          <caption class="visually-hidden">
            Antal jobb per kö och läge
          </caption>
          <thead>
            <tr>
              <th scope="col">Kö</th>
              @for (entry of states; track entry.state) {
                <th scope="col" class="num">{{ entry.label }}</th>
              }
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            @for (queue of queues.value().queues; track queue.name) {
              <tr>
                <th scope="row">{{ queueName(queue.name) }}</th>
                @for (entry of states; track entry.state) {
                  <td class="num" [class.alert]="entry.state === 'failed' && queue.counts.failed > 0">
                    {{ queue.counts[entry.state] }}
                  </td>
                }
                <td>{{ queue.paused ? 'Pausad' : 'Igång' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      <h2 id="jobs-heading">Jobb</h2>
      <form class="filters" (submit)="$event.preventDefault(); jobs.reload()" aria-labelledby="jobs-heading">
        <label>
          Kö
          <select name="queue" (change)="pickQueue($event)">
            @for (q of queues.value().queues; track q.name) {
              <option [value]="q.name" [selected]="q.name === queue()">{{ queueName(q.name) }}</option>
            }
          </select>
        </label>
        <label>
          Läge
          <select name="state" (change)="pickState($event)">
            @for (entry of states; track entry.state) {
              <option [value]="entry.state" [selected]="entry.state === state()">{{ entry.label }}</option>
            }
          </select>
        </label>
        <button matButton="outlined" type="submit">Uppdatera</button>
      </form>
    }

    <p class="live" role="status" aria-live="polite">{{ retryResult() }}</p>

    @if (jobs.error(); as error) {
      <div class="error" role="alert">
        <p>Jobben kunde inte hämtas. {{ message(error) }}</p>
      </div>
    }
    @if (jobs.hasValue() && queues.hasValue()) {
      @if (jobs.value().jobs.length > 0) {
        <div class="scroll" role="region" aria-label="Jobb i kön" tabindex="0">
          <table class="data">
            <caption>
              {{
                stateName(jobs.value().state)
              }}
              jobb i kön
              {{
                queueName(jobs.value().queue)
              }}
              ({{
                jobs.value().total
              }}), nyast först
            </caption>
            <thead>
              <tr>
                <th scope="col">Jobb</th>
                <th scope="col">Typ</th>
                <th scope="col">Försök</th>
                <th scope="col">Skapat</th>
                <th scope="col">{{ jobs.value().state === 'delayed' ? 'Körs' : 'Senast körd' }}</th>
                <th scope="col">Fel</th>
                <th scope="col">Data</th>
                @if (jobs.value().state === 'failed') {
                  <th scope="col"><span class="visually-hidden">Åtgärd</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (job of jobs.value().jobs; track job.id) {
                <tr>
                  <td class="id">{{ job.id }}</td>
                  <td>{{ job.name }}</td>
                  <td class="num">{{ attempts(job) }}</td>
                  <td class="when">{{ job.createdAt | svDate: true }}</td>
                  <td class="when">
                    @if (job.delayUntil) {
                      {{ job.delayUntil | svDate: true }}
                    } @else if (job.processedAt) {
                      {{ job.processedAt | svDate: true }}
                    } @else {
                      –
                    }
                  </td>
                  <td class="reason">{{ job.failedReason ?? '–' }}</td>
                  <td>
                    <details class="raw">
                      <summary>
                        Visa<span class="visually-hidden"> data för jobbet {{ job.id }}</span>
                      </summary>
                      <pre>{{ data(job.data) }}</pre>
                    </details>
                  </td>
                  @if (jobs.value().state === 'failed') {
                    <td>
                      <button matButton="filled" type="button" [disabled]="retrying() === job.id" (click)="retry(job)">
                        Försök igen<span class="visually-hidden"> med jobbet {{ job.id }}</span>
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <rf-pager label="Sidor av jobb" [page]="page()" [pages]="pages()" (pageChange)="page.set($event)" />
      } @else {
        <p>Inga {{ stateName(jobs.value().state).toLowerCase() }} jobb i kön {{ queueName(jobs.value().queue) }}.</p>
      }
    }
  `,
  styles: `
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    td.alert {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .when {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .id {
      word-break: break-all;
      max-width: 16rem;
    }
    .reason {
      max-width: 20rem;
      word-break: break-word;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    .filters label {
      display: flex;
      flex-direction: column;
      font: var(--mat-sys-label-large);
      gap: 0.25rem;
    }
    select {
      font: var(--mat-sys-body-large);
      padding: 0.5rem;
      min-width: 12rem;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 0.5rem;
    }
    .live {
      min-height: 1.5rem;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class QueuesPage {
  private readonly api = inject(OperationsApi);

  protected readonly states = JOB_STATE_LABELS;
  protected readonly queue = signal('system');
  protected readonly state = signal<QueueJobState>('failed');
  protected readonly page = signal(1);
  protected readonly retrying = signal<string | null>(null);
  protected readonly retryResult = signal('');

  protected readonly queues = rxResource({ stream: () => this.api.queues() });
  protected readonly jobs = rxResource({
    params: () => ({ queue: this.queue(), state: this.state(), page: this.page() }),
    stream: ({ params }) => this.api.jobs(params.queue, params.state, params.page),
  });

  protected readonly queueName = queueLabel;
  protected readonly stateName = jobStateLabel;
  protected readonly attempts = attemptsText;
  protected readonly data = jobData;
  protected readonly message = errorMessage;

  protected pages(): number {
    return pageCount(this.jobs);
  }

  protected pickQueue(event: Event): void {
    this.queue.set((event.target as HTMLSelectElement).value);
    this.page.set(1);
  }

  protected pickState(event: Event): void {
    this.state.set((event.target as HTMLSelectElement).value as QueueJobState);
    this.page.set(1);
  }

  protected async retry(job: QueueJobDto): Promise<void> {
    this.retrying.set(job.id);
    this.retryResult.set('');
    try {
      const result = await firstValueFrom(this.api.retry(this.queue(), job.id));
      this.retryResult.set(retryResultText(result.id, result.state));
    } catch (error) {
      this.retryResult.set(`Jobbet ${job.id} kunde inte köras igen. ${errorMessage(error)}`);
    } finally {
      this.retrying.set(null);
      this.queues.reload();
      this.jobs.reload();
    }
  }
}
