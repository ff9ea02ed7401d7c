import { DomainError } from '../../common/domain-error';

export const OrganisationErrors = {
  committeeNotFound: () => new DomainError( 'committee_not_found', 'Nämnden finns inte.'),
  parentNotFound: () => new DomainError( 'parent_not_found', 'Den överordnade enheten finns inte i den här nämnden.'),
  parentInactive: () =>
    new DomainError( 'parent_inactive', 'Den överordnade enheten är inaktiverad. Aktivera den först.'),
  moveIntoOwnSubtree: (name: string) =>
    new DomainError(
      'move_into_own_subtree',
      `"${name}" kan inte flyttas till sig själv eller till en enhet under sig själv.`,
    ),
  moveAcrossCommittees: () =>
    new DomainError( 'move_across_committees', 'En enhet kan bara flyttas inom sin egen nämnd.'),
  duplicateSiblingName: (name: string) =>
    new DomainError( 'duplicate_unit_name', `Det finns redan en enhet som heter "${name}" på samma plats.`),
  nothingToChange: () => new DomainError( 'nothing_to_change', 'Ange något att ändra.'),
  activeChildren: (name: string) =>
    new DomainError(
      'unit_has_active_children',
      `"${name}" har aktiva enheter under sig. Inaktivera eller flytta dem först.`,
    ),
  targetNotAdministered: () =>
    new DomainError( 'target_not_administered', 'Du administrerar inte den enhet du vill flytta till.'),
};
