import { DomainError } from '../../common/domain-error';

export const UserErrors = {
  emailTaken: (email: string) =>
    new DomainError( 'email_taken', `E-postadressen ${email} används redan av ett annat konto.`),
  notFound: () => new DomainError( 'user_not_found', 'Personen finns inte.'),
  nothingToChange: () => new DomainError( 'nothing_to_change', 'Ange något att ändra.'),
  roleExists: () => new DomainError( 'role_exists', 'Personen har redan den rollen där.'),
  scopeNotFound: () =>
    new DomainError( 'scope_not_found', 'Enheten eller nämnden finns inte (eller hör inte ihop).'),
  scopeNotAdministered: (where: string) =>
    new DomainError( 'scope_not_administered', `Du administrerar inte ${where} och kan inte dela ut roller där.`),
  assignmentNotFound: () =>
    new DomainError( 'role_assignment_not_found', 'Rolltilldelningen finns inte.'),
  roleRequired: () =>
    new DomainError(
      'role_required',
      'Ge personen en roll i din nämnd när du lägger till den: en person utan roller kan bara hanteras av installationens administratör.',
    ),
  ownAdminRole: () =>
    new DomainError(
      'own_admin_role',
      'Du kan inte ta bort din egen administratörsroll. Be en annan administratör göra det.',
    ),
};
