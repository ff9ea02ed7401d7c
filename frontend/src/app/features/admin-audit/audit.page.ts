import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AuditEventDto } from '@rapportflode/api-contract';
import { RouterLink } from '@angular/router';
import { auditFieldChanges, AuditFieldChange, auditSentence, AuditSegment, isRole, ROLE_LABELS, SWEDISH_TIME_ZONE } from '@rapportflode/domain';
import { ApiClient, AuditFilter } from '../../core/api-client';
import { SvDatePipe } from '../../shared/sv-format.pipes';
import { DateFieldComponent } from '../../shared/date-field/date-field.component';
import { PagerComponent, pageCount } from '../../shared/pager.component';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

/** Swedish names of the audit action codes; an unknown code is shown as it is. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'unit.create': 'Enhet skapad',
  'unit.update': 'Enhet ändrad',
  'unit.move': 'Enhet flyttad',
  'unit.deactivate': 'Enhet inaktiverad',
  'unit.reactivate': 'Enhet aktiverad',
  'user.create': 'Person skapad',
  'user.update': 'Person ändrad',
  'user.deactivate': 'Person inaktiverad',
  'user.reactivate': 'Person aktiverad',
  'user.sessions_revoke': 'Sessioner avslutade',
  'user.reminder_delivery': 'Val av påminnelser via e-post ändrat',
  'user.password_reset_requested': 'Lösenordsåterställning begärd',
  'user.password_reset': 'Lösenord återställt',
  'role.assign': 'Roll tilldelad',
  'role.remove': 'Roll borttagen',
  'committee.create': 'Nämnd skapad',
  'organisation.import': 'Import',
  'auth.sign_in': 'Inloggning',
  'auth.sign_out': 'Utloggning',
  'job.retry': 'Jobb kört igen',
};

/** The entity types the log can be filtered on, in the order of the Typ menu. */
export const AUDIT_ENTITY_TYPES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'task', label: 'Avsnitt' },
  { value: 'cycle', label: 'Rapportcykel' },
  { value: 'memo', label: 'Tjänsteskrivelse' },
  { value: 'report_version', label: 'Fastställd rapport' },
  { value: 'template', label: 'Mall' },
  { value: 'unit', label: 'Enhet' },
  { value: 'user', label: 'Person' },
  { value: 'role_assignment', label: 'Roll' },
  { value: 'committee', label: 'Nämnd' },
  { value: 'import', label: 'Import' },
  { value: 'job', label: 'Jobb' },
];

export function auditActionLabel(action: string): string {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : action;
}

function entityTypeLabel(entityType: string): string {
  return AUDIT_ENTITY_TYPES.find((type) => type.value === entityType)?.label ?? entityType;
}

/** What the event is about, in a few words: `Person – Anna Andersson`, `Roll – Enhetschef`. */
export function auditSubject(event: Pick<AuditEventDto, 'entityType' | 'before' | 'after'>): string {
  const kind = entityTypeLabel(event.entityType);
  const data = (event.after ?? event.before) as Record<string, unknown> | null | undefined;
  const text = (key: string) => (data && typeof data[key] === 'string' ? (data[key] as string) : null);
  let detail: string | null = null;
  if (data && typeof data === 'object') {
    if (event.entityType === 'role_assignment') {
      const role = data['role'];
      detail = isRole(role) ? ROLE_LABELS[role] : null;
    } else if (event.entityType === 'import') {
      detail = text('fileName');
    } else if (event.entityType === 'committee') {
      const name = text('name');
      const municipality = text('municipality');
      detail = name && municipality ? `${name}, ${municipality}` : name;
    } else if (typeof data['revoked'] === 'number') {
      const revoked = data['revoked'];
      detail = `${revoked} ${revoked === 1 ? 'session' : 'sessioner'}`;
    } else {
      detail = text('name');
    }
  }
  return detail ? `${kind} – ${detail}` : kind;
}

/** Before/after as one line of JSON; null when there is nothing to show. */
export function compactJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value);
}

