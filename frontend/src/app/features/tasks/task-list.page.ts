import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';
import { ApiClient } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { TaskTableComponent } from './task-table.component';

/** Which list of tasks a page shows: the writer's own ("Mina uppgifter") or the reviewer's queue ("Att granska"). */
export type TaskList = 'mine' | 'review';

/** The texts of each list's page. */
const TASK_LIST_TEXTS: Readonly<
  Record<TaskList, { heading: string; lead: string; loading: string; failure: string; caption: string; empty: string }>
> = {
  mine: {
    heading: 'Mina uppgifter',
    lead: 'Avsnitten du skriver, med närmaste sista dag först.',
    loading: 'Hämtar uppgifterna',
    failure: 'Uppgifterna kunde inte hämtas.',
    caption: 'Mina uppgifter, ordnade efter sista dag',
    empty: 'Du har inga uppgifter just nu.',
  },
  review: {
    heading: 'Att granska',
    lead: 'Inlämnade avsnitt som väntar på din granskning, med närmaste sista dag först.',
    loading: 'Hämtar avsnitten att granska',
    failure: 'Avsnitten kunde inte hämtas.',
    caption: 'Avsnitt att granska, ordnade efter sista dag',
    empty: 'Inget väntar på din granskning just nu.',
  },
};

/** A list of tasks, nearest deadline first; the route's `data.list` says which (app.routes.ts). */
@Component({
  selector: 'rf-task-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, TaskTableComponent, RouterLink, SvDatePipe],
  template: `
    <h1>{{ text().heading }}</h1>
    <p class="lead">{{ text().lead }}</p>
    @if (memos.hasValue() && memos.value().memos.length > 0) {
      <section aria-labelledby="memo-queue-heading">
        <h2 id="memo-queue-heading">Tjänsteskrivelser att granska</h2>
        <table class="memo-queue">
          <caption>Inlämnade tjänsteskrivelser som väntar på din granskning, den som väntat längst först</caption>
          <thead>
            <tr><th scope="col">Tjänsteskrivelse</th><th scope="col">Nämnd</th><th scope="col">Diarienummer</th><th scope="col">Inlämnad</th></tr>
          </thead>
          <tbody>
            @for (memo of memos.value().memos; track memo.cycleId) {
              <tr>
                <td><a [routerLink]="['/cykler', memo.cycleId, 'tjansteskrivelse']">Tjänsteskrivelse: {{ memo.cycleTitle }}</a></td>
                <td>{{ memo.committeeName }}</td>
                <td>{{ memo.cycleDiaryNumber || '–' }}</td>
                <td>{{ memo.submittedAt | svDate: true }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
      <h2>Avsnitt att granska</h2>
    }
    <rf-resource-status [resource]="tasks" [loadingLabel]="text().loading" [failure]="text().failure" />
    @if (tasks.hasValue()) {
      @if (tasks.value().tasks.length > 0) {
        <rf-task-table [tasks]="tasks.value().tasks" [caption]="text().caption" />
      } @else {
        <p class="empty">{{ text().empty }}</p>
      }
    }
  `,
  styles: `
    .memo-queue {
      border-collapse: collapse;
      margin-block-end: 1.5rem;
    }
    .memo-queue caption {
      text-align: start;
      padding-block-end: 0.5rem;
    }
    .memo-queue th,
    .memo-queue td {
      text-align: start;
      padding: 0.4rem 0.75rem 0.4rem 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .lead,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TaskListPage {
  private readonly api = inject(ApiClient);
  /** From the route's data. */
  readonly list = input.required<TaskList>();
  protected readonly text = computed(() => TASK_LIST_TEXTS[this.list()]);
  protected readonly tasks = rxResource({
    params: () => this.list(),
    stream: ({ params }) => (params === 'mine' ? this.api.myTasks() : this.api.reviewQueue()),
  });
  /** The submitted tjänsteskrivelser the person may review: shown above the sections under Att granska. */
  protected readonly memos = rxResource({
    params: () => this.list(),
    stream: ({ params }) => (params === 'review' ? this.api.memoReviewQueue() : of({ memos: [] })),
  });
}
