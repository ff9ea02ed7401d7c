import type { ReportTemplateDto, TemplateListResponse } from '@rapportflode/api-contract';
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
});