const stockholmParts = new Intl.DateTimeFormat('en-US', {
  timeZone: SWEDISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Stockholm's clock is ahead of UTC at an instant, in milliseconds. */
function stockholmOffset(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of stockholmParts.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts['year'],
    parts['month'] - 1,
    parts['day'],
    parts['hour'],
    parts['minute'],
    parts['second'],
  );
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant a calendar day (`2021-09-24`) begins in Stockholm, as ISO; `daysLater` moves
 * the day. The log shows Stockholm time, so the filter counts days the same way.
 */
export function stockholmDayStart(day: string, daysLater = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, date + daysLater);
  let instant = guess - stockholmOffset(guess);
  instant = guess - stockholmOffset(instant);
  return new Date(instant).toISOString();
}

/** The query for the chosen filters: `Till` includes the whole day. */
export function auditFilterFor(type: string, from: string, to: string, page = 1): AuditFilter {
  return {
    entityType: type || undefined,
    from: from ? stockholmDayStart(from) : undefined,
    to: to ? stockholmDayStart(to, 1) : undefined,
    page,
  };
}

@Component({
  selector: 'rf-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DateFieldComponent,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PagerComponent,
    ResourceStatusComponent,
    RouterLink,
    SvDatePipe,
  ],
  template: `
    <h1>Ändringslogg</h1>
    <p class="lead">Alla ändringar av organisation, personer och roller, nyast först.</p>

    <form class="filters" (ngSubmit)="filter()" novalidate aria-label="Filtrera ändringsloggen">
      <mat-form-field appearance="outline">
        <mat-label>Typ</mat-label>
        <select matNativeControl name="type" [(ngModel)]="type">
          <option value="">Alla</option>
          @for (option of entityTypes; track option.value) {
            <option [value]="option.value">{{ option.label }}</option>
          }
        </select>
      </mat-form-field>
      <rf-date-field label="Från" name="from" [(ngModel)]="from" />
      <rf-date-field label="Till" name="to" [(ngModel)]="to" />
      <button matButton="filled" type="submit">Filtrera</button>
    </form>
    @if (filterError()) {
      <p class="error" role="alert">{{ filterError() }}</p>
    }

    <rf-resource-status [resource]="log" loadingLabel="Hämtar händelser" failure="Ändringsloggen kunde inte hämtas." />

    <p class="count" role="status">
      @if (log.hasValue()) {
        {{ log.value().total }} {{ log.value().total === 1 ? 'händelse' : 'händelser' }}
      }
    </p>

    @if (log.hasValue()) {
      @if (log.value().events.length > 0) {
        <div class="scroll" role="region" aria-label="Händelser" tabindex="0">
          <table class="data">
            <caption class="visually-hidden">
              Händelser i ändringsloggen, nyast först
            </caption>
            <thead>
              <tr>
                <th scope="col">Tidpunkt</th>
                <th scope="col">Händelse</th>
                <th scope="col">Ändringar</th>
              </tr>
            </thead>
            <tbody>
              @for (event of log.value().events; track event.id) {
                <tr>
                  <td class="when">{{ event.occurredAt | svDate: true }}</td>
                  <td class="sentence">
                    @for (segment of sentence(event); track $index) {
                      @if (segment.link) {
                        <a [routerLink]="segment.link">{{ segment.text }}</a>
                      } @else {
                        <span>{{ segment.text }}</span>
                      }
                    }
                  </td>
                  <td>
                    @let changes = fieldChanges(event);
                    @if (changes.length > 0) {
                      <ul class="changes">
                        @for (change of changes; track change.field) {
                          <li>
                            <span class="field">{{ change.label }}:</span> {{ change.before }}
                            <span aria-hidden="true">→</span><span class="visually-hidden">ändrat till</span>
                            {{ change.after }}
                          </li>
                        }
                      </ul>
                    } @else {
                      –
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>Inga händelser matchar filtret.</p>
      }
      <rf-pager label="Sidor i ändringsloggen" [page]="page()" [pages]="pages()" (pageChange)="goTo($event)" />
    }
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 1rem;
    }
    .count {
      font: var(--mat-sys-title-medium);
    }
    .changes {
      margin: 0;
      padding-left: 1rem;
    }
    .field {
      font-weight: 600;
    }
    .when {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class AuditPage {
  private readonly api = inject(ApiClient);

  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly type = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly filterError = signal<string | null>(null);

  /** The filter in force (what was last submitted) and the page. */
  private readonly query = signal<AuditFilter>({ page: 1 });
  protected readonly log = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.audit(params) });

  protected readonly page = computed(() => this.query().page ?? 1);
  protected readonly pages = computed(() => pageCount(this.log));

  protected readonly actionLabel = auditActionLabel;
  protected readonly subject = auditSubject;
  protected readonly json = compactJson;

  protected sentence(event: AuditEventDto): AuditSegment[] {
    return auditSentence({ ...event, actorName: event.actor ? event.actor.name || 'Okänd person' : null });
  }

  protected fieldChanges(event: AuditEventDto): AuditFieldChange[] {
    return auditFieldChanges(event.before, event.after);
  }

  protected filter(): void {
    const from = this.from();
    const to = this.to();
    if (from && to && from > to) {
      this.filterError.set('Från-datumet måste vara samma dag som eller före Till-datumet.');
      return;
    }
    this.filterError.set(null);
    this.query.set(auditFilterFor(this.type(), from, to));
  }

  protected goTo(page: number): void {
    this.query.update((query) => ({ ...query, page }));
  }
}
