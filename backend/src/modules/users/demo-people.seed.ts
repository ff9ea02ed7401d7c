import { Injectable, Logger } from '@nestjs/common';
import { Role, ROLE_LABELS } from '@rapportflode/domain';
import { EntityManager } from 'typeorm';
import { claimSeedRun } from '../../database/seed-runs';
import { PasswordService } from '../auth/password.service';
import { UsersRepository } from './users.repository';

export interface DemoPerson {
  name: string;
  email: string;
  title: string;
  role: Role;
  /** null: the whole installation; otherwise the committee and the unit path under it ([] = whole committee). */
  scope: { municipality: string; committee: string; path: string[] } | null;
}

const GNESTA = { municipality: 'Gnesta kommun', committee: 'Socialnämnden' };
const NACKA = { municipality: 'Nacka kommun', committee: 'Socialnämnden' };
const gnesta = (path: string[]) => ({ ...GNESTA, path });
const nacka = (path: string[]) => ({ ...NACKA, path });
const SF = 'Socialförvaltningen';
const SOV = [SF, 'Stöd och vägledning'];
const AFH = [SF, 'Äldre, funktionsstöd, hälso- och sjukvård'];
const AOB = [SF, 'Administration och bistånd'];

const head = (name: string, email: string, scope: DemoPerson['scope'], title = 'Enhetschef'): DemoPerson => ({
  name,
  email,
  title,
  role: 'unit_head',
  scope,
});

/** Fictional people for every role, placed in the seeded organisation (see organisation.seed.ts). */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: 'Eva Andersson', email: 'admin@rapportflode.example.se', title: 'Systemadministratör', role: 'admin', scope: null },
  { name: 'Karin Lindqvist', email: 'karin.lindqvist@gnesta.example.se', title: 'Förvaltningschef', role: 'director', scope: gnesta([]) },
  { name: 'Johan Ek', email: 'johan.ek@gnesta.example.se', title: 'Förvaltningsekonom', role: 'economist', scope: gnesta([]) },
  { name: 'Maria Holm', email: 'maria.holm@gnesta.example.se', title: 'Nämndsekreterare', role: 'secretary', scope: gnesta([]) },
  { name: 'Sara Nyström', email: 'sara.nystrom@gnesta.example.se', title: 'Kvalitetsstrateg', role: 'reviewer', scope: gnesta([]) },
  { name: 'Per Ström', email: 'per.strom@gnesta.example.se', title: 'Ordförande, socialnämnden', role: 'reader', scope: gnesta([]) },
  { name: 'Ulla Berg', email: 'ulla.berg@gnesta.example.se', title: 'Ledamot, socialnämnden', role: 'member', scope: gnesta([]) },
  head('Lars Berg', 'lars.berg@gnesta.example.se', gnesta([...SOV, 'Verksamhetschef']), 'Verksamhetschef'),
  head('Anna Berg', 'anna.berg@gnesta.example.se', gnesta([...SOV, 'Utredning och stöd'])),
  head('Mikael Sund', 'mikael.sund@gnesta.example.se', gnesta([...SOV, 'Stöd till arbete'])),
  head('Lena Wik', 'lena.wik@gnesta.example.se', gnesta([...SOV, 'Vuxenutbildning'])),
  head('Erik Dahl', 'erik.dahl@gnesta.example.se', gnesta([...AFH, 'Stab'])),
  head('Sofia Lund', 'sofia.lund@gnesta.example.se', gnesta([...AFH, 'LSS'])),
  head('Jonas Falk', 'jonas.falk@gnesta.example.se', gnesta([...AFH, 'SoL FN'])),
  head('Helena Strand', 'helena.strand@gnesta.example.se', gnesta([...AFH, 'SoL ÄO'])),
  head('Ingrid Sjö', 'ingrid.sjo@gnesta.example.se', gnesta([...AFH, 'Hälso- och sjukvårdsenheten'])),
  head('Oskar Björk', 'oskar.bjork@gnesta.example.se', gnesta([...AOB, 'Stab'])),
  head('Maja Norén', 'maja.noren@gnesta.example.se', gnesta([...AOB, 'LSS'])),
  head('David Holm', 'david.holm@gnesta.example.se', gnesta([...AOB, 'SoL FN'])),
  head('Elin Rask', 'elin.rask@gnesta.example.se', gnesta([...AOB, 'SoL ÄO'])),
  head('Peter Lind', 'peter.lind@gnesta.example.se', gnesta([...AOB, 'Övriga beslut'])),
  { name: 'Anders Nilsson', email: 'anders.nilsson@nacka.example.se', title: 'Förvaltningsekonom', role: 'economist', scope: nacka([]) },
  { name: 'Birgitta Sandberg', email: 'birgitta.sandberg@nacka.example.se', title: 'Nämndsekreterare', role: 'secretary', scope: nacka([]) },
  { name: 'Hanna Ljung', email: 'hanna.ljung@nacka.example.se', title: 'Ledamot, socialnämnden', role: 'member', scope: nacka([]) },
  head('Camilla Öberg', 'camilla.oberg@nacka.example.se', nacka(['Barn och familjeenheten'])),
  head('Fredrik Åkesson', 'fredrik.akesson@nacka.example.se', nacka(['Omsorgsenheten'])),
];

/** One line per demo login, for the console of `npm start` and the README. */
export function demoLoginLines(password: string): string[] {
  const width = Math.max(...DEMO_PEOPLE.map((p) => p.email.length));
  return [
    `Demo logins (password for all: ${password}):`,
    ...DEMO_PEOPLE.map((p) => {
      const where = p.scope
        ? [p.scope.path.slice(-2).join(' / ') || p.scope.committee, p.scope.municipality].join(', ')
        : 'hela installationen';
      return `  ${p.email.padEnd(width)}  ${ROLE_LABELS[p.role]}, ${where}`;
    }),
  ];
}

@Injectable()
export class DemoPeopleSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly repository: UsersRepository,
    private readonly passwords: PasswordService,
  ) {}

  /** Once per database (seed_run marker), after the demo organisation. */
  async seedOnce(password: string): Promise<boolean> {
    const hash = await this.passwords.hash(password);
    return this.repository.transaction(async (manager) => {
      if (!(await claimSeedRun(manager, 'demo-people'))) return false;
      for (const person of DEMO_PEOPLE) {
        const userId = await this.repository.upsertDemo(manager, { name: person.name, email: person.email, title: person.title, passwordHash: hash });
        const scope = person.scope ? await this.resolve(manager, person.scope) : { committeeId: null, unitId: null };
        await this.repository.insertRole(manager, { userId, role: person.role, ...scope }, { ifMissing: true });
      }
      this.logger.log(`Seeded ${DEMO_PEOPLE.length} demo people`);
      return true;
    });
  }

  private async resolve(manager: EntityManager, scope: NonNullable<DemoPerson['scope']>): Promise<{ committeeId: string; unitId: string | null }> {
    const committeeId = await this.repository.committeeId(manager, scope.municipality, scope.committee);
    if (!committeeId) throw new Error(`Demo committee ${scope.committee}, ${scope.municipality} is missing`);
    let parentId: string | null = null;
    for (const name of scope.path) {
      const unitId: string | undefined = await this.repository.unitId(manager, committeeId, parentId, name);
      if (!unitId) throw new Error(`Demo unit ${scope.path.join(' / ')} is missing`);
      parentId = unitId;
    }
    return { committeeId, unitId: parentId };
  }
}
