import {
  buildOrganisationTree,
  countOrganisationUnits,
  FlatOrganisationUnit,
  isOrganisationUnitKind,
  pruneOrganisationTree,
  unitPathOf,
  ORGANISATION_UNIT_KIND_LABELS,
  OrganisationTreeError,
} from './organisation';

function unit(id: string, parentId: string | null, name: string, sortOrder = 0): FlatOrganisationUnit {
  return { id, parentId, name, sortOrder, kind: parentId ? 'unit' : 'administration', code: null, active: true };
}

describe('buildOrganisationTree', () => {
  it('nests units under their parents at any depth', () => {
    const tree = buildOrganisationTree([
      unit('sov', 'sf', 'Stöd och vägledning', 2),
      unit('sf', null, 'Socialförvaltningen'),
      unit('uos', 'sov', 'Utredning och stöd', 2),
      unit('vc', 'sov', 'Verksamhetschef', 1),
      unit('fl', 'sf', 'Förvaltningsledning', 1),
    ]);
    expect(tree.map((n) => n.name)).toEqual(['Socialförvaltningen']);
    expect(tree[0].children.map((n) => n.name)).toEqual(['Förvaltningsledning', 'Stöd och vägledning']);
    expect(tree[0].children[1].children.map((n) => n.name)).toEqual(['Verksamhetschef', 'Utredning och stöd']);
    expect(countOrganisationUnits(tree)).toBe(5);
  });

  it('orders siblings with equal sort order by Swedish collation (Ä after Z)', () => {
    const tree = buildOrganisationTree([
      unit('a', null, 'Äldreomsorg'),
      unit('b', null, 'Administration och bistånd'),
      unit('c', null, 'Zonplanering'),
    ]);
    expect(tree.map((n) => n.name)).toEqual(['Administration och bistånd', 'Zonplanering', 'Äldreomsorg']);
  });

  it('rejects a unit whose parent does not exist', () => {
    expect(() => buildOrganisationTree([unit('x', 'missing', 'Omsorgsenheten')])).toThrow(OrganisationTreeError);
  });

  it('rejects a cycle, which would otherwise hide units', () => {
    expect(() => buildOrganisationTree([unit('root', null, 'Rot'), unit('a', 'b', 'A'), unit('b', 'a', 'B')])).toThrow(
      'cycle',
    );
  });

  it('rejects the same unit twice', () => {
    expect(() => buildOrganisationTree([unit('a', null, 'A'), unit('a', null, 'A')])).toThrow('appears twice');
  });
});

describe('unit kinds', () => {
  it('has a Swedish label for every kind and recognises only known kinds', () => {
    expect(ORGANISATION_UNIT_KIND_LABELS.operating_area).toBe('Verksamhetsområde');
    expect(isOrganisationUnitKind('unit')).toBe(true);
    expect(isOrganisationUnitKind('kommun')).toBe(false);
  });
});

describe('pruneOrganisationTree', () => {
  const tree = buildOrganisationTree([
    unit('sf', null, 'Socialförvaltningen'),
    unit('sov', 'sf', 'Stöd och vägledning', 1),
    unit('vux', 'sov', 'Vuxenutbildning', 1),
    unit('uos', 'sov', 'Utredning och stöd', 2),
    unit('aob', 'sf', 'Administration och bistånd', 2),
  ]);

  it('shows a unit head their unit with its ancestors, and no other branch', () => {
    const pruned = pruneOrganisationTree(tree, new Set(['vux']));
    expect(pruned[0].name).toBe('Socialförvaltningen');
    expect(pruned[0].children.map((n) => n.name)).toEqual(['Stöd och vägledning']);
    expect(pruned[0].children[0].children.map((n) => n.name)).toEqual(['Vuxenutbildning']);
    expect(countOrganisationUnits(pruned)).toBe(3);
  });

  it('keeps the whole subtree below a visible unit', () => {
    expect(countOrganisationUnits(pruneOrganisationTree(tree, new Set(['sov'])))).toBe(4);
    expect(pruneOrganisationTree(tree, new Set(['nothing']))).toEqual([]);
  });

  it('finds the path from the root to a unit', () => {
    expect(unitPathOf(tree, 'vux')).toEqual(['sf', 'sov', 'vux']);
    expect(unitPathOf(tree, 'missing')).toBeNull();
  });
});
