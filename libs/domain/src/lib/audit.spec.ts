import { auditFieldChanges, auditSentence, auditSentenceText, hasAuditSentence } from './audit';

describe('the audit log in Swedish', () => {
  const task = {
    entityType: 'task',
    entityId: 't1',
    actorName: 'Anna Andersson',
    context: { sectionNumber: '2.1', sectionTitle: 'Ekonomi', unitName: 'Enhet X', cycleId: 'c1', cycleTitle: 'Tertialbokslut 2 2026' },
  };

  it('says who did what to which task, in which cycle, with the task as a link', () => {
    const segments = auditSentence({ ...task, action: 'task.approve', before: { state: 'submitted' }, after: { state: 'approved' } });
    expect(segments.map((s) => s.text).join('')).toBe('Anna Andersson godkände 2.1 Ekonomi för Enhet X (Tertialbokslut 2 2026)');
    expect(segments.find((s) => s.link)).toEqual({ text: '2.1 Ekonomi för Enhet X', link: '/uppgifter/t1' });
  });

  it('words returns, deadlines, reminders and the nämnd level', () => {
    expect(auditSentenceText({ ...task, action: 'task.return', before: null, after: { text: 'Saknar siffror' } })).toBe(
      'Anna Andersson återremitterade 2.1 Ekonomi för Enhet X (Tertialbokslut 2 2026): ”Saknar siffror”',
    );
    expect(auditSentenceText({ ...task, action: 'task.deadline', before: { deadline: '2026-09-10' }, after: { deadline: null } })).toBe(
      'Anna Andersson ändrade sista dag för 2.1 Ekonomi för Enhet X (Tertialbokslut 2 2026) från 2026-09-10 till cykelns sista dag',
    );
    expect(
      auditSentenceText({ ...task, action: 'task.remind', before: null, after: { day: '2026-09-11', recipients: ['Bo Berg', 'Cia Ek'] } }),
    ).toBe('Anna Andersson skickade en påminnelse om 2.1 Ekonomi för Enhet X (Tertialbokslut 2 2026) till Bo Berg och Cia Ek');
    expect(
      auditSentenceText({ ...task, context: { ...task.context, unitName: null }, action: 'task.submit', before: null, after: null }),
    ).toBe('Anna Andersson lämnade in 2.1 Ekonomi på nämndnivå (Tertialbokslut 2 2026)');
  });

  it('links a frozen report and a cycle, names people and roles, and falls back to the code', () => {
    const freeze = auditSentence({
      action: 'report.freeze',
      entityType: 'report_version',
      entityId: 'v1',
      actorName: 'Maria Holm',
      before: null,
      after: { number: 2, reason: null },
      context: { cycleId: 'c1', cycleTitle: 'Delårsrapport 2026' },
    });
    expect(freeze.map((s) => s.text).join('')).toBe('Maria Holm fastställde rapporten Delårsrapport 2026 (version 2)');
    expect(freeze.find((s) => s.link)?.link).toBe('/cykler/c1/rapport');
    expect(
      auditSentenceText({
        action: 'role.assign',
        entityType: 'role_assignment',
        entityId: 'r1',
        actorName: null,
        before: null,
        after: { role: 'unit_head' },
        context: { personName: 'Lena Wik' },
      }),
    ).toBe('Systemet gav Lena Wik rollen Enhetschef');
    expect(hasAuditSentence('toString')).toBe(false);
    expect(auditSentenceText({ action: 'x.y', entityType: 'thing', entityId: '7', actorName: 'A', before: null, after: null })).toBe('A: x.y – 7');
  });

  it('shows before/after as the fields that changed, read as a person would', () => {
    expect(auditFieldChanges({ state: 'submitted', version: 3 }, { state: 'approved', version: 3, text: null })).toEqual([
      { field: 'state', label: 'Status', before: 'Inlämnad', after: 'Godkänd' },
    ]);
    expect(auditFieldChanges(null, { name: 'Anna', active: true, unitId: 'u1' })).toEqual([
      { field: 'name', label: 'Namn', before: '–', after: 'Anna' },
      { field: 'active', label: 'Aktiv', before: '–', after: 'Ja' },
    ]);
  });

  it('says when a removed bilaga stays in the frozen versions that hold it', () => {
    const removal = (after: Record<string, unknown>) =>
      auditSentenceText({
        action: 'report.appendix_remove',
        entityType: 'cycle',
        entityId: 'c1',
        actorName: 'Maria Holm',
        before: { title: 'Revisionsrapport' },
        after,
        context: { cycleId: 'c1', cycleTitle: 'Delårsrapport 2026' },
      });
    expect(removal({})).toBe('Maria Holm tog bort en bilaga ur rapporten för Delårsrapport 2026: ”Revisionsrapport”');
    expect(removal({ keptForVersions: [1] })).toBe('Maria Holm tog bort en bilaga ur rapporten för Delårsrapport 2026: ”Revisionsrapport” (filen finns kvar i version 1)');
    expect(removal({ keptForVersions: [1, 2, 3] })).toContain('(filen finns kvar i version 1, 2 och 3)');
    expect(auditFieldChanges({ title: 'Revisionsrapport' }, { keptForVersions: [1, 2] })).toContainEqual({
      field: 'keptForVersions',
      label: 'Filen finns kvar i version',
      before: '–',
      after: '1, 2',
    });
    expect(auditFieldChanges(null, { number: 2, appendices: ['Revisionsrapport', 'Nyckeltal'] })).toContainEqual({
      field: 'appendices',
      label: 'Bilagor',
      before: '–',
      after: 'Revisionsrapport, Nyckeltal',
    });
  });
});
