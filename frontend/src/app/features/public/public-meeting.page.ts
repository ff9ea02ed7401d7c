import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { endpointUrl, PUBLIC_API, type PublicItemDto } from '@rapportflode/api-contract';
import { AGENDA_ITEM_KIND_LABELS, AGENDA_SECTIONS, MEETING_STATE_LABELS } from '@rapportflode/domain';
import { ApiClient, isNotFound } from '../../core/api-client';
import { fileSizeText } from '../../shared/file-size';
import { ResourceStatusComponent } from '../../shared/resource-status.component';
import { SvDatePipe, SvNumberPipe } from '../../shared/sv-format.pipes';

/** The published ärenden by the parts of the föredragningslista, each in number order. */
export function publicAgenda(
  items: readonly PublicItemDto[],
): Array<{ key: string; title: string; items: PublicItemDto[] }> {
  const sorted = [...items].sort((a, b) => a.number - b.number);
  return AGENDA_SECTIONS.map((s) => ({
    key: s.key,
    title: s.title,
    items: sorted.filter((i) => i.section === s.key),
  })).filter((s) => s.items.length > 0);
}

/**
 * A published sammanträde for anyone: the kallelse, each ärende by its public title (a secret one
 * says only that it is secret and why), each file as PDF and HTML.
 */
@Component({
  selector: 'rf-public-meeting-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ResourceStatusComponent, RouterLink, SvDatePipe, SvNumberPipe],
  templateUrl: './public-meeting.page.html',
  styleUrls: ['./public.css', './public-meeting.page.css'],
})
export class PublicMeetingPage {
  private readonly api = inject(ApiClient);

  /** The route's `:meetingId`. */
  readonly meetingId = input.required<string>();

  protected readonly meeting = rxResource({
    params: () => this.meetingId(),
    stream: ({ params }) => this.api.call(PUBLIC_API.meeting, { meetingId: params }),
  });
  protected readonly agenda = computed(() => (this.meeting.hasValue() ? publicAgenda(this.meeting.value().items) : []));
  protected readonly stateLabels = MEETING_STATE_LABELS;
  protected readonly kindLabels = AGENDA_ITEM_KIND_LABELS;
  protected readonly size = fileSizeText;
  protected readonly notFound = isNotFound;

  protected packageUrl(): string {
    return endpointUrl(PUBLIC_API.package, { meetingId: this.meetingId() });
  }

  protected fileUrl(fileId: string, format: 'pdf' | 'html'): string {
    return endpointUrl(PUBLIC_API.file, { fileId }, { format });
  }

  protected pageUrl(): string {
    return endpointUrl(PUBLIC_API.meetingPage, { meetingId: this.meetingId() });
  }
}
