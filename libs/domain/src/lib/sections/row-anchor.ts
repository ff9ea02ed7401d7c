/**
 * Comments on a row (or one cell) of a structured section: which rows a section offers, how they
 * are named, and whether an anchor still points at a row of the content. Rows are followed by
 * their stable `key`, so a comment stays on its row when rows are reordered or added.
 */
import { ACTION_PLAN_FIELD_LABELS, ActionPlanConfig } from './action-plan';
import { BLOCK_KEY, blockContent, blockName, blockSpecs } from './blocks';
import { economyConfigOf, type SectionConfig, type StructuredContent, tableConfigOf, type TaskContent } from './content';
import { columnLabel as economyColumnLabel, EconomyRow, EconomyTableConfig } from './economy';
import { goalsAssessed, goalsColumnLabels } from './goals';
import { CONTROL_DIFF_LABELS, layoutRowAnchors, RISK_DIFF_LABELS } from './internal-control';
import { isRecord, rowNames } from './section-check';
import { sickLeaveMeasures } from './sick-leave';

/** A comment's place in a table: a row by its key, optionally one of its columns; in a section of blocks, the block's key too. */
export interface RowAnchor {
  kind: 'row';
  rowKey: string;
  column?: string;
  /** The block the row's table is in (sections made of blocks only, blocks.ts). */
  block?: string;
}

export interface CommentableColumn {
  key: string;
  label: string;
}

/** A row a comment can be about, as the table names it. */
export interface CommentableRow {
  key: string;
  name: string;
  columns: CommentableColumn[];
  /** The block the row is in, in a section made of blocks. */
  block?: string;
}

/**
 * One id for a row across the tables of a section: the row's key, or `<block>/<row key>` in a
 * section of blocks (row keys never hold `/`, so the two never meet).
 */
export function commentRowId(rowKey: string, block?: string | null): string {
  return block ? `${block}/${rowKey}` : rowKey;
}

const ROW_ANCHOR_KEY = /^[A-Za-z0-9_.-]{1,80}$/;

function economyRows(config: EconomyTableConfig, rows: readonly EconomyRow[], into: CommentableRow[]): void {
  const names = rowNames(rows.map((r) => r.label));
  const columns = [...config.columns.map((c) => ({ key: c, label: economyColumnLabel(config, c) })), { key: 'comment', label: 'Kommentar' }];
  rows.forEach((row, i) => {
    into.push({ key: row.key, name: names[i], columns });
    if (row.children?.length) economyRows(config, row.children, into);
  });
}

function actionPlanColumns(config: ActionPlanConfig | undefined): CommentableColumn[] {
  return (Object.keys(ACTION_PLAN_FIELD_LABELS) as Array<keyof typeof ACTION_PLAN_FIELD_LABELS>)
    .filter((f) => f !== 'effect' || config?.effect)
    .map((f) => ({ key: f, label: ACTION_PLAN_FIELD_LABELS[f] }));
}

