import type { ReportTemplateDto } from '@rapportflode/api-contract';
import type { EconomyTableConfig } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { openCycle } from './cycles';
import { ApiResult, DEMO, HttpClient, signedIn } from './http';

/** The upload form of an economy import: the file and any further fields (mapping, replace). */
export function uploadForm(file: Buffer | Uint8Array, name: string, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.append('file', new Blob([new Uint8Array(file)]), name);
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** Posts a file to a section's economy import: the preview (nothing stored) or the import itself. */
export function postEconomyImport<T>(
  client: HttpClient,
  step: 'preview' | 'commit',
  ids: { cycleId: string; sectionId: string },
  file: Buffer | Uint8Array,
  name: string,
  fields: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const path = `/api/cycles/${ids.cycleId}/sections/${ids.sectionId}/economy-imports${step === 'preview' ? '/preview' : ''}`;
  return client.request<T>('POST', path, undefined, { form: uploadForm(file, name, fields) });
}

/**
 * A template of Nacka's committee with one economy section `ekonomi` (all units, reviewed by the economist) in
 * `layout`, created by the admin; a cycle of it for 2024 opened by the secretary; the section's id and the
 * economist signed in.
 */
export async function economyImportCycle(
  base: string,
  db: DataSource,
  templateName: string,
  layout: EconomyTableConfig,
  diaryNumber: string,
): Promise<{ cycleId: string; sectionId: string; economist: HttpClient }> {
  const admin = await signedIn(base, DEMO.admin);
  const [{ id: committeeId }] = await db.query(`SELECT id FROM committee WHERE municipality = 'Nacka kommun'`);
  const template = await admin.post<ReportTemplateDto>('/api/templates', {
    committeeId,
    name: templateName,
    reportKind: 'monthly_report',
    sections: [
      { key: 'ekonomi', parentKey: null, title: 'Ekonomiskt resultat', kind: 'economy', responsibility: 'all_units', reviewerRole: 'economist', config: { economy: layout } },
    ],
  });
  expect(template.status).toBe(201);
  const secretary = await signedIn(base, DEMO.nackaSecretary);
  const cycleId = (await openCycle(secretary, template.body.id, 2024, diaryNumber)).id;
  const [{ id: sectionId }] = await db.query(`SELECT id FROM cycle_section WHERE cycle_id = $1 AND key = 'ekonomi'`, [cycleId]);
  return { cycleId, sectionId, economist: await signedIn(base, DEMO.nackaEconomist) };
}
