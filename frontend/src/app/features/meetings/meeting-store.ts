import { inject, Injectable, signal, type WritableSignal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { type AgendaDocumentDto, MEETINGS_API, type MeetingDto } from '@rapportflode/api-contract';
import { normaliseSecrecyReference, SECRECY_REFERENCE_HINT } from '@rapportflode/domain';
import { firstValueFrom, type Observable } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { type ChangeOptions, REASON_QUESTION, runChange } from './meeting-change';
import { askText } from './text-dialog.component';

/**
 * The meeting page's one copy of the meeting, shared by its parts (provided by the page): every
 * change goes through `change`, which carries the version, asks for the reason once the kallelse
 * has been sent, and after a stale version shows the stored meeting and says so.
 */
@Injectable()
export class MeetingStore {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);

  readonly meeting = signal<MeetingDto | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly busy = signal(false);
  /** What the last change did (a polite status line). */
  readonly notice = signal('');
  /** Why the last change was refused (an alert). */
  readonly errors = signal<string[]>([]);

  private id = '';

  async load(id: string): Promise<void> {
    this.id = id;
    this.loadError.set(null);
    try {
      this.meeting.set(await firstValueFrom(this.api.call(MEETINGS_API.get, { meetingId: id })));
    } catch (error) {
      this.loadError.set(errorMessage(error));
    }
  }

  /**
   * Sends one change; true when the server took it. `done` is said afterwards. The send gets the
   * version and the reason (when one is needed) to put in its body. A refusal is shown in
   * `options.errors` when given (beside the form that sent it), else at the top of the page.
   */
  async change(
    send: (version: number, reason: string | undefined) => Observable<MeetingDto>,
    done: string,
    options: ChangeOptions & { errors?: WritableSignal<string[]> } = {},
  ): Promise<boolean> {
    const meeting = this.meeting();
    if (!meeting || this.busy()) return false;
    const errors = options.errors ?? this.errors;
    this.busy.set(true);
    this.errors.set([]);
    errors.set([]);
    this.notice.set('');
    try {
      const outcome = await runChange(
        meeting,
        (version, reason) => firstValueFrom(send(version, reason)),
        {
          askReason: () => this.askReason(),
          reload: () => firstValueFrom(this.api.call(MEETINGS_API.get, { meetingId: this.id })),
        },
        options,
      );
      switch (outcome.kind) {
        case 'saved':
          this.meeting.set(outcome.meeting);
          this.notice.set(done);
          return true;
        case 'cancelled':
          this.notice.set('Ingenting ändrades.');
          return false;
        case 'conflict':
          if (outcome.meeting) this.meeting.set(outcome.meeting);
          errors.set([outcome.message]);
          return false;
        case 'failed':
          errors.set(outcome.lines);
          return false;
      }
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Makes a handling secret (asking for its OSL reference) or public again; true when the server
   * took it.
   */
  async setDocumentSecret(document: AgendaDocumentDto, secret: boolean): Promise<boolean> {
    const meeting = this.meeting();
    if (!meeting) return false;
    let secrecyReference: string | null = null;
    if (secret) {
      const given = await askText(this.dialog, {
        title: `Sekretessbelägg ${document.title}`,
        text: 'Handlingen tas inte med i de offentliga handlingarna. Ange stödet i offentlighets- och sekretesslagen.',
        label: 'Sekretess enligt',
        hint: SECRECY_REFERENCE_HINT,
        submitLabel: 'Sekretessbelägg',
        initial: document.secrecyReference ?? '',
        validate: (text) => (normaliseSecrecyReference(text) === null ? SECRECY_REFERENCE_HINT : null),
        emptyMessage: SECRECY_REFERENCE_HINT,
      });
      if (given === null) return false;
      secrecyReference = normaliseSecrecyReference(given);
    }
    return this.change(
      (version, reason) =>
        this.api.call(
          MEETINGS_API.updateDocument,
          { meetingId: meeting.id, documentId: document.id },
          { version, secret, secrecyReference, reason },
        ),
      secret
        ? `${document.title} är sekretessbelagd (${secrecyReference}).`
        : `${document.title} är inte längre sekretessbelagd.`,
    );
  }

  /** The reason dialog; null when it was closed. */
  askReason(): Promise<string | null> {
    return askText(this.dialog, {
      title: 'Ändring efter utskickad kallelse',
      text: 'Kallelsen har redan skickats. Ändringen kommer med i en rättelse av kallelsen.',
      label: REASON_QUESTION,
      submitLabel: 'Spara ändringen',
      multiline: true,
      emptyMessage: 'Skriv varför kallelsen ändras.',
    });
  }
}

/** The meeting's id and version in a FormData body (the upload of a bilaga). */
export function attachmentForm(
  file: File,
  version: number,
  fields: { title?: string; secret: boolean; secrecyReference?: string | null; reason?: string },
): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('version', String(version));
  if (fields.title) form.append('title', fields.title);
  form.append('secret', String(fields.secret));
  if (fields.secret && fields.secrecyReference) form.append('secrecyReference', fields.secrecyReference);
  if (fields.reason) form.append('reason', fields.reason);
  return form;
}
