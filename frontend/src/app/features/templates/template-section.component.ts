import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  GUIDANCE_MAX_LENGTH,
  HEADING_ONLY_LABEL,
  isReviewerRole,
  RESPONSIBILITIES,
  RESPONSIBILITY_LABELS,
  ROLE_LABELS,
  ROLES,
  SECTION_KIND_LABELS,
  SECTION_KINDS,
  SECTION_PLACEMENT_LABELS,
  SECTION_PLACEMENTS,
} from '@rapportflode/domain';
import { LAYOUT_KINDS, SectionLayoutComponent } from './section-layout.component';
import { SectionWriterComponent } from './section-writer.component';
import type { EditorSection, SectionMoves, UnitChoice } from './template-sections';

/** What a section's editor may change (template-sections.ts updateSection). */
export type SectionChange = Partial<Omit<EditorSection, 'uid' | 'savedKey' | 'parentUid'>>;
export type SectionMove = keyof SectionMoves;

/** A section's three choices, each a select: what it holds, who delivers it, who reviews it. */
interface SectionChoice {
  readonly field: 'kind' | 'responsibility' | 'reviewerRole';
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
}
const SECTION_CHOICES: readonly SectionChoice[] = [
  { field: 'kind', label: 'Innehåll', options: SECTION_KINDS.map((kind) => ({ value: kind, label: SECTION_KIND_LABELS[kind] })) },
  {
    field: 'responsibility',
    label: 'Levereras av',
    options: RESPONSIBILITIES.map((responsibility) => ({ value: responsibility, label: RESPONSIBILITY_LABELS[responsibility] })),
  },
  { field: 'reviewerRole', label: 'Granskas av', options: ROLES.filter(isReviewerRole).map((role) => ({ value: role, label: ROLE_LABELS[role] })) },
];

/** The buttons that move a section: its id prefix and the move are the same word. */
const MOVE_BUTTONS: ReadonlyArray<{ readonly move: SectionMove; readonly text: string; readonly ariaPrefix: string }> = [
  { move: 'up', text: 'Flytta upp', ariaPrefix: 'Flytta upp ' },
  { move: 'down', text: 'Flytta ned', ariaPrefix: 'Flytta ned ' },
  { move: 'indent', text: 'Gör till underavsnitt', ariaPrefix: 'Gör till underavsnitt: ' },
  { move: 'outdent', text: 'Flytta ut en nivå', ariaPrefix: 'Flytta ut en nivå: ' },
];

/**
 * One section of the template editor, on its `<li>`: title, content, who delivers and who
 * reviews it, its layout, the units that deliver it, and the buttons that move or remove it.
 * The page holds the sections and does what the buttons ask (template-editor.page.ts).
 */
@Component({
  // The list item itself, so that the sections stay an <ol> of <li> for screen readers.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'li[rfTemplateSection]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, SectionLayoutComponent, SectionWriterComponent],
  templateUrl: './template-section.component.html',
  styleUrl: './template-section.component.css',
})
export class TemplateSectionComponent {
  readonly row = input.required<EditorSection>();
  /** `2.1` */
  readonly number = input.required<string>();
  readonly moves = input.required<SectionMoves>();
  /** The section's name in buttons' labels ("Ekonomi", or "avsnitt 2.1" while it has no title). */
  readonly label = input.required<string>();
  /** How many sections lie under it. */
  readonly children = input(0);
  /** Shown as missing its title (after a save was tried). */
  readonly untitled = input(false);
  /** The committee's units to choose from (for "chosen units"). */
  readonly units = input<readonly UnitChoice[]>([]);
  readonly committeeChosen = input(false);

  readonly changed = output<SectionChange>();
  readonly unitToggled = output<{ unitId: string; checked: boolean }>();
  readonly moved = output<SectionMove>();
  readonly removed = output<void>();

  protected readonly layoutKinds = LAYOUT_KINDS;
  protected readonly guidanceMax = GUIDANCE_MAX_LENGTH;
  protected guidanceLength(): number {
    return (this.row().guidance ?? '').trim().length;
  }
  protected readonly choices = SECTION_CHOICES;
  protected readonly headingOnlyLabel = HEADING_ONLY_LABEL;
  protected readonly placements = SECTION_PLACEMENTS;
  protected readonly placementLabels = SECTION_PLACEMENT_LABELS;
  protected readonly moveButtons = MOVE_BUTTONS;

  protected choose(field: SectionChoice['field'], value: string): void {
    this.changed.emit({ [field]: value } as SectionChange);
  }
}
