import { Injectable } from '@nestjs/common';
import {
  draftEconomicConsequences,
  type EconomicFigures,
  emptyDocument,
  formatDate,
  type MemoContent,
  monthName,
  type ReportKind,
  type RichTextDocument,
  type Role,
  ROLE_LABELS,
} from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { CycleHeader } from '../cycles/cycle-headers';
import { EconomyInputs } from '../tasks/economy-inputs';
import { MemosRepository } from './memos.repository';

/** What the nämnd approves, in the proposal's words (reference 003: "godkänner delårsrapporten för 2021"). */
const REPORT_NOUN: Readonly<Record<ReportKind, string>> = {
  interim_report: 'delårsrapporten',
  tertial_report: 'tertialrapporten',
  annual_report: 'årsredovisningen',
  monthly_report: 'månadsuppföljningen',
};

/** Definite endings of the nouns reports are titled with: `Tertialbokslut` → `tertialbokslutet`. */
const DEFINITE_ENDINGS: ReadonlyArray<[RegExp, string]> = [
  [/bokslut$/, 'et'],
  [/(rapport|uppföljning|redovisning|sammanställning|översikt)$/, 'en'],
  [/berättelse$/, 'n'],
];

/**
 * What the nämnd approves, named as the cycle is titled (`Tertialbokslut 2 2021` → `tertialbokslutet`,
 * `Delårsrapport 2014` → `delårsrapporten`); the report kind's noun when the title names none.
 */
export function reportNoun(title: string, kind: ReportKind): string {
  for (const word of title.toLocaleLowerCase('sv-SE').split(/[^a-zåäöéü]+/)) {
    const ending = DEFINITE_ENDINGS.find(([suffix]) => suffix.test(word));
    if (ending) return `${word}${ending[1]}`;
  }
  return REPORT_NOUN[kind];
}

const NO_FIGURES: EconomicFigures = { rows: [], total: { result: null, forecast: null } };

function paragraphs(...texts: string[]): RichTextDocument {
  return { type: 'doc', version: 1, content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** The tjänsteskrivelse as it starts, and its Ekonomiska konsekvenser drafted from the approved figures. */
@Injectable()
export class MemoDrafts {
  constructor(
    private readonly repository: MemosRepository,
    private readonly economy: EconomyInputs,
    private readonly clock: Clock,
  ) {}

  /** Ekonomiska konsekvenser written from the cycle's approved nämnd figures now. */
  async economicConsequences(manager: EntityManager, cycle: CycleHeader): Promise<RichTextDocument> {
    const figures = await this.economy.approvedFigures(cycle.id, manager);
    return draftEconomicConsequences(figures ?? NO_FIGURES, { committee: cycle.committee, month: monthName(cycle.periodEnd) });
  }

  /** The memo as it starts: reference 003's parts, prefilled from the cycle, the figures and the people. */
  async prefill(manager: EntityManager, cycle: CycleHeader): Promise<MemoContent> {
    const preparedOn = formatDate(this.clock.now());
    const noun = reportNoun(cycle.title, cycle.reportKind);
    return {
      title: cycle.title,
      preparedOn,
      proposals: [`${cycle.committee} godkänner ${noun} för ${cycle.year}.`],
      summary: emptyDocument(),
      description: emptyDocument(),
      economicConsequences: await this.economicConsequences(manager, cycle),
      legalConsequences: paragraphs(`${cycle.title} är förenlig med lag (2018:597) om kommunal bokföring och redovisning.`),
      equalityAnalysis: paragraphs(
        'Jämställdhetsanalys utifrån checklista bedöms inte vara tillämpligt i ärendet som är en rapport över nämndens verksamhet.',
      ),
      policyCompliance: paragraphs(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} är förenlig med kommunfullmäktiges mål samt nämndens mål.`),
      attachments: [`Tjänsteskrivelse ${preparedOn}`],
      signatures: await this.signatures(manager, cycle.committeeId),
      distribution: [],
    };
  }

  /** The people who sign: the nämnd's förvaltningschef and förvaltningsekonom, with their titles. */
  private async signatures(manager: EntityManager, committeeId: string): Promise<MemoContent['signatures']> {
    const rows = await this.repository.signatories(committeeId, manager);
    const order: Role[] = ['director', 'economist'];
    return rows
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, 'sv'))
      .map((r) => ({ name: r.name, title: r.title ?? ROLE_LABELS[r.role] }));
  }
}
