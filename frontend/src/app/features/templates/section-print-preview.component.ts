import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { sectionSampleHtml } from '@rapportflode/documents';
import { checkSectionConfig, type SectionConfig, type SectionKind } from '@rapportflode/domain';

/** The kinds whose layout has no live example of its own (economy and goals have theirs: economy-layout.component.ts, goals-layout.component.ts). */
export const PRINT_PREVIEW_KINDS: readonly SectionKind[] = ['table', 'sick_leave', 'action_plan', 'internal_control', 'blocks'];

/**
 * How a section prints with its layout, with made-up content (libs/documents
 * assembly/section-sample.ts): the report's own block builders and HTML renderer, so it
 * follows every change to the layout at once. Shown for the kinds in PRINT_PREVIEW_KINDS; for
 * the others nothing. The fragment is our renderer's output, which escapes every text, so it
 * is bound as trusted HTML (Angular's sanitizer would drop the charts' svg).
 */
@Component({
  selector: 'rf-section-print-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The document styles reach the rendered fragment; every rule is scoped under .rf-print-preview.
  encapsulation: ViewEncapsulation.None,
  template: `
    @if (shown()) {
      <figure class="rf-print-preview" [id]="id() + '-print-preview'" [attr.aria-labelledby]="id() + '-print-preview-caption'">
        <figcaption [id]="id() + '-print-preview-caption'">Så skrivs avsnittet ut (påhittat innehåll)</figcaption>
        @if (html(); as fragment) {
          <div class="rf-print-preview-page" [innerHTML]="fragment"></div>
        } @else {
          <p class="rf-print-preview-note">Exemplet visas när upplägget är giltigt.</p>
        }
      </figure>
    }
  `,
  styleUrl: './section-print-preview.component.css',
})
export class SectionPrintPreviewComponent {
  readonly id = input.required<string>();
  readonly kind = input.required<SectionKind>();
  readonly config = input<SectionConfig | null | undefined>(null);
  /** The section's title, printed as the example's heading and captions. */
  readonly title = input<string>('');

  private readonly sanitizer = inject(DomSanitizer);

  protected readonly shown = computed(() => PRINT_PREVIEW_KINDS.includes(this.kind()));

  protected readonly html = computed<SafeHtml | null>(() => {
    if (!this.shown()) return null;
    const checked = checkSectionConfig(this.kind(), this.config());
    if (!checked.ok) return null;
    try {
      return this.sanitizer.bypassSecurityTrustHtml(sectionSampleHtml(this.kind(), checked.config, this.title(), `${this.id()}-exempel`));
    } catch {
      return null;
    }
  });
}
