import type { CycleOverviewDto, CycleSummaryDto, OrganisationResponse, ReportTemplateDto, TemplateListResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { DEMO, signedIn } from './support/http';

describe('report templates', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });

  it("seeds Nacka's Tertialbokslut 2 with chapters 1–9 numbered as in the reference report", async () => {
    const admin = await signedIn(app.running.baseUrl, DEMO.admin);
    const list = await admin.get<TemplateListResponse>('/api/templates');
    const nacka = list.body.templates.find((t) => t.committeeName === 'Socialnämnden, Nacka kommun');
    expect(nacka).toMatchObject({ name: 'Tertialbokslut 2', reportKind: 'interim_report', sectionCount: 15 });
    const template = (await admin.get<ReportTemplateDto>(`/api/templates/${nacka?.id}`)).body;
    const chapters = template.sections.filter((s) => s.depth === 1).map((s) => `${s.number} ${s.title}`);
    expect(chapters).toEqual([
      '1 Sammanfattning',
      '2 Verksamhetsresultat',
      '3 Ekonomiskt resultat',
      '4 Investeringar',
      '5 Redovisning riktade statsbidrag',
      '6 Sjukfrånvaro',
      '7 Åtgärdsplan',
      '8 Intern kontrollplan',
      '9 Uppföljning av medel ur framtidsfonder',
    ]);
    expect(template.sections.find((s) => s.number === '2.2')).toMatchObject({ title: 'Bästa utveckling för alla', kind: 'goals' });
    const actionPlan = template.sections.find((s) => s.key === 'atgardsplan');
    expect(actionPlan).toMatchObject({ kind: 'action_plan', responsibility: 'chosen_units' });
    expect(actionPlan?.unitIds).toHaveLength(1);
  });

  it("shows Gnesta's förvaltningsekonom Gnesta's template only, and refuses Nacka's by id", async () => {
    const economist = await signedIn(app.running.baseUrl, DEMO.economist);
    const list = await economist.get<TemplateListResponse>('/api/templates');
    expect(list.body.templates.map((t) => `${t.name} (${t.committeeName})`)).toEqual(['Delårsrapport (Socialnämnden, Gnesta kommun)']);
    const admin = await signedIn(app.running.baseUrl, DEMO.admin);
    const all = (await admin.get<TemplateListResponse>('/api/templates')).body.templates;
    const nackaId = all.find((t) => t.committeeName?.includes('Nacka'))?.id;
    expect((await economist.get(`/api/templates/${nackaId}`)).status).toBe(404);
    const unitHead = await signedIn(app.running.baseUrl, DEMO.unitHeadVuxenutbildning);
    expect((await unitHead.get('/api/templates')).status).toBe(403);
  });

  describe('editing', () => {
    const section = (key: string, parentKey: string | null, title: string, extra: Record<string, unknown> = {}) => ({
      key,
      parentKey,
      title,
      kind: 'narrative',
      responsibility: 'committee',
      reviewerRole: 'economist',
      ...extra,
    });

    async function gnesta() {
      const admin = await signedIn(app.running.baseUrl, DEMO.admin);
      const tree = (await admin.get<OrganisationResponse>('/api/organisation')).body;
      const committee = tree.committees.find((c) => c.municipality === 'Gnesta kommun');
      if (!committee) throw new Error('no Gnesta');
      const vux = (function find(nodes: typeof committee.units): string | undefined {
        for (const node of nodes) {
          if (node.name === 'Vuxenutbildning') return node.id;
          const below = find(node.children);
          if (below) return below;
        }
        return undefined;
      })(committee.units);
      return { admin, committeeId: committee.id, vuxId: vux as string };
    }

    it('lets an admin build another structure, numbers it, and keeps running cycles as they were opened', async () => {
      const { admin, committeeId, vuxId } = await gnesta();
      const created = await admin.post<ReportTemplateDto>('/api/templates', {
        committeeId,
        name: 'Månadsuppföljning',
        reportKind: 'monthly_report',
        sections: [
          section('ekonomi', null, 'Ekonomi', { kind: 'economy', responsibility: 'all_units' }),
          section('kommentar', 'ekonomi', 'Kommentar till prognosen'),
          section('vuxenutbildning', null, 'Vuxenutbildningens volymer', { kind: 'table', responsibility: 'chosen_units', unitIds: [vuxId] }),
        ],
      });
      expect(created.status).toBe(201);
      expect(created.body.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
        '1 Ekonomi',
        '1.1 Kommentar till prognosen',
        '2 Vuxenutbildningens volymer',
      ]);

      const secretary = await signedIn(app.running.baseUrl, DEMO.secretary);
      const cycle = await secretary.post<CycleSummaryDto>('/api/cycles', {
        templateId: created.body.id,
        year: 2022,
        diaryNumber: 'SN 2022/101',
        periodEnd: '2022-03-31',
        submissionDeadline: '2022-04-08',
        reviewDeadline: '2022-04-12',
        assemblyDeadline: '2022-04-14',
        meetingDate: '2022-04-26',
      });
      expect(cycle.body).toMatchObject({ title: 'Månadsuppföljning 2022', period: 'mars' });

      // Renaming and reordering the template later changes the template only.
      const updated = await admin.put<ReportTemplateDto>(`/api/templates/${created.body.id}`, {
        committeeId,
        name: 'Månadsrapport',
        reportKind: 'monthly_report',
        sections: [section('sammanfattning', null, 'Sammanfattning'), ...created.body.sections.map((s) => ({ ...s, number: undefined, depth: undefined }))],
      });
      expect(updated.status).toBe(200);
      expect(updated.body.sections.map((s) => s.number)).toEqual(['1', '2', '2.1', '3']);
      const overview = (await secretary.get<CycleOverviewDto>(`/api/cycles/${cycle.body.id}`)).body;
      expect(overview.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
        '1 Ekonomi',
        '1.1 Kommentar till prognosen',
        '2 Vuxenutbildningens volymer',
      ]);
      expect(overview.tasks.filter((t) => t.unitId === vuxId)).toHaveLength(2); // economy and its own table
    });

    it('refuses a section inside itself, an unknown reviewer and a duplicate name, and changes nothing', async () => {
      const { admin, committeeId } = await gnesta();
      const db = app.running.app.get(DataSource);
      const count = async () => (await db.query('SELECT count(*)::int AS n FROM template_section'))[0].n as number;
      const before = await count();
      const circular = await admin.post('/api/templates', {
        committeeId,
        name: 'Cirkel',
        reportKind: 'interim_report',
        sections: [section('a', 'b', 'Avsnitt A'), section('b', 'a', 'Avsnitt B')],
      });
      expect(circular).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
      expect((circular.body as { details: string[] }).details).toContain('Avsnittet "Avsnitt A" ligger inuti sig självt (en cirkel i strukturen).');
      const reader = await admin.post('/api/templates', {
        committeeId,
        name: 'Fel granskare',
        reportKind: 'interim_report',
        sections: [section('a', null, 'Avsnitt A', { reviewerRole: 'unit_head' })],
      });
      expect((reader.body as { details: string[] }).details).toEqual([
        'Avsnittet "Avsnitt A" kan inte granskas av enhetschef: välj en roll som får granska.',
      ]);
      const duplicate = await admin.post('/api/templates', { committeeId, name: 'delårsrapport', reportKind: 'interim_report', sections: [] });
      expect(duplicate).toMatchObject({ status: 409, body: { code: 'duplicate_template_name' } });
      expect(await count()).toBe(before);
      const unitHead = await signedIn(app.running.baseUrl, DEMO.unitHeadVuxenutbildning);
      expect((await unitHead.post('/api/templates', { committeeId, name: 'X', reportKind: 'interim_report', sections: [] })).status).toBe(403);
    });
  });
});
