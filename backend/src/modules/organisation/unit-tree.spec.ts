import { CommitteeUnits, UnitNode } from './unit-tree';

const node = (id: string, parentId: string | null, name: string, sortOrder: number): UnitNode => ({
  id,
  parentId,
  name,
  code: null,
  sortOrder,
  active: true,
});

describe('CommitteeUnits', () => {
  const tree = new CommitteeUnits([
    node('b', null, 'Barn och familj', 2),
    node('a', null, 'Äldreomsorg', 1),
    node('a2', 'a', 'Hemtjänst', 2),
    node('a1', 'a', 'Särskilt boende', 1),
    node('x', 'missing', 'Föräldralös', 1),
  ]);

  it('walks from the top down to the unit, as ids, nodes and names', () => {
    expect(tree.pathIds('a2')).toEqual(['a', 'a2']);
    expect(tree.pathNames('a1')).toEqual(['Äldreomsorg', 'Särskilt boende']);
    expect(tree.path('b').map((u) => u.id)).toEqual(['b']);
    expect(tree.get('a1')?.name).toBe('Särskilt boende');
  });

  it('gives an empty path for an unknown id, and stops at a parent outside the committee', () => {
    expect(tree.pathIds('nowhere')).toEqual([]);
    expect(tree.pathIds('x')).toEqual(['x']);
  });

  it('orders by each level’s sort order, then name, from the top', () => {
    expect(tree.orderKey('a2')).toBe('000001Äldreomsorg/000002Hemtjänst');
    expect(tree.ordered().map((u) => u.id)).toEqual(['x', 'a', 'a1', 'a2', 'b']);
  });

  it('stops a path that loops instead of hanging', () => {
    const looped = new CommitteeUnits([node('p', 'q', 'P', 1), node('q', 'p', 'Q', 1)]);
    expect(looped.pathIds('p').length).toBe(50);
  });
});
