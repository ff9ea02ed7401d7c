import { can, grantCovers, RoleGrant, scopesFor, visibleUnitsOf } from './permissions';

// Gnesta: Socialförvaltningen (sf) → Stöd och vägledning (sov) → Vuxenutbildning (vux); Nacka elsewhere.
const GNESTA = 'gnesta';
const NACKA = 'nacka';
const vuxenutbildning = { committeeId: GNESTA, unitPath: ['sf', 'sov', 'vux'] };
const stodOchVagledning = { committeeId: GNESTA, unitPath: ['sf', 'sov'] };
const gnestaCommittee = { committeeId: GNESTA, unitPath: [] };
const omsorgsenheten = { committeeId: NACKA, unitPath: ['oe'] };

describe('grantCovers', () => {
  it('inherits a unit grant down the tree but not up or sideways', () => {
    const onSov = { committeeId: GNESTA, unitId: 'sov' };
    expect(grantCovers(onSov, vuxenutbildning)).toBe(true);
    expect(grantCovers(onSov, stodOchVagledning)).toBe(true);
    expect(grantCovers(onSov, gnestaCommittee)).toBe(false);
    expect(grantCovers(onSov, { committeeId: GNESTA, unitPath: ['sf', 'afh'] })).toBe(false);
  });

  it('lets a committee grant cover the committee and all its units, and nothing in another committee', () => {
    const onGnesta = { committeeId: GNESTA, unitId: null };
    expect(grantCovers(onGnesta, gnestaCommittee)).toBe(true);
    expect(grantCovers(onGnesta, vuxenutbildning)).toBe(true);
    expect(grantCovers(onGnesta, omsorgsenheten)).toBe(false);
  });

  it('lets an installation-wide grant cover everything', () => {
    expect(grantCovers({ committeeId: null, unitId: null }, omsorgsenheten)).toBe(true);
  });
});

describe('can', () => {
  const unitHead: RoleGrant[] = [{ role: 'unit_head', committeeId: GNESTA, unitId: 'vux' }];
  const admin: RoleGrant[] = [{ role: 'admin', committeeId: GNESTA, unitId: null }];

  it('lets a unit head read their own unit but not manage it, and not read another unit', () => {
    expect(can(unitHead, 'organisation.read', vuxenutbildning)).toBe(true);
    expect(can(unitHead, 'organisation.manage', vuxenutbildning)).toBe(false);
    expect(can(unitHead, 'organisation.read', stodOchVagledning)).toBe(false);
    expect(can(unitHead, 'users.read', 'anywhere')).toBe(false);
  });

  it('lets a committee admin manage within the committee only', () => {
    expect(can(admin, 'organisation.manage', vuxenutbildning)).toBe(true);
    expect(can(admin, 'roles.manage', gnestaCommittee)).toBe(true);
    expect(can(admin, 'organisation.manage', omsorgsenheten)).toBe(false);
  });

  it('combines several roles of one person', () => {
    const both: RoleGrant[] = [...unitHead, { role: 'reader', committeeId: NACKA, unitId: null }];
    expect(can(both, 'organisation.read', omsorgsenheten)).toBe(true);
    expect(can(both, 'organisation.read', vuxenutbildning)).toBe(true);
    expect(scopesFor(both, 'organisation.read')).toHaveLength(2);
    expect(scopesFor(both, 'organisation.manage')).toHaveLength(0);
  });

  it('denies everything to a person without roles', () => {
    expect(can([], 'organisation.read', 'anywhere')).toBe(false);
  });
});

describe('visibleUnitsOf', () => {
  it('gives committee-wide roles everything, unit roles their units, others nothing', () => {
    expect(
      visibleUnitsOf([{ role: 'economist', committeeId: GNESTA, unitId: null }], 'organisation.read', GNESTA),
    ).toBe('all');
    expect(visibleUnitsOf([{ role: 'admin', committeeId: null, unitId: null }], 'organisation.read', NACKA)).toBe(
      'all',
    );
    expect(
      visibleUnitsOf([{ role: 'unit_head', committeeId: GNESTA, unitId: 'vux' }], 'organisation.read', GNESTA),
    ).toEqual(new Set(['vux']));
    expect(
      visibleUnitsOf([{ role: 'unit_head', committeeId: GNESTA, unitId: 'vux' }], 'organisation.read', NACKA),
    ).toBeNull();
  });
});

describe('the assembled report', () => {
  it('lets the secretary view and freeze, the economist view, and nobody else either', () => {
    const committee = { committeeId: NACKA, unitPath: [] };
    const secretary: RoleGrant[] = [{ role: 'secretary', committeeId: NACKA, unitId: null }];
    const economist: RoleGrant[] = [{ role: 'economist', committeeId: NACKA, unitId: null }];
    expect(can(secretary, 'report.view', committee)).toBe(true);
    expect(can(secretary, 'report.freeze', committee)).toBe(true);
    expect(can(economist, 'report.view', committee)).toBe(true);
    expect(can(economist, 'report.freeze', committee)).toBe(false);
    expect(can([{ role: 'unit_head', committeeId: NACKA, unitId: 'oe' }], 'report.view', committee)).toBe(false);
    expect(can([{ role: 'secretary', committeeId: GNESTA, unitId: null }], 'report.view', committee)).toBe(false);
  });
});
