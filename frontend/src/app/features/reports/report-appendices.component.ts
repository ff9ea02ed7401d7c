import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { endpointUrl, REPORT_API, type ReportAppendixDto, type ReportAppendixListResponse } from '@rapportflode/api-contract';
import { firstValueFrom, type Observable } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { uploadProblem } from '../meetings/agenda-documents.component';

/**
 * What the panel says once a version is frozen: which version the current list goes into, and
 * that the frozen ones keep their own bilagor.
 */
export function nextVersionText(list: Pick<ReportAppendixListResponse, 'nextVersion' | 'versions'>): string {
  const frozen = list.versions.map((v) => v.version);
  return `Bilagorna i listan kommer med i version ${list.nextVersion} när den fastställs. Version ${numbersText(frozen)} behåller de bilagor ${frozen.length === 1 ? 'den' : 'de'} fastställdes med.`;
}

/** '1', '1 och 2', '1, 2 och 3' */
function numbersText(numbers: readonly number[]): string {
  return numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} och ${numbers[numbers.length - 1]}`;
}

/** The versions that hold a bilaga (its file stays for them when it leaves the list). */
export function versionsHolding(list: ReportAppendixListResponse, appendixId: string): number[] {
  return list.versions.filter((v) => v.appendices.some((a) => a.id === appendixId)).map((v) => v.version);
}

/** '12 sidor', '1 sida' */
export function pagesText(pages: number): string {
  return `${pages} ${pages === 1 ? 'sida' : 'sidor'}`;
}

/**
 * Bilagor: the PDF files the secretary adds to the report (after the main text in the PDF, named
 * in the TOC and in Word), uploaded, renamed, ordered and removed; the current list goes into the
 * next frozen version, and each frozen version's own bilagor are shown below it.
 * The server checks each file (backend/src/modules/reports/report-appendices.controller.ts).
 */
@Component({
  selector: 'rf-report-appendices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './report-appendices.component.html',
  styles: `
    .appendices { padding-left: 1.25rem; }
    .appendices li { margin: 0.5rem 0; }
    .appendix-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.25rem; }
    .upload { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 0.75rem; }
    .error { color: #b00020; }
    .hint { font-size: 0.9rem; }
  `,
})
export class ReportAppendicesComponent {
  private readonly api = inject(ApiClient);

  readonly cycleId = input.required<string>();
  /** Whether the person may change the bilagor (who may freeze the report). */
  readonly canEdit = input(false);
  /** How many versions are frozen: the list is read again when one is (the list then goes into the next). */
  readonly versions = input(0);
  /** After a change: the report's preview and status are read again. */
  readonly changed = output<void>();

  protected readonly list = rxResource({
    params: () => ({ cycleId: this.cycleId(), versions: this.versions() }),
    stream: ({ params }) => this.api.call(REPORT_API.appendices, { cycleId: params.cycleId }),
  });
  protected readonly notice = signal('');
  protected readonly errors = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly title = signal('');
  /** Names being edited, by bilaga id. */
  protected readonly names = signal<Record<string, string>>({});
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  protected readonly pagesText = pagesText;
  protected readonly nextVersionText = nextVersionText;

  protected fileUrl(appendix: ReportAppendixDto): string {
    return endpointUrl(REPORT_API.appendixFile, { cycleId: this.cycleId(), appendixId: appendix.id });
  }

  protected nameOf(appendix: ReportAppendixDto): string {
    return this.names()[appendix.id] ?? appendix.title;
  }

  protected setName(appendix: ReportAppendixDto, value: string): void {
    this.names.update((names) => ({ ...names, [appendix.id]: value }));
  }

  protected chooseFile(files: FileList | null): void {
    this.file.set(files?.[0] ?? null);
    this.errors.set([]);
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    const problem = uploadProblem(file);
    if (problem || !file) {
      this.errors.set([problem ?? 'Välj en PDF-fil.']);
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    const title = this.title().trim();
    if (title) form.append('title', title);
    const done = await this.run(this.api.call(REPORT_API.uploadAppendix, { cycleId: this.cycleId() }, form), `${title || file.name} lades till som bilaga.`);
    if (done) {
      this.file.set(null);
      this.title.set('');
      const element = this.fileInput()?.nativeElement;
      if (element) element.value = '';
    }
  }

  protected rename(appendix: ReportAppendixDto): Promise<boolean> {
    const title = this.nameOf(appendix).trim();
    if (!title) {
      this.errors.set(['Ge bilagan en rubrik.']);
      return Promise.resolve(false);
    }
    return this.run(
      this.api.call(REPORT_API.updateAppendix, { cycleId: this.cycleId(), appendixId: appendix.id }, { title }),
      `Bilagan heter nu "${title}".`,
    );
  }

  protected move(appendix: ReportAppendixDto, position: number): Promise<boolean> {
    return this.run(
      this.api.call(REPORT_API.updateAppendix, { cycleId: this.cycleId(), appendixId: appendix.id }, { position }),
      `"${appendix.title}" är nu bilaga ${position} av de uppladdade.`,
    );
  }

  protected remove(appendix: ReportAppendixDto): Promise<boolean> {
    const list = this.list.value();
    const held = list ? versionsHolding(list, appendix.id) : [];
    return this.run(
      this.api.call(REPORT_API.deleteAppendix, { cycleId: this.cycleId(), appendixId: appendix.id }, {}),
      held.length === 0 ? `"${appendix.title}" togs bort.` : `"${appendix.title}" togs bort ur listan. Filen finns kvar i version ${numbersText(held)}.`,
    );
  }

  private async run(request: Observable<ReportAppendixListResponse>, success: string): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.errors.set([]);
    this.notice.set('');
    try {
      const list = await firstValueFrom(request);
      this.list.set(list);
      this.names.set({});
      this.notice.set(success);
      this.changed.emit();
      return true;
    } catch (error) {
      this.errors.set([errorMessage(error)]);
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
