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
import { HttpErrorResponse } from '@angular/common/http';
import { Router, RouterLink } from '@angular/router';
import type { ReportTemplateDto, SaveTemplateRequest } from '@rapportflode/api-contract';
import {
  checkTemplateSections,
  isReviewerRole,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  ReportKind,
  RESPONSIBILITIES,
  RESPONSIBILITY_LABELS,
  ROLE_LABELS,
  ROLES,
  SECTION_KIND_LABELS,
  SECTION_KINDS,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
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
import { LAYOUT_KINDS, SectionLayoutComponent } from './section-layout.component';

type Move = 'up' | 'down' | 'indent' | 'outdent';

const MOVES: Record<Move, { run: (rows: readonly EditorSection[], uid: string) => EditorSection[]; refused: string }> = {
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
    SectionLayoutComponent,
  ],
  template: `
    <p class="back"><a routerLink="/admin/mallar">Alla rapportmallar</a></p>
    @if (isNew()) {
      <h1>Ny rapportmall</h1>
    } @else if (initial(); as saved) {
      <h1 id="template-heading" tabindex="-1">{{ saved.name }}</h1>
      <p class="lead">
        {{ kindLabels[saved.reportKind] }}{{ saved.committeeName ? ' · ' + saved.committeeName : '' }} ·
        {{ saved.active ? 'aktiv' : 'inaktiv' }}
      </p>
    } @else {
      <h1>Rapportmall</h1>
    }

    <p class="notice" role="status" aria-live="polite" [class.shown]="notice()">{{ notice() }}</p>

    @if (template.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar mallen" />
    }
    @if (template.error(); as error) {
      <div class="error" role="alert">
        @if (notFound(error)) {
          <p>Mallen finns inte, eller så har du inte behörighet att se den.</p>
        } @else {
          <p>Mallen kunde inte hämtas. {{ message(error) }}</p>
          <button matButton="outlined" type="button" (click)="template.reload()">Försök igen</button>
        }
      </div>
    }
    @if (organisation.error(); as error) {
      <p class="error" role="alert">Organisationen kunde inte hämtas, så nämnder och enheter saknas. {{ message(error) }}</p>
    }

    @if (isNew() || initial()) {
      @if (canManage()) {
        <form (ngSubmit)="save()" novalidate>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">Om mallen</h2>
            <div class="about">
              @if (isNew()) {
                <mat-form-field appearance="outline">
                  <mat-label>Nämnd</mat-label>
                  <select
                    matNativeControl
                    name="committee"
                    required
                    [ngModel]="committeeId()"
                    (ngModelChange)="setCommittee($event)"
                  >
                    <option value="">Välj nämnd</option>
                    @for (committee of committees(); track committee.id) {
                      <option [value]="committee.id">{{ committee.name }}, {{ committee.municipality }}</option>
                    }
                  </select>
                </mat-form-field>
              } @else {
                <p class="committee">Nämnd: {{ committeeName() }}</p>
              }
              <mat-form-field appearance="outline">
                <mat-label>Mallens namn</mat-label>
                <input matInput name="name" required autocomplete="off" [(ngModel)]="name" />
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>Rapport</mat-label>
                <select matNativeControl name="reportKind" [(ngModel)]="reportKind">
                  @for (kind of reportKinds; track kind) {
                    <option [value]="kind">{{ kindLabels[kind] }}</option>
                  }
                </select>
              </mat-form-field>
              <mat-checkbox name="active" [(ngModel)]="active">Aktiv (kan användas för nya rapportcykler)</mat-checkbox>
            </div>
          </section>

          <section aria-labelledby="sections-heading">
            <h2 id="sections-heading">Avsnitt</h2>
            <p class="hint" id="sections-hint">
              Avsnitten numreras som i rapporten medan du arbetar. "Gör till underavsnitt" lägger avsnittet under
              avsnittet ovanför på samma nivå; "Flytta ut en nivå" lägger det efter avsnittet det låg under. Tar du bort
              ett avsnitt som har underavsnitt flyttas underavsnitten upp en nivå och blir kvar. Inget sparas förrän du
              väljer "Spara mallen".
            </p>
            <ol class="sections" aria-labelledby="sections-heading" aria-describedby="sections-hint">
              @for (row of rows(); track row.uid; let i = $index) {
                @let num = numbers()[i];
                @let can = moves()[i];
                @let label = sectionName(row, num.number);
                @let children = childCounts()[i];
                @let untitled = showErrors() && !row.title.trim();
                <li class="section" [style.--depth]="num.depth - 1">
                  <fieldset>
                    <legend>
                      <span class="number">{{ num.number }}</span>
                      {{ row.title.trim() || 'Nytt avsnitt utan rubrik' }}
                    </legend>
                    <div class="fields">
                      <mat-form-field appearance="outline" class="title">
                        <mat-label>Rubrik</mat-label>
                        <input
                          matInput
                          autocomplete="off"
                          [id]="'title-' + row.uid"
                          [ngModel]="row.title"
                          (ngModelChange)="change(row.uid, { title: $event })"
                          [ngModelOptions]="{ standalone: true }"
                          [attr.aria-invalid]="untitled || null"
                          [attr.aria-describedby]="untitled ? 'title-error-' + row.uid : null"
                        />
                      </mat-form-field>
                      <mat-form-field appearance="outline">
                        <mat-label>Innehåll</mat-label>
                        <select
                          matNativeControl
                          [ngModel]="row.kind"
                          (ngModelChange)="change(row.uid, { kind: $event })"
                          [ngModelOptions]="{ standalone: true }"
                        >
                          @for (kind of sectionKinds; track kind) {
                            <option [value]="kind">{{ sectionKindLabels[kind] }}</option>
                          }
                        </select>
                      </mat-form-field>
                      <mat-form-field appearance="outline">
                        <mat-label>Levereras av</mat-label>
                        <select
                          matNativeControl
                          [ngModel]="row.responsibility"
                          (ngModelChange)="change(row.uid, { responsibility: $event })"
                          [ngModelOptions]="{ standalone: true }"
                        >
                          @for (responsibility of responsibilities; track responsibility) {
                            <option [value]="responsibility">{{ responsibilityLabels[responsibility] }}</option>
                          }
                        </select>
                      </mat-form-field>
                      <mat-form-field appearance="outline">
                        <mat-label>Granskas av</mat-label>
                        <select
                          matNativeControl
                          [ngModel]="row.reviewerRole"
                          (ngModelChange)="change(row.uid, { reviewerRole: $event })"
                          [ngModelOptions]="{ standalone: true }"
                        >
                          @for (role of reviewerRoles; track role) {
                            <option [value]="role">{{ roleLabels[role] }}</option>
                          }
                        </select>
                      </mat-form-field>
                    </div>
                    @if (untitled) {
                      <p class="field-error" [id]="'title-error-' + row.uid">Skriv en rubrik för avsnitt {{ num.number }}.</p>
                    }
                    @if (layoutKinds.includes(row.kind)) {
                      <rf-section-layout
                        [id]="'layout-' + row.uid"
                        [kind]="row.kind"
                        [config]="row.config"
                        [label]="label"
                        (configChange)="change(row.uid, { config: $event })"
                      />
                    }
                    @if (row.responsibility === 'chosen_units') {
                      <fieldset class="units">
                        <legend>Enheter som levererar {{ label }}</legend>
                        @for (unit of unitsFor(row); track unit.id) {
                          <mat-checkbox
                            [style.--depth]="unit.depth - 1"
                            [checked]="row.unitIds.includes(unit.id)"
                            (change)="toggleUnit(row.uid, unit.id, $event.checked)"
                            >{{ unit.name }}{{ unit.active ? '' : ' (inaktiv)' }}@if (unit.parentName) {
                              <span class="visually-hidden">, under {{ unit.parentName }}</span>
                            }</mat-checkbox
                          >
                        } @empty {
                          <p>{{ committeeId() ? 'Nämnden har inga enheter.' : 'Välj nämnd först.' }}</p>
                        }
                      </fieldset>
                    }
                    <div class="moves">
                      <button
                        matButton="outlined"
                        type="button"
                        [id]="'up-' + row.uid"
                        [disabled]="!can.up"
                        [disabledInteractive]="true"
                        [attr.aria-label]="'Flytta upp ' + label"
                        (click)="move('up', row)"
                      >
                        Flytta upp
                      </button>
                      <button
                        matButton="outlined"
                        type="button"
                        [id]="'down-' + row.uid"
                        [disabled]="!can.down"
                        [disabledInteractive]="true"
                        [attr.aria-label]="'Flytta ned ' + label"
                        (click)="move('down', row)"
                      >
                        Flytta ned
                      </button>
                      <button
                        matButton="outlined"
                        type="button"
                        [id]="'indent-' + row.uid"
                        [disabled]="!can.indent"
                        [disabledInteractive]="true"
                        [attr.aria-label]="'Gör till underavsnitt: ' + label"
                        (click)="move('indent', row)"
                      >
                        Gör till underavsnitt
                      </button>
                      <button
                        matButton="outlined"
                        type="button"
                        [id]="'outdent-' + row.uid"
                        [disabled]="!can.outdent"
                        [disabledInteractive]="true"
                        [attr.aria-label]="'Flytta ut en nivå: ' + label"
                        (click)="move('outdent', row)"
                      >
                        Flytta ut en nivå
                      </button>
                      <button
                        matButton
                        type="button"
                        class="remove"
                        [attr.aria-label]="'Ta bort ' + label"
                        [attr.aria-describedby]="children > 0 ? 'children-' + row.uid : null"
                        (click)="remove(row)"
                      >
                        Ta bort
                      </button>
                    </div>
                    @if (children > 0) {
                      <p class="hint" [id]="'children-' + row.uid">
                        Har {{ children }} underavsnitt: tas avsnittet bort flyttas {{ children === 1 ? 'det' : 'de' }} upp en
                        nivå.
                      </p>
                    }
                  </fieldset>
                </li>
              }
            </ol>
            @if (rows().length === 0) {
              <p>Mallen har inga avsnitt ännu.</p>
            }
            <p>
              <button matButton="outlined" type="button" id="add-section" (click)="add()">Lägg till avsnitt</button>
            </p>
          </section>

          @if (showErrors() && errors().length > 0) {
            <div class="error" role="alert" id="template-errors" tabindex="-1">
              <p>Mallen kan inte sparas förrän detta är rättat:</p>
              <ul>
                @for (error of errors(); track error) {
                  <li>{{ error }}</li>
                }
              </ul>
            </div>
          }
          @if (serverError()) {
            <p class="error" role="alert" id="server-error" tabindex="-1">{{ serverError() }}</p>
          }
          <div class="form-actions">
            <button matButton="filled" type="submit" [attr.aria-busy]="busy() || null">
              {{ isNew() ? 'Skapa mallen' : 'Spara mallen' }}
            </button>
          </div>
        </form>
      } @else if (initial(); as saved) {
        <h2 id="sections-heading">Avsnitt</h2>
        <div class="scroll" role="region" aria-labelledby="sections-heading" tabindex="0">
          <table class="data">
            <caption class="visually-hidden">Avsnitten i {{ saved.name }}</caption>
            <thead>
              <tr>
                <th scope="col">Nr</th>
                <th scope="col">Rubrik</th>
                <th scope="col">Innehåll</th>
                <th scope="col">Levereras av</th>
                <th scope="col">Granskas av</th>
              </tr>
            </thead>
            <tbody>
              @for (section of saved.sections; track section.key) {
                <tr>
                  <td>{{ section.number }}</td>
                  <th scope="row" [style.--depth]="section.depth - 1" class="indented">{{ section.title }}</th>
                  <td>{{ sectionKindLabels[section.kind] }}</td>
                  <td>
                    {{ responsibilityLabels[section.responsibility] }}
                    @if (section.responsibility === 'chosen_units') {
                      : {{ unitNames(section.unitIds) }}
                    }
                  </td>
                  <td>{{ roleLabels[section.reviewerRole] }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5">Mallen har inga avsnitt.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    .lead,
    .hint,
    .committee {
      color: var(--mat-sys-on-surface-variant);
    }
    h2 {
      font: var(--mat-sys-title-large);
    }
    .about {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: center;
    }
    .about .committee {
      margin: 0 0 1.25rem;
      color: var(--mat-sys-on-surface);
    }
    .sections {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .section {
      margin: 0 0 1rem calc(var(--depth, 0) * 2rem);
    }
    .section > fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-left: 4px solid var(--mat-sys-primary);
      border-radius: 0.5rem;
      padding: 0.5rem 1rem 0.75rem;
      margin: 0;
    }
    .section > fieldset > legend {
      font: var(--mat-sys-title-medium);
      padding: 0 0.25rem;
    }
    .number {
      display: inline-block;
      min-width: 2.5rem;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      padding-top: 0.5rem;
    }
    .fields .title {
      flex: 1 1 18rem;
    }
    .fields mat-form-field:not(.title) {
      width: 14rem;
    }
    .field-error {
      margin: -0.75rem 0 0.75rem;
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .units {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
      margin: 0 0 0.75rem;
      padding: 0.25rem 0.75rem 0.5rem;
      display: flex;
      flex-direction: column;
      max-width: 40rem;
    }
    .units legend {
      font: var(--mat-sys-label-large);
    }
    .units mat-checkbox {
      margin-left: calc(var(--depth, 0) * 1.5rem);
    }
    .moves {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .moves .remove {
      color: var(--mat-sys-error);
    }
    .section .hint {
      margin: 0.5rem 0 0;
    }
    .form-actions {
      margin: 1rem 0;
    }
    th.indented {
      padding-left: calc(var(--depth, 0) * 1.5rem);
      font-weight: 400;
    }
    #template-errors ul {
      margin: 0;
      padding-left: 1.25rem;
    }
  `,
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
  protected readonly sectionKinds = SECTION_KINDS;
  protected readonly layoutKinds = LAYOUT_KINDS;
  protected readonly sectionKindLabels = SECTION_KIND_LABELS;
  protected readonly responsibilities = RESPONSIBILITIES;
  protected readonly responsibilityLabels = RESPONSIBILITY_LABELS;
  protected readonly reviewerRoles = ROLES.filter(isReviewerRole);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly message = errorMessage;
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

  protected notFound(error: unknown): boolean {
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
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

  protected change(uid: string, change: Parameters<typeof updateSection>[2]): void {
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

  protected move(move: Move, row: EditorSection): void {
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
