import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { CapturedMailDto, ReminderFailureDto } from '@rapportflode/api-contract';
import { } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { OperationsApi } from './operations.api';
import { recipientsText, reminderKindLabel, reminderStatusLabel, reminderTaskText } from './operations-view';
import { PagerComponent, pageCount } from '../../shared/pager.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

/**
 * Utskick: the mail the installation has sent (to the embedded mail catcher under npm start, or
 * kept without SMTP), newest first. A mail's HTML is shown only inside a sandboxed iframe
 * (no scripts, no same origin), after Angular's sanitizer.
 *
 * Below, the reminder e-mails that did not go out: refused by the mail server for good (a bounce
 * at SMTP does not fail the reminder job, so Köer never shows it), or waiting for a retry after an
 * error. Newest first, paged on their own.
 */
@Component({
  selector: 'rf-mail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PagerComponent, ResourceStatusComponent, SvDatePipe],
  template: `
    <h1>Utskick</h1>
    <p class="lead">
      E-post som systemet har skickat, nyast först. Med den inbyggda e-postfångaren (<code>MAIL_CATCHER=on</code>)
      lämnar inget meddelande datorn.
    </p>

    <rf-resource-status [resource]="list" loadingLabel="Hämtar utskick" failure="Utskicken kunde inte hämtas." />

    <p class="count" role="status">
      @if (list.hasValue()) {
        {{ list.value().total }} utskick
      }
    </p>

    @if (list.hasValue()) {
      @if (list.value().mails.length > 0) {
        <div class="scroll" role="region" aria-label="Utskick" tabindex="0">
          <table class="data">
            <caption class="visually-hidden">
              Skickad e-post, nyast först
            </caption>
            <thead>
              <tr>
                <th scope="col">Tidpunkt</th>
                <th scope="col">Till</th>
                <th scope="col">Ämne</th>
              </tr>
            </thead>
            <tbody>
              @for (mail of list.value().mails; track mail.id) {
                <tr [class.selected]="selected()?.id === mail.id">
                  <td class="when">{{ mail.createdAt | svDate: true }}</td>
                  <td>{{ recipients(mail.to) }}</td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      [attr.aria-pressed]="selected()?.id === mail.id"
                      (click)="show(mail)"
                    >
                      {{ mail.subject || '(inget ämne)' }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>Inga utskick ännu.</p>
      }
      <rf-pager label="Sidor av utskick" [page]="page()" [pages]="pages()" (pageChange)="goTo($event)" />
    }

    @if (selected(); as mail) {
      <section class="mail" aria-labelledby="mail-subject">
        <h2 id="mail-subject" tabindex="-1" #subject>{{ mail.subject || '(inget ämne)' }}</h2>
        <dl>
          <dt>Till</dt>
          <dd>{{ mail.to }}</dd>
          <dt>Tidpunkt</dt>
          <dd>{{ mail.createdAt | svDate: true }}</dd>
        </dl>
        <h3>Text</h3>
        @if (mail.confidential) {
          <p class="confidential">
            Innehållet visas inte: meddelandet innehåller en personlig länk (till exempel för att återställa ett
            lösenord). Här syns bara att det skickades.
          </p>
        } @else {
          <pre class="text">{{ mail.text || '(ingen textdel)' }}</pre>
        }
        @if (mail.html) {
          <details>
            <summary>Visa HTML-versionen</summary>
            <iframe
              sandbox=""
              [srcdoc]="mail.html"
              [title]="'HTML-versionen av ' + (mail.subject || 'utskicket')"
            ></iframe>
          </details>
        }
        <button matButton="outlined" type="button" (click)="close()">Stäng</button>
      </section>
    }

    <section class="failures">
      <h2 id="reminder-failures-heading">Påminnelser som inte gått fram</h2>
      <p>
        Påminnelser via e-post som e-postservern har vägrat ta emot (de skickas inte igen) eller som väntar på ett nytt
        försök efter ett fel, nyast först.
      </p>
      <rf-resource-status [resource]="failures" loadingLabel="Hämtar påminnelser som inte gått fram" failure="Påminnelserna som inte gått fram kunde inte hämtas." />
      @if (failures.hasValue()) {
        @if (failures.value().failures.length > 0) {
          <p class="count">
            {{ failures.value().total }} {{ failures.value().total === 1 ? 'påminnelse' : 'påminnelser' }}
          </p>
          <div class="scroll" role="region" aria-labelledby="reminder-failures-heading" tabindex="0">
            <table class="data">
              <caption class="visually-hidden">
                Påminnelser som inte gått fram, nyast först
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mottagare</th>
                  <th scope="col">Uppgift</th>
                  <th scope="col">Påminnelse</th>
                  <th scope="col">Skulle skickas</th>
                  <th scope="col">Försök</th>
                  <th scope="col">Status</th>
                  <th scope="col">Serverns svar</th>
                </tr>
              </thead>
              <tbody>
                @for (failure of failures.value().failures; track failure.id) {
                  <tr>
                    <td>
                      {{ failure.recipientName }}<br />
                      <span class="email">{{ failure.recipientEmail }}</span>
                    </td>
                    <td>{{ taskText(failure) }}</td>
                    <td>{{ kindLabel(failure.kind) }}</td>
                    <td class="when">{{ failure.dueAt | svDate: true }}</td>
                    <td class="number">{{ failure.attempts }}</td>
                    <td>
                      <span class="status" [class.failed]="failure.status === 'failed'">{{
                        statusLabel(failure.status)
                      }}</span>
                    </td>
                    <td class="answer">{{ failure.error || '–' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <rf-pager
            label="Sidor av påminnelser som inte gått fram"
            [page]="failurePage()"
            [pages]="failurePages()"
            (pageChange)="failurePage.set($event)"
          />
        } @else {
          <p class="empty">Alla påminnelser har gått fram: ingen e-postserver har vägrat ta emot någon påminnelse.</p>
        }
      }
    </section>
  `,
  styles: `
    .count {
      font: var(--mat-sys-title-medium);
    }
    .when {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    button.link {
      background: none;
      border: none;
      padding: 0;
      font: inherit;
      color: var(--mat-sys-primary);
      text-decoration: underline;
      cursor: pointer;
      text-align: left;
    }
    tr.selected td {
      background: var(--mat-sys-secondary-container);
    }
    .mail {
      margin-top: 2rem;
      padding: 1rem 1.5rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    pre.text {
      white-space: pre-wrap;
      word-break: break-word;
      font: var(--mat-sys-body-medium);
      background: var(--mat-sys-surface-container);
      padding: 1rem;
    }
    summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
      margin-bottom: 0.5rem;
    }
    .failures {
      margin-top: 2.5rem;
    }
    .email,
    td.answer {
      word-break: break-word;
    }
    td.answer {
      font-family: var(--mat-sys-body-small-font, monospace);
      max-width: 28rem;
    }
    .number {
      text-align: right;
      white-space: nowrap;
    }
    .status.failed {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    iframe {
      width: 100%;
      min-height: 24rem;
      border: 1px solid var(--mat-sys-outline-variant);
      background: #fff;
    }
  `,
})
export class MailPage {
  private readonly api = inject(OperationsApi);
  private readonly injector = inject(Injector);
  private readonly subjectHeading = viewChild<ElementRef<HTMLElement>>('subject');

  protected readonly page = signal(1);
  protected readonly list = rxResource({ params: () => this.page(), stream: ({ params }) => this.api.mail(params) });
  protected readonly selected = signal<CapturedMailDto | null>(null);
  protected readonly pages = computed(() => pageCount(this.list));

  protected readonly failurePage = signal(1);
  protected readonly failures = rxResource({
    params: () => this.failurePage(),
    stream: ({ params }) => this.api.reminderFailures(params),
  });
  protected readonly failurePages = computed(() => pageCount(this.failures));

  protected readonly recipients = recipientsText;
  protected readonly kindLabel = reminderKindLabel;
  protected readonly statusLabel = reminderStatusLabel;
  protected readonly taskText = (failure: ReminderFailureDto): string => reminderTaskText(failure);

  protected show(mail: CapturedMailDto): void {
    this.selected.set(mail);
    afterNextRender(() => this.subjectHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    this.selected.set(null);
  }

  protected goTo(page: number): void {
    this.selected.set(null);
    this.page.set(page);
  }
}
