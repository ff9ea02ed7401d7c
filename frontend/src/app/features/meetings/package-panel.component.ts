import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { endpointUrl, type MeetingPackageDto, MEETINGS_API } from '@rapportflode/api-contract';
import { ApiClient } from '../../core/api-client';
import { fileSizeText } from '../../shared/file-size';
import { SvDatePipe, SvNumberPipe } from '../../shared/sv-format.pipes';
import { MeetingStore } from './meeting-store';

/** Handlingar: "Sammanställ handlingar", the internal and the public package (PDF, ZIP) and their files. */
@Component({
  selector: 'rf-package-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, SvDatePipe, SvNumberPipe],
  templateUrl: './package-panel.component.html',
  styleUrl: './meeting-shared.css',
})
export class PackagePanelComponent {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(ApiClient);

  protected readonly packages = computed(() => {
    const m = this.store.meeting();
    return [m?.internalPackage, m?.publicPackage].filter((p): p is MeetingPackageDto => !!p);
  });
  protected readonly size = fileSizeText;
  protected readonly titles: Record<MeetingPackageDto['audience'], string> = {
    internal: 'Handlingar för ledamöter och ersättare',
    public: 'Offentliga handlingar',
  };
  protected readonly hints: Record<MeetingPackageDto['audience'], string> = {
    internal: 'Alla handlingar, också de med sekretess. Ledamöter och ersättare läser dem här i Rapportflöde.',
    public: 'Utan sekretessbelagda handlingar. Granskas före publicering (fliken Publicering).',
  };

  protected packageUrl(audience: MeetingPackageDto['audience'], format: 'pdf' | 'zip'): string {
    return endpointUrl(MEETINGS_API.package, { meetingId: this.store.meeting()?.id ?? '' }, { format, audience });
  }

  protected fileUrl(fileId: string, format: 'pdf' | 'html'): string {
    return endpointUrl(MEETINGS_API.file, { meetingId: this.store.meeting()?.id ?? '', fileId }, { format });
  }

  protected compile(): void {
    const meeting = this.store.meeting();
    if (!meeting) return;
    void this.store.change(
      () => this.api.call(MEETINGS_API.compilePackage, { meetingId: meeting.id }, {}),
      'Handlingarna är sammanställda.',
      { reason: 'none' },
    );
  }
}
