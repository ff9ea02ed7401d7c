import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ContentConflictResponse, TaskDto } from '@rapportflode/api-contract';
import type { TaskContent } from '@rapportflode/domain';
import { documentToHtml } from '../../shared/rich-text/rich-text-dom';
import { ConflictPanelComponent } from '../../shared/workflow/conflict-panel.component';
import { StructuredSectionComponent } from '../section-editors/structured-section.component';

/** A stale save of the task's text: the saved version beside the person's, and the three ways on. */
@Component({
  selector: 'rf-task-conflict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ConflictPanelComponent, StructuredSectionComponent],
  template: `
    @let c = conflict();
    <rf-conflict-panel panelId="conflict" [level]="3" [message]="c.message + ' Välj hur du vill fortsätta.'">
      @if (structured()) {
        <div class="versions tables">
          <div class="version">
            <h4>Sparad version (av {{ c.current.updatedByName ?? 'okänd' }})</h4>
            <rf-structured-section
              [content]="c.current.content"
              [config]="sectionConfig()"
              [title]="'Sparad version'"
              [readonly]="true"
              [showExtras]="false"
            />
          </div>
          <div class="version">
            <h4>Din version</h4>
            <rf-structured-section
              [content]="c.yours.content"
              [config]="sectionConfig()"
              [title]="'Din version'"
              [readonly]="true"
              [showExtras]="false"
            />
          </div>
        </div>
      } @else {
        <div class="versions">
          <div class="version">
            <h4>Sparad version (av {{ c.current.updatedByName ?? 'okänd' }})</h4>
            <div class="rich-content view" [innerHTML]="html(c.current.content)"></div>
          </div>
          <div class="version">
            <h4>Din version</h4>
            <div class="rich-content view" [innerHTML]="html(c.yours.content)"></div>
          </div>
        </div>
      }
      @if (c.current.content.type === 'doc' && c.yours.content.type === 'doc') {
        <button conflict-actions matButton="filled" type="button" (click)="merge.emit()">Slå ihop</button>
      }
      <button conflict-actions matButton="outlined" type="button" (click)="keepMine.emit()">Behåll min version</button>
      <button conflict-actions matButton="outlined" type="button" (click)="useSaved.emit()">Använd den sparade</button>
    </rf-conflict-panel>
  `,
  styles: `
    .versions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .versions.tables {
      grid-template-columns: 1fr;
    }
    .view {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
  `,
})
export class TaskConflictComponent {
  readonly conflict = input.required<ContentConflictResponse>();
  readonly structured = input.required<boolean>();
  readonly sectionConfig = input.required<TaskDto['sectionConfig']>();
  /** Both versions in the editor (only for two texts). */
  readonly merge = output<void>();
  readonly keepMine = output<void>();
  readonly useSaved = output<void>();

  protected html(content: TaskContent): string {
    return content.type === 'doc' ? documentToHtml(content) : '';
  }
}
