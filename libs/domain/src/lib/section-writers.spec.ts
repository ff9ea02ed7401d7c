import type { RoleGrant } from './permissions';
import { checkTemplateSections, TemplateSectionInput } from './template';
import { availableTransitions, checkTransition, refusesSelfApproval, taskActionsHeld, writesTask } from './workflow';

const committeeTask = { committeeId: 'gnesta', unitPath: [] as string[] };
const unitTask = { committeeId: 'gnesta', unitPath: ['forvaltning', 'omsorg'] };
const economist: RoleGrant = { role: 'economist', committeeId: 'gnesta', unitId: null };
const secretary: RoleGrant = { role: 'secretary', committeeId: 'gnesta', unitId: null };
const head: RoleGrant = { role: 'unit_head', committeeId: 'gnesta', unitId: 'omsorg' };
const reviewer: RoleGrant = { role: 'reviewer', committeeId: 'gnesta', unitId: null };

describe('who writes a section', () => {
  it('keeps today’s rule when the template names no writer: the secretary writes nämnd level, the enhetschef the unit', () => {
    expect(writesTask(secretary, committeeTask)).toBe(true);
    expect(writesTask(head, unitTask)).toBe(true);
    expect(writesTask(economist, committeeTask)).toBe(false);
    expect(taskActionsHeld([economist], committeeTask, 'reviewer')).toEqual(['task.read', 'task.reopen']);
  });

  it('lets the förvaltningsekonom write and hand in the nämnd-level economy texts when the template says so, and no one else', () => {
    expect(writesTask(economist, committeeTask, 'task.write', 'economist')).toBe(true);
    expect(writesTask(economist, committeeTask, 'task.submit', 'economist')).toBe(true);
    expect(writesTask(economist, committeeTask, 'task.review', 'economist')).toBe(false);
    expect(writesTask(secretary, committeeTask, 'task.write', 'economist')).toBe(false);
    expect(taskActionsHeld([economist], committeeTask, 'reviewer', 'economist')).toEqual(['task.read', 'task.write', 'task.submit', 'task.reopen']);
    expect(taskActionsHeld([secretary], committeeTask, 'reviewer', 'economist')).toEqual(['task.read', 'task.reopen']);
    expect(availableTransitions('not_started', taskActionsHeld([economist], committeeTask, 'reviewer', 'economist'))).toEqual(['start']);
  });

  it('gives a unit section with a writer role to that role where its grant covers the unit, not to the enhetschef', () => {
    expect(writesTask(economist, unitTask, 'task.write', 'economist')).toBe(true);
    expect(writesTask(head, unitTask, 'task.write', 'economist')).toBe(false);
    const held = taskActionsHeld([head], unitTask, 'reviewer', 'economist');
    expect(checkTransition('draft', 'submit', { allowed: held.includes('task.submit') })).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('still refuses a writer approving their own round, even when the writer role may also review', () => {
    const held = taskActionsHeld([economist], committeeTask, 'economist', 'economist');
    expect(held).toContain('task.review');
    const round = { submittedBy: 'ekonom-1', actorId: 'ekonom-1', selfApprovalAllowed: false };
    expect(refusesSelfApproval('approve', round)).toBe(true);
    expect(availableTransitions('submitted', held, round)).toEqual(['return']);
    expect(availableTransitions('submitted', taskActionsHeld([reviewer], committeeTask, 'reviewer', 'economist'), { ...round, actorId: 'granskare' })).toEqual(['return', 'approve']);
  });
});

describe('a template section’s writer role', () => {
  const section = (writerRole: unknown): TemplateSectionInput => ({
    key: 'ekonomi',
    parentKey: null,
    title: 'Ekonomi',
    kind: 'narrative',
    responsibility: 'committee',
    reviewerRole: 'reviewer',
    writerRole: writerRole as TemplateSectionInput['writerRole'],
  });

  it('is kept when it is a role that can open tasks, and left out means today’s rule', () => {
    const checked = checkTemplateSections([section('economist')]);
    expect(checked.ok && checked.sections[0].writerRole).toBe('economist');
    const plain = checkTemplateSections([section(undefined)]);
    expect(plain.ok && plain.sections[0].writerRole).toBeUndefined();
  });

  it('is refused in Swedish when the role is unknown or cannot open tasks', () => {
    expect(checkTemplateSections([section('boss')])).toEqual({ ok: false, errors: ['Avsnittet "Ekonomi" har en okänd roll som skriver det.'] });
    expect(checkTemplateSections([section('reader')])).toEqual({
      ok: false,
      errors: ['Avsnittet "Ekonomi" kan inte skrivas av läsare: välj en roll som kan öppna uppgifterna.'],
    });
  });
});
