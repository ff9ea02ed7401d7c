import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/api-exception.filter';

export const UserErrors = {
  emailTaken: (email: string) =>
    new AppException(HttpStatus.CONFLICT, 'email_taken', `E-postadressen ${email} används redan av ett annat konto.`),
  notFound: () => new AppException(HttpStatus.NOT_FOUND, 'user_not_found', 'Personen finns inte.'),
  nothingToChange: () => new AppException(HttpStatus.BAD_REQUEST, 'nothing_to_change', 'Ange något att ändra.'),
  roleExists: () => new AppException(HttpStatus.CONFLICT, 'role_exists', 'Personen har redan den rollen där.'),
  scopeNotFound: () =>
    new AppException(HttpStatus.BAD_REQUEST, 'scope_not_found', 'Enheten eller nämnden finns inte (eller hör inte ihop).'),
  scopeNotAdministered: (where: string) =>
    new AppException(HttpStatus.FORBIDDEN, 'scope_not_administered', `Du administrerar inte ${where} och kan inte dela ut roller där.`),
  assignmentNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, 'role_assignment_not_found', 'Rolltilldelningen finns inte.'),
  roleRequired: () =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      'role_required',
      'Ge personen en roll i din nämnd när du lägger till den: en person utan roller kan bara hanteras av installationens administratör.',
    ),
  ownAdminRole: () =>
    new AppException(
      HttpStatus.CONFLICT,
      'own_admin_role',
      'Du kan inte ta bort din egen administratörsroll. Be en annan administratör göra det.',
    ),
};
