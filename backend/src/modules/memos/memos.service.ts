import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemoDocumentFormat, MemoDto, MemoFactsDto, MemoTransitionDto, SaveMemoResponse } from '@rapportflode/api-contract';
import { economyFiguresFromModel, memoModel, type DocumentModel, type DocumentStatus } from '@rapportflode/documents';
import {
  Action,
  availableTransitions,
  can,
  checkMemoContent,
  checkTransition,
  committeeEconomyContent,
  draftEconomicConsequences,
  economicFigures,
  EconomicFigures,
  EconomyContent,
  economyConfigOf,
  emptyDocument,
  formatDate,
  isEditable,
  isSelfApproval,
  MemoContent,
  memoFigureWarnings,
  periodLabel,
  ReportKind,
  refusesSelfApproval,
  ResourceScope,
  ReviewRound,
  RichTextDocument,
  Role,
  ROLE_LABELS,
  RoleGrant,
  SectionConfig,
  TaskState,
  Transition,
  WORKFLOW,
} from '@rapportflode/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { Clock } from '../../common/clock';
import { changedRows } from '../../database/query';
import { AuditService } from '../audit/audit.service';
import { selfApprovalAllowed } from '../operations/installation-settings.service';
import { DocumentRenderer } from '../documents/document-renderer.service';

export interface MemoActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

interface CycleRow {
  id: string;
  committee_id: string;
  committee: string;
  municipality: string;
  title: string;
  report_kind: ReportKind;
  year: number;
  period_end: string;
  diary_number: string | null;
}

