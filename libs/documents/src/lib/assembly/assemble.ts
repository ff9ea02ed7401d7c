/**
 * Report assembly: a cycle's approved content, in template order, as one DocumentModel.
 * Pure: the caller reads the cycle, its sections, units and tasks; nothing here touches a database.
 *
 * Every section of the template becomes a numbered heading (the cycle section's own number); a
 * unit-level section has one sub-heading per unit in organisation order; content is converted by
 * kind, every figure computed by libs/domain. A section (or unit) that is not approved is never a
 * silent gap: the draft says so in its place and lists it among the missing.
 */
import {
  committeeEconomyContent,
  DEFAULT_TEMPLATE_LAYOUT,
  economyConfigOf,
  EconomyContent,
  isEmptyContent,
  periodInWords,
  SickLeaveContent,
  TASK_STATE_LABELS,
  TaskContent,
} from '@rapportflode/domain';
import type { Appendix, Block, DocumentLayout, DocumentModel, DocumentStatus, MissingItem } from '../model';
import { paragraph, tablesOf } from '../model';
import { type Context, Ids, level, slugify } from './context';
import type { AssemblyInput, AssemblyResult, AssemblyTask, AssemblyUnit } from './input';
import { contentBlocks, economyTable, sickLeaveSummary } from './section-blocks';
import { chartSourceLookup } from './composite-blocks';

export type { AssemblyCycle, AssemblyInput, AssemblyResult, AssemblySection, AssemblyTask, AssemblyUnit } from './input';
export { slugify } from './context';

/** The notice printed in place of content that is not approved yet. */
export const NOT_APPROVED_NOTICE = 'Avsnittet är inte godkänt än (Utkast)';

/** 'januari–augusti 2021' from the period's last day (the words live in libs/domain/src/lib/format.ts). */
export { periodInWords };

