import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/api-exception.filter';

export const OrganisationErrors = {
  committeeNotFound: () => new AppException(HttpStatus.NOT_FOUND, 'committee_not_found', 'Nämnden finns inte.'),
  parentNotFound: () => new AppException(HttpStatus.BAD_REQUEST, 'parent_not_found', 'Den överordnade enheten finns inte i den här nämnden.'),
  parentInactive: () =>
    new AppException(HttpStatus.CONFLICT, 'parent_inactive', 'Den överordnade enheten är inaktiverad. Aktivera den först.'),
  moveIntoOwnSubtree: (name: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      'move_into_own_subtree',
      `"${name}" kan inte flyttas till sig själv eller till en enhet under sig själv.`,
    ),
  moveAcrossCommittees: () =>
    new AppException(HttpStatus.BAD_REQUEST, 'move_across_committees', 'En enhet kan bara flyttas inom sin egen nämnd.'),
  duplicateSiblingName: (name: string) =>
    new AppException(HttpStatus.CONFLICT, 'duplicate_unit_name', `Det finns redan en enhet som heter "${name}" på samma plats.`),
  nothingToChange: () => new AppException(HttpStatus.BAD_REQUEST, 'nothing_to_change', 'Ange något att ändra.'),
  activeChildren: (name: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      'unit_has_active_children',
      `"${name}" har aktiva enheter under sig. Inaktivera eller flytta dem först.`,
    ),
  targetNotAdministered: () =>
    new AppException(HttpStatus.FORBIDDEN, 'target_not_administered', 'Du administrerar inte den enhet du vill flytta till.'),
};
