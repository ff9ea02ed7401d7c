import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { REPORT_KIND_LABELS } from '@rapportflode/domain';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';

@Component({
  selector: 'rf-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './templates.page.html',
  styleUrl: './templates.page.css',
})
export class TemplatesPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  protected readonly canManage = computed(() => this.auth.can('template.manage'));
  protected readonly templates = rxResource({ stream: () => this.api.listTemplates() });
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly message = errorMessage;
}
