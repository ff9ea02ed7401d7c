import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ReportTemplateDto, SaveTemplateRequest } from '@rapportflode/api-contract';
import {
  checkTemplateSections,
  DEFAULT_TEMPLATE_LAYOUT,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  ReportKind,
  RESPONSIBILITY_LABELS,
  ROLE_LABELS,
  SECTION_KIND_LABELS,
  TEMPLATE_LAYOUT_LABELS,
  type TemplateLayout,
  TOC_DEPTHS,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage, isNotFound } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import {
  addSection,
  allowedMoves,
  assignKeys,
  childCount,
  EditorSection,
  fromTemplateSections,
  indent,
  moveDown,
  moveUp,
  numberRows,
  outdent,
  removeSection,
  RowNumber,
  SectionMoves,
  toSectionInputs,
  unitChoices,
  updateSection,
} from './template-sections';
import { type SectionChange, type SectionMove, TemplateSectionComponent } from './template-section.component';
import { layoutPreview } from './template-layout-preview';

const MOVES: Record<SectionMove, { run: (rows: readonly EditorSection[], uid: string) => EditorSection[]; refused: string }> = {
  up: { run: moveUp, refused: 'kan inte flyttas upp: det är först på sin nivå.' },
  down: { run: moveDown, refused: 'kan inte flyttas ned: det är sist på sin nivå.' },
  indent: {
    run: indent,
    refused: 'kan inte bli underavsnitt: det behöver ett avsnitt ovanför på samma nivå, och högst fyra nivåer är tillåtna.',
  },
  outdent: { run: outdent, refused: 'ligger redan på översta nivån.' },
};

/** "Ekonomi", or "avsnitt 2.1" while it has no title. */
function sectionName(row: EditorSection, number: string): string {
  return row.title.trim() || `avsnitt ${number}`;
}

/**
 * A report template: its sections in order, nested, with what each holds, who delivers it and
 * who reviews it. Everything is edited here and saved as a whole; the server checks the same
 * rules (checkTemplateSections) before it stores anything.
 */
