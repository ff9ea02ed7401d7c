import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { REPORT_KIND_LABELS } from '@rapportflode/domain';
import { ApiClient } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { ResourceStatusComponent } from '../../shared/resource-status.component';

@Component({
  selector: 'rf-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ResourceStatusComponent, RouterLink],
  templateUrl: './templates.page.html',
  styleUrl: './templates.page.css',
})
export class TemplatesPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);

  protected readonly canManage = computed(() => this.auth.can('template.manage'));
  protected readonly templates = rxResource({ stream: () => this.api.listTemplates() });
  protected readonly kindLabels = REPORT_KIND_LABELS;
}