interface MemoRow {
  id: string;
  content: MemoContent;
  state: TaskState;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
  state_changed_at: Date;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** What the nämnd approves, in the proposal's words (reference 003: "godkänner delårsrapporten för 2021"). */
const REPORT_NOUN: Readonly<Record<ReportKind, string>> = {
  interim_report: 'delårsrapporten',
  tertial_report: 'tertialrapporten',
  annual_report: 'årsredovisningen',
  monthly_report: 'månadsuppföljningen',
};

/** The workflow table's actions, as the memo's own permissions grant them. */
const MEMO_ACTION: Partial<Record<Action, Action>> = {
  'task.write': 'memo.edit',
  'task.submit': 'memo.edit',
  'task.review': 'memo.review',
  'task.reopen': 'memo.reopen',
};


const MemoErrors = {
  locked: (state: TaskState) =>
    new DomainError(
      'memo_locked',
      state === 'approved'
        ? 'Tjänsteskrivelsen är godkänd och låst. Be förvaltningschefen eller nämndsekreteraren att öppna den igen.'
        : 'Tjänsteskrivelsen är inlämnad och väntar på granskning; den kan inte ändras nu.',
    ),
  invalid: (errors: string[]) => new DomainError( 'memo_invalid', 'Tjänsteskrivelsen kan inte sparas.', errors),
  incomplete: (errors: string[]) =>
    new DomainError( 'memo_incomplete', 'Tjänsteskrivelsen är inte färdig och kan inte lämnas in än.', errors),
  stale: () =>
    new DomainError( 'version_conflict', 'Tjänsteskrivelsen har ändrats sedan du öppnade den. Ladda om sidan och försök igen.'),
};

function paragraphs(...texts: string[]): RichTextDocument {
  return { type: 'doc', version: 1, content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

@Injectable()
export class MemosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly renderer: DocumentRenderer,
  ) {}

  private async cycle(manager: EntityManager, cycleId: string): Promise<CycleRow> {
    const [row]: CycleRow[] = await manager.query(
      `SELECT c.id, c.committee_id, m.name AS committee, m.municipality, c.title, c.report_kind, c.year,
              to_char(c.period_end, 'YYYY-MM-DD') AS period_end, NULLIF(c.diary_number, '') AS diary_number
         FROM report_cycle c JOIN committee m ON m.id = c.committee_id WHERE c.id = $1`,
      [cycleId],
    );
    if (!row) throw new DomainError( 'not_found', 'Det som efterfrågades finns inte.');
    return row;
  }

  private async memo(manager: EntityManager, cycleId: string, lock = false): Promise<MemoRow | null> {
    const [row]: MemoRow[] = await manager.query(
      `SELECT mo.id, mo.content, mo.state, mo.version, mo.updated_at, mo.state_changed_at, u.name AS updated_by_name
         FROM memo mo LEFT JOIN app_user u ON u.id = mo.updated_by WHERE mo.cycle_id = $1 ${lock ? 'FOR UPDATE OF mo' : ''}`,
      [cycleId],
    );
    return row ?? null;
  }

  /**
   * Who handed in the memo's round under review (the latest submit of a submitted memo), who acts,
   * and the installation's setting: what separation of duties is decided on.
   */
  private async reviewRound(manager: EntityManager, row: MemoRow | null, actorId: string): Promise<ReviewRound> {
    const [submit]: Array<{ actor_id: string | null }> =
      row?.state === 'submitted'
        ? await manager.query(
            `SELECT actor_id FROM memo_transition WHERE memo_id = $1 AND transition = 'submit' ORDER BY id DESC LIMIT 1`,
            [row.id],
          )
        : [];
    return { submittedBy: submit?.actor_id ?? null, actorId, selfApprovalAllowed: await selfApprovalAllowed(manager) };
  }

  /** The memo actions a person holds on the cycle, translated to the workflow table's actions. */
  private held(grants: readonly RoleGrant[], scope: ResourceScope): Action[] {
    const out: Action[] = [];
    for (const [taskAction, memoAction] of Object.entries(MEMO_ACTION) as Array<[Action, Action]>) {
      if (can(grants, memoAction, scope)) out.push(taskAction);
    }
    return out;
  }

  /**
   * The approved nämnd figures now: the nämnd-level economy section when it is approved, else
   * the nämnd table computed from the approved unit tables (committeeEconomyContent).
   */
  private async approvedFigures(manager: EntityManager, cycleId: string): Promise<{ figures: EconomicFigures | null; section: string | null }> {
    const rows: Array<{ title: string; config: SectionConfig | null; unit_id: string | null; unit_name: string | null; state: TaskState; content: EconomyContent }> =
      await manager.query(
        `SELECT s.title, s.config, t.unit_id, u.name AS unit_name, t.state, t.content
           FROM cycle_section s JOIN task t ON t.section_id = s.id LEFT JOIN organisation_unit u ON u.id = t.unit_id
          WHERE s.cycle_id = $1 AND s.kind = 'economy'
          ORDER BY (t.unit_id IS NULL) DESC, s.sort_order, u.sort_order, u.name`,
        [cycleId],
      );
    const committeeLevel = rows.filter((r) => r.unit_id === null);
    const approvedCommittee = committeeLevel.find((r) => r.state === 'approved' && r.content?.type === 'economy');
    if (approvedCommittee) {
      return { figures: economicFigures(economyConfigOf(approvedCommittee.config), approvedCommittee.content), section: approvedCommittee.title };
    }
    const units = rows.filter((r) => r.unit_id !== null && r.state === 'approved' && r.content?.type === 'economy');
    if (units.length === 0) return { figures: null, section: committeeLevel[0]?.title ?? null };
    const config = economyConfigOf(committeeLevel[0]?.config ?? units[0].config);
    const content = committeeEconomyContent(
      config,
      units.map((r) => ({ unitId: r.unit_id as string, name: r.unit_name ?? '', config: economyConfigOf(r.config), content: r.content })),
    );
    return { figures: economicFigures(config, content), section: committeeLevel[0]?.title ?? null };
  }

  /** The latest frozen report version's nämnd figures, when report versions exist and hold one. */
  private async frozenFigures(manager: EntityManager, cycleId: string, section: string | null): Promise<{ version: number; figures: EconomicFigures } | null> {
    const [exists] = await manager.query(`SELECT to_regclass('public.report_version') IS NOT NULL AS present`);
    if (!exists?.present) return null;
    const [row]: Array<{ number: number; model: DocumentModel }> = await manager.query(
      'SELECT number, model FROM report_version WHERE cycle_id = $1 ORDER BY number DESC LIMIT 1',
      [cycleId],
    );
    if (!row?.model) return null;
    const figures = economyFiguresFromModel(row.model, section ?? undefined);
    return figures ? { version: row.number, figures } : null;
  }

  private draftOptions(cycle: CycleRow) {
    return { committee: cycle.committee, month: MONTHS[Number(cycle.period_end.slice(5, 7)) - 1] ?? '' };
  }

  /** The people who sign: the nämnd's förvaltningschef and förvaltningsekonom, with their titles. */
  private async signatures(manager: EntityManager, committeeId: string): Promise<MemoContent['signatures']> {
    const rows: Array<{ name: string; title: string | null; role: Role }> = await manager.query(
      `SELECT DISTINCT ON (u.id) u.name, NULLIF(u.title, '') AS title, r.role
         FROM role_assignment r JOIN app_user u ON u.id = r.user_id
        WHERE u.active AND r.committee_id = $1 AND r.unit_id IS NULL AND r.role IN ('director', 'economist')
        ORDER BY u.id, r.role DESC`,
      [committeeId],
    );
    const order: Role[] = ['director', 'economist'];
    return rows
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, 'sv'))
      .map((r) => ({ name: r.name, title: r.title ?? ROLE_LABELS[r.role] }));
  }

  /** The memo as it starts: reference 003's parts, prefilled from the cycle, the figures and the people. */
  private async prefill(manager: EntityManager, cycle: CycleRow): Promise<MemoContent> {
    const preparedOn = formatDate(this.clock.now());
    const { figures } = await this.approvedFigures(manager, cycle.id);
    const noun = REPORT_NOUN[cycle.report_kind];
    return {
      title: cycle.title,
      preparedOn,
      proposals: [`${cycle.committee} godkänner ${noun} för ${cycle.year}.`],
      summary: emptyDocument(),
      description: emptyDocument(),
      economicConsequences: draftEconomicConsequences(figures ?? { rows: [], total: { result: null, forecast: null } }, this.draftOptions(cycle)),
      legalConsequences: paragraphs(`${cycle.title} är förenlig med lag (2018:597) om kommunal bokföring och redovisning.`),
      equalityAnalysis: paragraphs(
        'Jämställdhetsanalys utifrån checklista bedöms inte vara tillämpligt i ärendet som är en rapport över nämndens verksamhet.',
      ),
      policyCompliance: paragraphs(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} är förenlig med kommunfullmäktiges mål samt nämndens mål.`),
      attachments: [`Tjänsteskrivelse ${preparedOn}`],
      signatures: await this.signatures(manager, cycle.committee_id),
      distribution: [],
    };
  }

  private facts(cycle: CycleRow, content: MemoContent): MemoFactsDto {
    return {
      preparedOn: content.preparedOn,
      diaryNumber: cycle.diary_number,
      committee: cycle.committee,
      municipality: cycle.municipality,
      cycleTitle: cycle.title,
      report: `${cycle.title} ${cycle.committee}`,
    };
  }

  /** Figures in the text that no longer match: the latest frozen report version's, else the approved ones. */
  private async check(manager: EntityManager, cycle: CycleRow, content: MemoContent): Promise<Pick<MemoDto, 'warnings' | 'figuresSource'>> {
    const approved = await this.approvedFigures(manager, cycle.id);
    const frozen = await this.frozenFigures(manager, cycle.id, approved.section);
    const compareWith = frozen?.figures ?? approved.figures;
    if (!compareWith) return { warnings: [], figuresSource: { kind: 'none' } };
    const warnings = memoFigureWarnings(content.economicConsequences, compareWith, {
      committee: cycle.committee,
      source: frozen ? 'den fastställda rapporten' : 'de godkända siffrorna',
    }).map((w) => w.message);
    return { warnings, figuresSource: frozen ? { kind: 'frozen', version: frozen.version } : { kind: 'approved' } };
  }

  async get(cycleId: string, grants: readonly RoleGrant[], userId: string): Promise<MemoDto> {
    const manager = this.dataSource.manager;
    const cycle = await this.cycle(manager, cycleId);
    const row = await this.memo(manager, cycleId);
    const content = row?.content ?? (await this.prefill(manager, cycle));
    const state: TaskState = row?.state ?? 'not_started';
    const scope: ResourceScope = { committeeId: cycle.committee_id, unitPath: [] };
    const held = this.held(grants, scope);
    const round = await this.reviewRound(manager, row, userId);
    const history: MemoTransitionDto[] = row
      ? (
          await manager.query(
            `SELECT tr.transition, tr.from_state AS "from", tr.to_state AS "to", COALESCE(u.name, 'Okänd') AS "actorName", tr.text, tr.occurred_at AS at
               FROM memo_transition tr LEFT JOIN app_user u ON u.id = tr.actor_id WHERE tr.memo_id = $1 ORDER BY tr.id`,
            [row.id],
          )
        ).map((h: MemoTransitionDto & { at: Date }) => ({ ...h, at: h.at.toISOString() }))
      : [];
    return {
      cycleId,
      content,
      state,
      version: row?.version ?? 0,
      updatedByName: row?.updated_by_name ?? null,
      updatedAt: row?.updated_at.toISOString() ?? null,
      permissions: {
        view: can(grants, 'memo.view', scope),
        edit: held.includes('task.write') && isEditable(state),
        review: held.includes('task.review'),
        reopen: held.includes('task.reopen'),
        // Starting and resuming happen with the first save: the buttons are the other steps.
        transitions: availableTransitions(state, held, round).filter((t) => t !== 'start' && t !== 'resume'),
        selfApprovalRefused: state === 'submitted' && held.includes('task.review') && refusesSelfApproval('approve', round),
      },
      ...(await this.check(manager, cycle, content)),
      facts: this.facts(cycle, content),
      history,
    };
  }

  private async recordTransition(
    manager: EntityManager,
    memoId: string,
    committeeId: string,
    transition: Transition,
    from: TaskState,
    to: TaskState,
    text: string | null,
    version: number,
    actor: MemoActor,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO memo_transition (memo_id, transition, from_state, to_state, actor_id, text) VALUES ($1, $2, $3, $4, $5, $6)',
      [memoId, transition, from, to, actor.userId, text],
    );
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action: `memo.${transition}`,
      entityType: 'memo',
      entityId: memoId,
      committeeId,
      before: { state: from, version },
      after: { state: to, text },
      ip: actor.ip,
    });
  }

  /**
   * Stores the memo's content from the version the edit started from (0: the prefilled draft,
   * not stored yet). Only while the writers hold the pen; a first save starts the draft, a save on
   * a returned or reopened memo resumes it (workflow transitions, recorded as such).
   */
  private async store(
    manager: EntityManager,
    cycle: CycleRow,
    version: number,
    content: MemoContent,
    actor: MemoActor,
    action: string,
  ): Promise<{ version: number; state: TaskState; updatedAt: Date }> {
    const scope: ResourceScope = { committeeId: cycle.committee_id, unitPath: [] };
    const held = this.held(actor.grants, scope);
    let row = await this.memo(manager, cycle.id, true);
    if (!row) {
      if (version !== 0) throw MemoErrors.stale();
      const [created]: Array<{ id: string }> = await manager.query(
        `INSERT INTO memo (cycle_id, content, state, version, created_by, updated_by) VALUES ($1, $2, 'not_started', 0, $3, $3)
         ON CONFLICT (cycle_id) DO NOTHING RETURNING id`,
        [cycle.id, JSON.stringify(content), actor.userId],
      );
      if (!created) throw MemoErrors.stale();
      row = await this.memo(manager, cycle.id, true);
    }
    const current = row as MemoRow;
    if (!isEditable(current.state)) throw MemoErrors.locked(current.state);
    if (current.version !== version) {
      throw new DomainError(
        'version_conflict',
        `${current.updated_by_name ?? 'Någon annan'} har sparat en nyare version medan du skrev. Jämför med den sparade versionen; det du skrev finns kvar i formuläret.`,
        undefined,
        { current: { version: current.version, content: current.content, state: current.state, updatedByName: current.updated_by_name } },
      );
    }
    let state = current.state;
    const start: Transition | null = state === 'not_started' ? 'start' : state === 'returned' || state === 'reopened' ? 'resume' : null;
    if (start) {
      const check = checkTransition(state, start, { allowed: held.includes(WORKFLOW[start].action) });
      if (!check.ok) throw new DomainError(check.code === 'not_allowed' ? 'transition_not_allowed' : check.code, check.message);
      await this.recordTransition(manager, current.id, cycle.committee_id, start, state, check.to, null, current.version, actor);
      state = check.to;
    }
    const [updated] = await changedRows<{ version: number; updated_at: Date }>(
      manager,
      `UPDATE memo SET content = $2, version = version + 1, state = $3::varchar, updated_by = $4, updated_at = now(),
              state_changed_at = CASE WHEN state <> $3::varchar THEN now() ELSE state_changed_at END
        WHERE id = $1 RETURNING version, updated_at`,
      [current.id, JSON.stringify(content), state, actor.userId],
    );
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action,
      entityType: 'memo',
      entityId: current.id,
      committeeId: cycle.committee_id,
      before: { version: current.version },
      after: { version: updated.version },
      ip: actor.ip,
    });
    return { version: updated.version, state, updatedAt: updated.updated_at };
  }

  async save(cycleId: string, version: number, input: unknown, actor: MemoActor): Promise<SaveMemoResponse> {
    const checked = checkMemoContent(input);
    if (!checked.ok) throw MemoErrors.invalid(checked.errors);
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, cycleId);
      const saved = await this.store(manager, cycle, version, checked.content, actor, 'memo.save');
      const { warnings } = await this.check(manager, cycle, checked.content);
      return { version: saved.version, state: saved.state, updatedAt: saved.updatedAt.toISOString(), removed: checked.removed, warnings };
    });
  }

  /** Ekonomiska konsekvenser written again from the current approved figures (the rest of the memo untouched). */
  async redraftEconomy(cycleId: string, version: number, actor: MemoActor): Promise<MemoDto> {
    await this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, cycleId);
      const existing = await this.memo(manager, cycleId, true);
      const content = existing?.content ?? (await this.prefill(manager, cycle));
      const { figures } = await this.approvedFigures(manager, cycleId);
      const redrafted: MemoContent = {
        ...content,
        economicConsequences: draftEconomicConsequences(figures ?? { rows: [], total: { result: null, forecast: null } }, this.draftOptions(cycle)),
      };
      await this.store(manager, cycle, version, redrafted, actor, 'memo.redraft_economy');
    });
    return this.get(cycleId, actor.grants, actor.userId);
  }

  async transition(cycleId: string, body: { transition: Transition; version: number; text?: string }, actor: MemoActor): Promise<MemoDto> {
    await this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, cycleId);
      const row = await this.memo(manager, cycleId, true);
      const state: TaskState = row?.state ?? 'not_started';
      if ((row?.version ?? 0) !== body.version) throw MemoErrors.stale();
      const held = this.held(actor.grants, { committeeId: cycle.committee_id, unitPath: [] });
      const rule = WORKFLOW[body.transition];
      const round = body.transition === 'approve' ? await this.reviewRound(manager, row, actor.userId) : undefined;
      const check = checkTransition(state, body.transition, { allowed: held.includes(rule.action), text: body.text, round });
      if (!check.ok) {
        const message = check.code === 'illegal_transition' ? check.message.replace(/^Uppgiften/, 'Tjänsteskrivelsen') : check.code === 'text_required' && body.transition === 'reopen' ? 'Ange varför tjänsteskrivelsen öppnas igen.' : check.message;
        throw new DomainError(check.code === 'not_allowed' ? 'transition_not_allowed' : check.code, message);
      }
      if (!row) {
        // Only "start" is legal before the first save, and the first save is what starts the draft.
        throw new DomainError( 'illegal_transition', 'Spara tjänsteskrivelsen först; då påbörjas utkastet.');
      }
      const memo = row;
      if (body.transition === 'submit') {
        const complete = checkMemoContent(memo.content, { forSubmit: true });
        if (!complete.ok) throw MemoErrors.incomplete(complete.errors);
      }
      await manager.query('UPDATE memo SET state = $2, version = version + 1, state_changed_at = now() WHERE id = $1', [memo.id, check.to]);
      await this.recordTransition(manager, memo.id, cycle.committee_id, body.transition, state, check.to, body.text?.trim() || null, memo.version, actor);
      if (isSelfApproval(body.transition, round)) {
        // Allowed by the installation's setting, and recorded as what it is: nobody else looked at this round.
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'memo.self_approval',
          entityType: 'memo',
          entityId: memo.id,
          committeeId: cycle.committee_id,
          after: { submittedBy: round?.submittedBy, setting: 'self_approval_allowed' },
          ip: actor.ip,
        });
      }
    });
    return this.get(cycleId, actor.grants, actor.userId);
  }

  /** The memo's document model: draft (UTKAST) unless approved. */
  async model(cycleId: string): Promise<{ model: DocumentModel; cycle: CycleRow }> {
    const manager = this.dataSource.manager;
    const cycle = await this.cycle(manager, cycleId);
    const row = await this.memo(manager, cycleId);
    const content = row?.content ?? (await this.prefill(manager, cycle));
    const status: DocumentStatus =
      row?.state === 'approved'
        ? {
            kind: 'final',
            version: row.version,
            frozenAt: row.state_changed_at.toISOString(),
            checksum: createHash('sha256').update(JSON.stringify(row.content)).digest('hex'),
          }
        : { kind: 'draft', missing: [] };
    const facts = this.facts(cycle, content);
    return {
      cycle,
      model: memoModel(content, { committee: cycle.committee, municipality: cycle.municipality, diaryNumber: cycle.diary_number, report: facts.report, status }),
    };
  }

  /** The memo as a file: name parts for contentDisposition, and the bytes. */
  async document(cycleId: string, format: MemoDocumentFormat): Promise<{ body: Buffer; nameParts: string[] }> {
    const { model, cycle } = await this.model(cycleId);
    const nameParts = ['Tjänsteskrivelse', cycle.title, periodLabel(cycle.report_kind, cycle.period_end)];
    if (format === 'html') return { body: Buffer.from(this.renderer.html(model, 'standalone'), 'utf8'), nameParts };
    if (format === 'docx') return { body: await this.renderer.docx(model), nameParts };
    return { body: await this.renderer.pdf(model), nameParts };
  }
}
