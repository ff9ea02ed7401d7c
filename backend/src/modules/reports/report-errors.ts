import { DomainError } from '../../common/domain-error';

export const ReportErrors = {
  notFound: () => new DomainError('not_found', 'Det som efterfrågades finns inte.'),
  versionNotFound: (n: number) => new DomainError('report_version_not_found', `Version ${n} av rapporten finns inte.`),
  notReady: (missing: ReadonlyArray<{ section: string; unit: string | null; state: string }>) =>
    new DomainError(
      'report_not_ready',
      'Rapporten kan inte fastställas förrän alla avsnitt är godkända.',
      missing.map((m) => `${m.section}${m.unit ? ` (${m.unit})` : ''}: ${m.state}`),
      { missing },
    ),
  alreadyFrozen: (n: number) =>
    new DomainError('report_already_frozen', `Rapporten är redan fastställd som version ${n} och inget har ändrats sedan dess.`),
  reasonRequired: (n: number) =>
    new DomainError('reason_required', `Rapporten är redan fastställd som version ${n}. Ange varför en ny version fastställs.`),
};
