import { EconomyImportIssue, importIssueText, TASK_STATE_LABELS, TaskState } from '@rapportflode/domain';
import { DomainError } from '../../common/domain-error';

/** A unit whose task the import would have to change but may not (submitted or approved). */
export interface LockedUnit {
  unit_id: string | null;
  name: string;
  state: TaskState;
}

export const EconomyImportErrors = {
  sectionNotFound: () => new DomainError('section_not_found', 'Avsnittet finns inte i den här rapportcykeln.'),
  notEconomy: () => new DomainError('section_not_economy', 'Bara ekonomiavsnitt kan importeras från ekonomisystemet.'),
  fileMissing: () => new DomainError('import_file_missing', 'Välj en fil att importera (CSV eller Excel .xlsx).'),
  fileEmpty: () => new DomainError('import_empty', 'Filen är tom.'),
  oldExcel: () =>
    new DomainError('import_format', 'Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.'),
  mapping: (message: string) => new DomainError('import_mapping_invalid', message),
  unitInvalid: () => new DomainError('import_unit_invalid', 'Den valda enheten lämnar inte det här avsnittet.'),
  invalid: (issues: EconomyImportIssue[]) =>
    new DomainError(
      'economy_import_invalid',
      `Filen kan inte importeras: ${issues.length === 1 ? 'ett fel' : `${issues.length} fel`}. Inget har sparats.`,
      issues.map(importIssueText),
      { issues },
    ),
  locked: (tasks: readonly LockedUnit[]) =>
    new DomainError(
      'economy_import_locked',
      `Avsnittet är inlämnat eller godkänt för ${tasks.map((t) => t.name).join(', ')} och kan inte ändras av en import. Be granskaren öppna det igen eller ta bort enhetens rader ur filen. Inget har importerats.`,
      tasks.map((t) => `${t.name}: ${TASK_STATE_LABELS[t.state]}`),
      { units: tasks.map((t) => ({ unitId: t.unit_id, unitName: t.name, state: t.state })) },
    ),
};
