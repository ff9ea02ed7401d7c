import type { ReportStatusDto, SaveContentResponse, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import { formatNumber } from '@rapportflode/domain';
import { openCycle, templateIdByName } from './support/cycles';
import { DEMO, signedInAll } from './support/http';
import { useTestApp } from './support/app';

/**
 * The report draws each enhet's sick leave over time: this period beside the same enhet's
 * approved figures of the nämnd's earlier cycles (never retyped), as a chart with its data.
 */
describe('report: sick leave over time', () => {
  const app = useTestApp();

  it('shows last year’s approved sick leave beside this year’s in the report’s chart', async () => {
    const base = app.running.baseUrl;
    const [secretary, economist, fredrik] = await signedInAll(base, [DEMO.nackaSecretary, DEMO.nackaEconomist, DEMO.unitHeadOmsorgsenheten]);
    const template = await templateIdByName(secretary, 'Tertialbokslut 2');
    const deliverSickLeave = async (cycleId: string, values: { total: number; shortTerm: number; longTerm: number }) => {
      const item = (await fredrik.get<TaskListResponse>('/api/tasks/mine')).body.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === 'Sjukfrånvaro');
      if (!item) throw new Error('Fredrik has no sick-leave task');
      const task = (await fredrik.get<TaskDto>(`/api/tasks/${item.id}`)).body;
      const saved = await fredrik.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: { type: 'sick_leave', values } });
      expect(saved.status).toBe(200);
      const submitted = await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
      const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
      expect(approved.body.state).toBe('approved');
    };
    const earlier = await openCycle(secretary, template, 2018);
    await deliverSickLeave(earlier.id, { total: 3.8, shortTerm: 2.9, longTerm: 0.9 });
    const current = await openCycle(secretary, template, 2019);

    // Before this year's figures are approved there is nothing to draw for this year.
    const before = await secretary.get<string>(`/api/cycles/${current.id}/report/document?format=preview`);
    expect(before.body).not.toContain('Sjukfrånvaro över tid, Omsorgsenheten');

    await deliverSickLeave(current.id, { total: 2.85, shortTerm: 2.23, longTerm: 0.62 });
    const status = (await secretary.get<ReportStatusDto>(`/api/cycles/${current.id}/report`)).body;
    expect(status.cycle.period).toBe('T2 2019');
    const html = (await secretary.get<string>(`/api/cycles/${current.id}/report/document?format=preview`)).body;
    expect(html).toContain('Sjukfrånvaro över tid, Omsorgsenheten');
    const chart = html.slice(html.indexOf('Sjukfrånvaro över tid, Omsorgsenheten'));
    expect(html).toContain('<svg role="img"');
    // Both periods, with the approved figures in Swedish format.
    expect(chart).toContain('T2 2018');
    expect(chart).toContain('T2 2019');
    for (const value of [3.8, 2.85]) expect(chart).toContain(formatNumber(value, 2));
  });
});