@Component({
  selector: 'rf-template-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TemplateSectionComponent,
  ],
  templateUrl: './template-editor.page.html',
  styleUrl: './template-editor.page.css',
})
export class TemplateEditorPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** The route's `:id`; `ny` for a new template. */
  readonly id = input.required<string>();

  protected readonly isNew = computed(() => this.id() === 'ny');
  protected readonly canManage = computed(() => this.auth.can('template.manage'));

  protected readonly template = rxResource({
    params: () => (this.isNew() ? undefined : this.id()),
    stream: ({ params }) => this.api.getTemplate(params),
  });
  protected readonly organisation = rxResource({ stream: () => this.api.getOrganisation() });

  /** The template as saved; null while new or loading. */
  protected readonly initial = computed<ReportTemplateDto | null>(() =>
    !this.isNew() && this.template.hasValue() ? this.template.value() : null,
  );
  protected readonly committees = computed(() => (this.organisation.hasValue() ? this.organisation.value().committees : []));

  // The form, reset whenever the saved template changes (loaded, saved, or a new one begun).
  protected readonly committeeId = linkedSignal(
    () => this.initial()?.committeeId ?? (this.committees().length === 1 ? this.committees()[0].id : ''),
  );
  protected readonly name = linkedSignal(() => this.initial()?.name ?? '');
  protected readonly reportKind = linkedSignal<ReportKind>(() => this.initial()?.reportKind ?? 'interim_report');
  protected readonly active = linkedSignal(() => this.initial()?.active ?? true);
  protected readonly rows = linkedSignal<EditorSection[]>(() => fromTemplateSections(this.initial()?.sections ?? []));
  /** The panel "Utskrift": how the report is printed (libs/domain/src/lib/template-layout.ts). */
  protected readonly layout = linkedSignal<TemplateLayout>(() => ({ ...(this.initial()?.layout ?? DEFAULT_TEMPLATE_LAYOUT) }));
  protected readonly layoutLabels = TEMPLATE_LAYOUT_LABELS;
  protected readonly tocDepths = TOC_DEPTHS;
  /** Errors show once a save was tried, then follow the edits. */
  protected readonly showErrors = linkedSignal(() => {
    this.initial();
    return false;
  });

  protected readonly committee = computed(() => this.committees().find((c) => c.id === this.committeeId()) ?? null);
  protected readonly committeeName = computed(() => {
    const saved = this.initial();
    const committee = this.committee();
    if (committee) return `${committee.name}, ${committee.municipality}`;
    return saved?.committeeName ?? 'Alla nämnder';
  });
  private readonly unitNameById = computed(
    () => new Map(unitChoices(this.committee()?.units ?? [], new Set(this.allUnitIds())).map((u) => [u.id, u.name])),
  );
  private readonly allUnitIds = computed(() => this.rows().flatMap((r) => r.unitIds));

  private readonly check = computed(() => checkTemplateSections(toSectionInputs(this.rows())));
  /** Each row's number: checkTemplateSections' numbering when the template is valid, the same numbering by position while it is not. */
  protected readonly numbers = computed<RowNumber[]>(() => {
    const rows = this.rows();
    const checked = this.check();
    if (!checked.ok) return numberRows(rows);
    const keys = assignKeys(rows);
    const byKey = new Map(checked.sections.map((s) => [s.key, s]));
    const fallback = numberRows(rows);
    return rows.map((row, i) => {
      const section = byKey.get(keys.get(row.uid) ?? '');
      return section ? { number: section.number, depth: section.depth } : fallback[i];
    });
  });
  protected readonly preview = computed(() => layoutPreview(this.rows(), this.numbers(), this.layout()));
  protected readonly moves = computed<SectionMoves[]>(() => this.rows().map((row) => allowedMoves(this.rows(), row.uid)));
  protected readonly childCounts = computed(() => this.rows().map((row) => childCount(this.rows(), row.uid)));

  protected readonly errors = computed(() => {
    const errors: string[] = [];
    if (this.isNew() && !this.committeeId()) errors.push('Välj vilken nämnd mallen gäller.');
    if (!this.name().trim()) errors.push('Ge mallen ett namn.');
    if (this.rows().length === 0) errors.push('Lägg till minst ett avsnitt.');
    const checked = this.check();
    if (!checked.ok) errors.push(...checked.errors);
    return errors;
  });

  protected readonly busy = signal(false);
  protected readonly notice = signal('');
  protected readonly serverError = signal<string | null>(null);

  protected readonly reportKinds = REPORT_KINDS;
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly sectionKindLabels = SECTION_KIND_LABELS;
  protected readonly responsibilityLabels = RESPONSIBILITY_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly message = errorMessage;
  protected readonly notFound = isNotFound;
  protected readonly sectionName = sectionName;

  private nextUid = 0;
  /** After creating: where the keyboard goes once the new template has loaded. */
  private readonly focusOnLoad = signal(false);

  constructor() {
    effect(() => {
      if (this.focusOnLoad() && this.initial()) {
        this.focusOnLoad.set(false);
        this.focusAfterRender('template-heading');
      }
    });
  }

  protected unitsFor(row: EditorSection) {
    return unitChoices(this.committee()?.units ?? [], new Set(row.unitIds));
  }

  protected unitNames(ids: readonly string[]): string {
    return ids.map((id) => this.unitNameById().get(id) ?? 'okänd enhet').join(', ') || 'inga';
  }

  protected setCommittee(id: string): void {
    this.committeeId.set(id);
    // Units chosen under another committee cannot deliver here.
    const units = new Set(unitChoices(this.committee()?.units ?? []).map((u) => u.id));
    this.rows.update((rows) => rows.map((row) => ({ ...row, unitIds: row.unitIds.filter((u) => units.has(u)) })));
  }

  protected setLayout(change: Partial<TemplateLayout>): void {
    this.layout.update((layout) => ({ ...layout, ...change }));
  }

  protected change(uid: string, change: SectionChange): void {
    this.rows.update((rows) => updateSection(rows, uid, change));
  }

  protected toggleUnit(uid: string, unitId: string, checked: boolean): void {
    this.rows.update((rows) =>
      rows.map((row) =>
        row.uid !== uid
          ? row
          : { ...row, unitIds: checked ? [...new Set([...row.unitIds, unitId])] : row.unitIds.filter((u) => u !== unitId) },
      ),
    );
  }

  protected move(move: SectionMove, row: EditorSection): void {
    const before = this.rows();
    const index = before.findIndex((r) => r.uid === row.uid);
    const label = sectionName(row, this.numbers()[index]?.number ?? '');
    const allowed = allowedMoves(before, row.uid)[move];
    if (!allowed) {
      this.notice.set(`"${label}" ${MOVES[move].refused}`);
      return;
    }
    const after = MOVES[move].run(before, row.uid);
    this.rows.set(after);
    const number = numberRows(after)[after.findIndex((r) => r.uid === row.uid)].number;
    this.notice.set(`"${label}" har nu nummer ${number}.`);
    // The row's buttons moved with it: keep the keyboard on the same button.
    this.focusAfterRender(`${move}-${row.uid}`);
  }

  protected remove(row: EditorSection): void {
    const before = this.rows();
    const index = before.findIndex((r) => r.uid === row.uid);
    const label = sectionName(row, this.numbers()[index]?.number ?? '');
    const children = childCount(before, row.uid);
    const after = removeSection(before, row.uid);
    this.rows.set(after);
    this.notice.set(
      `"${label}" togs bort.` +
        (children > 0 ? ` ${children === 1 ? 'Dess underavsnitt' : `Dess ${children} underavsnitt`} flyttades upp en nivå.` : '') +
        ' Ingenting är sparat ännu.',
    );
    const next = after[Math.min(index, after.length - 1)];
    this.focusAfterRender(next ? `title-${next.uid}` : 'add-section');
  }

  protected add(): void {
    this.nextUid += 1;
    const uid = `new-${this.nextUid}`;
    this.rows.update((rows) => addSection(rows, uid));
    this.notice.set('');
    this.focusAfterRender(`title-${uid}`);
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.notice.set('');
    this.serverError.set(null);
    this.showErrors.set(true);
    if (this.errors().length > 0) {
      this.focusAfterRender('template-errors');
      return;
    }
    const body: SaveTemplateRequest = {
      committeeId: this.committeeId(),
      name: this.name().trim(),
      reportKind: this.reportKind(),
      active: this.active(),
      sections: toSectionInputs(this.rows()),
      layout: this.layout(),
    };
    this.busy.set(true);
    try {
      if (this.isNew()) {
        const created = await firstValueFrom(this.api.createTemplate(body));
        this.focusOnLoad.set(true);
        await this.router.navigate(['/admin/mallar', created.id]);
        this.notice.set(`Mallen "${created.name}" skapades.`);
      } else {
        const saved = await firstValueFrom(this.api.updateTemplate(this.id(), body));
        this.template.set(saved);
        this.notice.set(`Mallen "${saved.name}" sparades.`);
      }
    } catch (error) {
      this.serverError.set(errorMessage(error));
      this.focusAfterRender('server-error');
    } finally {
      this.busy.set(false);
    }
  }

  private focusAfterRender(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