/** The report as a DocumentModel: a draft (with what is missing) or, given `final`, a frozen version. */
export function assembleReport(input: AssemblyInput): AssemblyResult {
  const { cycle } = input;
  const ids = new Ids();
  const missing: MissingItem[] = [];
  const warnings: string[] = [];
  const mainText: Block[] = [];
  const appendices: Appendix[] = [];
  const layout = input.layout ?? DEFAULT_TEMPLATE_LAYOUT;
  // Where the current section's blocks go: the main text, or the appendix its top-level section opened.
  let body = mainText;
  let inAppendix = false;
  const unitOrder = new Map(input.units.map((u, i) => [u.id, i]));
  const unitById = new Map(input.units.map((u) => [u.id, u]));

  const notice = (): Block => ({ type: 'notice', tone: 'warning', title: NOT_APPROVED_NOTICE, content: [] });

  const chartSource = chartSourceLookup(input);
  for (const section of input.sections) {
    const sectionName = `${section.number} ${section.title}`;
    const sectionLevel = level(section.depth);
    const headingId = ids.take(`avsnitt-${section.number.replace(/\./g, '-')}`);
    if (section.depth <= 1) inAppendix = section.placement === 'appendix';
    if (inAppendix && section.depth <= 1) {
      // The appendix's own title ('Bilaga 2 Sjukfrånvaro per enhet') is its heading.
      const appendix: Appendix = { number: appendices.length + 1, title: section.title, id: ids.take(`bilaga-${appendices.length + 1}`), body: [] };
      appendices.push(appendix);
      body = appendix.body;
    } else {
      if (!inAppendix) body = mainText;
      // Inside an appendix, and with the template's unnumbered headings, a heading has no number.
      const number = layout.numberedHeadings && !inAppendix ? section.number : undefined;
      body.push(number ? { type: 'heading', level: sectionLevel, number, text: section.title, id: headingId } : { type: 'heading', level: sectionLevel, text: section.title, id: headingId });
    }
    if (section.headingOnly) continue;
    const tasks = input.tasks
      .filter((t) => t.sectionId === section.id)
      .sort((a, b) => (a.unitId === null ? -1 : (unitOrder.get(a.unitId) ?? 1e9)) - (b.unitId === null ? -1 : (unitOrder.get(b.unitId) ?? 1e9)));
    const approvedContent = (t: AssemblyTask): TaskContent | null => (t.state === 'approved' && t.content ? t.content : null);
    const ctxFor = (base: number, id: string): Context => ({ ids, cycle, sectionName, sectionTitle: section.title, base, headingId: id, chartSource });

    for (const task of tasks) {
      if (!approvedContent(task)) {
        missing.push({ section: sectionName, unit: task.unitId ? (unitById.get(task.unitId)?.name ?? '') : null, state: TASK_STATE_LABELS[task.state] });
      }
    }

    const unitTasks = tasks.filter((t) => t.unitId !== null);
    const committeeTask = tasks.find((t) => t.unitId === null);

    if (committeeTask) {
      const content = approvedContent(committeeTask);
      if (content) {
        if (isEmptyContent(content)) warnings.push(`${sectionName} är godkänt men tomt.`);
        body.push(...contentBlocks(section, content, ctxFor(sectionLevel + 1, headingId), null));
      } else body.push(notice());
    }

    if (unitTasks.length) {
      // Nämnd-level tables computed from the units' approved content, ahead of the units' own parts.
      const approvedUnits = unitTasks.flatMap((t) => {
        const content = approvedContent(t);
        const unit = t.unitId ? unitById.get(t.unitId) : undefined;
        return content && unit ? [{ unit, content }] : [];
      });
      const partial = approvedUnits.length < unitTasks.length;
      const ctx = ctxFor(sectionLevel + 1, headingId);
      if (section.kind === 'economy' && approvedUnits.length > 0 && unitTasks.length > 1) {
        const config = economyConfigOf(section.config);
        const economies = approvedUnits.filter((u): u is { unit: AssemblyUnit; content: EconomyContent } => u.content.type === 'economy');
        const combined = committeeEconomyContent(
          config,
          economies.map((u) => ({ unitId: u.unit.id, name: u.unit.name, config, content: u.content })),
        );
        body.push(...economyTable(config, combined, ctx, null, `${section.title} per enhet, ${cycle.committee}`, 'Enhet / verksamhet').slice(0, 1));
        if (partial) {
          body.push(paragraph('Nämndens tabell omfattar bara de enheter vars avsnitt är godkända.', 'note'));
          warnings.push(`${sectionName}: nämndens ekonomitabell omfattar bara godkända enheter.`);
        }
      }
      if (section.kind === 'sick_leave' && approvedUnits.length > 1) {
        const sick = approvedUnits.filter((u): u is { unit: AssemblyUnit; content: SickLeaveContent } => u.content.type === 'sick_leave');
        body.push(sickLeaveSummary(section.config, sick.map((u) => ({ name: u.unit.name, content: u.content })), ctx));
      }
      for (const task of unitTasks) {
        const unit = task.unitId ? unitById.get(task.unitId) : undefined;
        if (!unit) continue;
        const unitLevel = level(sectionLevel + 1);
        const unitHeadingId = ids.take(`${headingId}-${slugify(unit.name)}`);
        body.push({ type: 'heading', level: unitLevel, text: unit.name, id: unitHeadingId });
        const content = approvedContent(task);
        if (!content) {
          body.push(notice());
          continue;
        }
        if (isEmptyContent(content)) warnings.push(`${sectionName} (${unit.name}) är godkänt men tomt.`);
        body.push(...contentBlocks(section, content, ctxFor(unitLevel + 1, unitHeadingId), unit, input.sickLeaveHistory?.[unit.id]));
      }
    }
  }

  for (const file of input.attachments ?? []) {
    const number = appendices.length + 1;
    appendices.push({
      number,
      title: file.title,
      id: ids.take(`bilaga-${number}`),
      body: [],
      attachment: { fileId: file.id, fileName: file.fileName, pages: file.pages, sha256: file.sha256 },
    });
  }

  const status: DocumentStatus = input.final ? { kind: 'final', ...input.final } : { kind: 'draft', missing };
  const dates = cycle.dates.map((d) => ({ label: d.label, date: d.date }));
  const model: DocumentModel = {
    meta: {
      kind: 'report',
      committee: cycle.committee,
      municipality: cycle.municipality,
      title: cycle.title,
      subtitle: cycle.committee,
      period: periodInWords(cycle.periodEnd),
      diaryNumber: cycle.diaryNumber,
      dates,
      language: 'sv-SE',
      runningHeader: `${cycle.committee}, ${cycle.title}`,
      status,
    },
    titlePage: true,
    tocDepth: layout.tocDepth,
    body: mainText,
    appendices,
  };
  const printed: DocumentLayout = {
    ...(layout.captions ? {} : { captions: false as const }),
    ...(layout.chapterPageBreak ? {} : { chapterPageBreak: false as const }),
  };
  // Only a choice away from the defaults is in the model: a report printed as always keeps its checksum.
  if (Object.keys(printed).length > 0) model.layout = printed;
  return { model, missing, warnings };
}

/** The tables of a model for download links: id and caption with its number. */
export function tableList(model: DocumentModel): Array<{ id: string; caption: string }> {
  return tablesOf(model).map(({ number, table }) => ({ id: table.id, caption: `Tabell ${number}. ${table.caption}` }));
}
