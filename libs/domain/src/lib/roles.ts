/**
 * Roles and what they may do. The one permission table: the server's guard decides with it,
 * the UI hides with it (see docs/domain.md, "People and roles").
 */
export const ROLES = ['unit_head', 'economist', 'secretary', 'director', 'reviewer', 'admin', 'reader', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  unit_head: 'Enhetschef',
  economist: 'Förvaltningsekonom',
  secretary: 'Nämndsekreterare',
  director: 'Förvaltningschef',
  reviewer: 'Granskare',
  admin: 'Administratör',
  reader: 'Läsare',
  member: 'Ledamot',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A role from what a person types in a CSV or a form: the code (`unit_head`) or the Swedish label, any case. */
export function parseRole(value: string): Role | null {
  const wanted = value.trim().toLowerCase();
  if (isRole(wanted)) return wanted;
  const aliases: Record<string, Role> = {
    verksamhetschef: 'unit_head',
    ekonom: 'economist',
    sekreterare: 'secretary',
    kvalitetsteam: 'reviewer',
    controller: 'reviewer',
    ledamot: 'member',
    ersättare: 'member',
    nämndledamot: 'member',
  };
  if (aliases[wanted]) return aliases[wanted];
  const byLabel = ROLES.find((role) => ROLE_LABELS[role].toLowerCase() === wanted);
  return byLabel ?? null;
}