/** Every row of the content a comment can be about, in the order the table shows them (sub-rows after their row). */
export function commentableRows(content: TaskContent, config?: SectionConfig | null): CommentableRow[] {
  const rows: CommentableRow[] = [];
  switch (content.type) {
    case 'economy':
      economyRows(economyConfigOf(config), content.rows, rows);
      break;
    case 'sick_leave':
      for (const m of sickLeaveMeasures(config?.sickLeave)) rows.push({ key: m.key, name: m.label, columns: [] });
      break;
    case 'action_plan': {
      const names = rowNames(content.rows.map((r) => r.action));
      const columns = actionPlanColumns(config?.actionPlan);
      content.rows.forEach((r, i) => rows.push({ key: r.key, name: names[i], columns }));
      break;
    }
    case 'internal_control': {
      const names = rowNames(content.plan.map((r) => r.area));
      const planColumns = CONTROL_DIFF_LABELS.filter(([f]) => f !== 'group').map(([key, label]) => ({ key, label }));
      content.plan.forEach((r, i) => rows.push({ key: r.key, name: names[i], columns: planColumns }));
      const riskColumns = RISK_DIFF_LABELS.filter(([f]) => f !== 'group').map(([key, label]) => ({ key, label }));
      for (const table of content.risks) {
        const riskNames = rowNames(table.rows.map((r) => r.risk));
        table.rows.forEach((r, i) => rows.push({ key: r.key, name: `${table.title} › ${riskNames[i]}`, columns: riskColumns }));
      }
      rows.push(...layoutRowAnchors(content));
      break;
    }
    case 'goals': {
      const labels = goalsColumnLabels(config?.goals);
      const assessed = goalsAssessed(config?.goals);
      const councilColumns = [
        ...(config?.goals?.areas ? [{ key: 'area', label: 'Målområde' }] : []),
        ...(assessed.goals ? [{ key: 'assessment', label: labels.assessment }] : []),
      ];
      const goalColumns = [
        ...(assessed.committeeGoals ? [{ key: 'assessment', label: labels.assessment }] : []),
        { key: 'comment', label: labels.comment },
      ];
      const indicatorColumns = (['unit', 'earlier', 'previous', 'value', 'target', 'fulfilment', 'assessment', 'source', 'comment'] as const)
        .filter((key) => key !== 'assessment' || assessed.indicators)
        .map((key) => ({ key, label: key === 'earlier' ? 'Tidigare år' : labels[key] }));
      const councilNames = rowNames(content.goals.map((g) => g.title));
      content.goals.forEach((goal, i) => {
        rows.push({ key: goal.key, name: councilNames[i], columns: councilColumns });
        const committeeNames = rowNames(goal.committeeGoals.map((g) => g.title));
        goal.committeeGoals.forEach((cg, j) => {
          rows.push({ key: cg.key, name: committeeNames[j], columns: goalColumns });
          const indicatorNames = rowNames(cg.indicators.map((ind) => ind.name));
          cg.indicators.forEach((ind, k) => rows.push({ key: ind.key, name: indicatorNames[k], columns: indicatorColumns }));
        });
      });
      break;
    }
    case 'table': {
      const table = tableConfigOf(config);
      const first = table.columns[0]?.key ?? '';
      const names = rowNames(content.rows.map((r) => {
        const value = r.cells[first];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      }));
      const columns = table.columns.map((c) => ({ key: c.key, label: c.label }));
      content.rows.forEach((r, i) => rows.push({ key: r.key, name: names[i], columns }));
      break;
    }
    case 'blocks':
      blockSpecs(config).forEach((spec, index) => {
        if (spec.kind === 'narrative' || spec.kind === 'chart') return;
        const inner = blockContent(spec, content);
        if (inner.type === 'doc' || inner.type === 'blocks') return;
        const title = blockName(spec, index);
        for (const row of commentableRows(inner, spec.config ?? null)) rows.push({ ...row, name: `${title} › ${row.name}`, block: spec.key });
      });
      break;
    default:
      break;
  }
  return rows;
}

export type RowAnchorCheck =
  | { ok: true; anchor: RowAnchor; row: CommentableRow; column: CommentableColumn | null }
  | { ok: false; message: string };

/** `Gäller rad: Bemanning, kolumn Prognos`: how a comment names its row (and cell). */
export function rowAnchorText(row: string, column?: string | null): string {
  return column ? `Gäller rad: ${row}, kolumn ${column}` : `Gäller rad: ${row}`;
}

/**
 * Checks an untrusted row anchor against the section's current content: the row must be in the
 * table, the column (if given) one of the row's columns. Returns the anchor in clean form.
 */
export function checkRowAnchor(content: TaskContent, config: SectionConfig | null | undefined, input: unknown): RowAnchorCheck {
  if (content.type === 'doc') return { ok: false, message: 'Texten har inga rader; kommentera ett stycke i stället.' };
  if (!isRecord(input) || input['kind'] !== 'row' || typeof input['rowKey'] !== 'string' || !ROW_ANCHOR_KEY.test(input['rowKey'])) {
    return { ok: false, message: 'Ange vilken rad kommentaren gäller.' };
  }
  const column = input['column'];
  if (column !== undefined && column !== null && (typeof column !== 'string' || !ROW_ANCHOR_KEY.test(column))) {
    return { ok: false, message: 'Kolumnen kommentaren gäller har fel format.' };
  }
  const block = input['block'];
  const blocks = content.type === 'blocks';
  if (blocks && (typeof block !== 'string' || !BLOCK_KEY.test(block))) return { ok: false, message: 'Ange vilket block raden kommentaren gäller finns i.' };
  if (!blocks && block !== undefined && block !== null) return { ok: false, message: 'Avsnittet har inga block; ange bara raden kommentaren gäller.' };
  const inBlock = blocks ? (block as string) : undefined;
  if (inBlock !== undefined && !blockSpecs(config).some((b) => b.key === inBlock && b.kind !== 'narrative' && b.kind !== 'chart')) {
    return { ok: false, message: 'Blocket kommentaren gäller finns inte i avsnittet eller har ingen tabell.' };
  }
  const row = commentableRows(content as StructuredContent, config).find((r) => r.key === input['rowKey'] && r.block === inBlock);
  if (!row) return { ok: false, message: 'Raden kommentaren gäller finns inte längre i tabellen.' };
  const place = { kind: 'row' as const, rowKey: row.key, ...(inBlock !== undefined ? { block: inBlock } : {}) };
  if (typeof column === 'string') {
    const found = row.columns.find((c) => c.key === column);
    if (!found) return { ok: false, message: `Raden ”${row.name}” har ingen sådan kolumn att kommentera.` };
    return { ok: true, anchor: { ...place, column }, row, column: found };
  }
  return { ok: true, anchor: place, row, column: null };
}
