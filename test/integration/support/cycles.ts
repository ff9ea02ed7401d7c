import type { CycleSummaryDto, TaskDto, TaskListResponse, TemplateListResponse } from '@rapportflode/api-contract';
import type { HttpClient } from './http';
import { cycleDates } from '../../support/cycle-dates';

export { cycleDates };

/** A template's id, by its name in the list the client sees. */
export async function templateIdByName(client: HttpClient, name: string): Promise<string> {
  const templates = (await client.get<TemplateListResponse>('/api/templates')).body.templates;
  const id = templates.find((t) => t.name === name)?.id;
  if (!id) throw new Error(`no template ${name} in ${JSON.stringify(templates.map((t) => t.name))}`);
  return id;
}


/** Opens a cycle of a template for `year` (the secretary's POST /api/cycles); it must be created. */
export async function openCycle(secretary: HttpClient, templateId: string, year: number, diaryNumber = `SN.${year}.73`): Promise<CycleSummaryDto> {
  const result = await secretary.post<CycleSummaryDto>('/api/cycles', { templateId, year, diaryNumber, ...cycleDates(year) });
  if (result.status !== 201) throw new Error(`opening the cycle of ${year} answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

/** The client's task for a section of a cycle, found through "Mina uppgifter". */
export async function myTask(client: HttpClient, cycleId: string, sectionTitle: string): Promise<TaskDto> {
  const mine = (await client.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
  const item = mine.find((t) => t.cycleId === cycleId && t.sectionTitle === sectionTitle);
  if (!item) throw new Error(`no task ${sectionTitle} in ${JSON.stringify(mine.map((t) => t.sectionTitle))}`);
  return (await client.get<TaskDto>(`/api/tasks/${item.id}`)).body;
}
