/**
 * A Nacka socialnämnd kallelse for the tests: six ärenden in the secretary's mixed order (numberAgenda
 * puts the decisions first), one of them secret, and a rättelse. Test code only.
 */
import { numberAgenda, type AgendaItemKind } from '@rapportflode/domain';
import type { KallelseInput, KallelseItem } from '../src/lib/kallelse-model';

interface Entry {
  id: string;
  kind: AgendaItemKind;
  position: number;
  title: string;
  publicTitle?: string;
  secret?: boolean;
  proposal?: string[];
  documents?: string[];
  presenter?: string;
  diaryNumber?: string;
}

// The secretary's order, deliberately mixed: numberAgenda puts the decisions first.
const ENTRIES: Entry[] = [
  { id: 'info', kind: 'information', position: 1, title: 'Information om läget i hemtjänsten', presenter: 'Per Holm, enhetschef' },
  {
    id: 'delar',
    kind: 'decision',
    position: 2,
    title: 'Delårsrapport 2026',
    diaryNumber: 'SN 2026/112',
    presenter: 'Anna Berg, förvaltningschef',
    proposal: ['Socialnämnden godkänner delårsrapporten för 2026.', 'Delårsrapporten överlämnas till kommunstyrelsen.'],
    documents: ['Tjänsteskrivelse 2026-11-20', 'Delårsrapport 2026', 'Bilaga 1 Sjukfrånvaro per enhet'],
  },
  { id: 'deleg', kind: 'delegation', position: 1, title: 'Anmälan av delegationsbeslut november 2026', documents: ['Delegationslista november 2026'] },
  {
    id: 'sekret',
    kind: 'decision',
    position: 3,
    title: 'Ansökan om vård enligt LVU för Kalle Svensson',
    publicTitle: 'Ärende enligt LVU',
    secret: true,
    diaryNumber: 'SN 2026/130',
    presenter: 'Eva Lind, socialsekreterare',
    proposal: ['Socialnämnden ansöker hos förvaltningsrätten om vård enligt 2 § LVU.'],
    documents: ['Utredning 2026-11-30 Kalle Svensson'],
  },
  { id: 'avgift', kind: 'decision', position: 1, title: 'Avgifter för äldreomsorgen 2027 & "maxtaxa" <ny>', proposal: ['Socialnämnden fastställer avgifterna.'] },
  { id: 'skr', kind: 'notification', position: 2, title: 'Skrivelse från pensionärsrådet' },
];

export function kallelseItems(audience: KallelseInput['audience']): KallelseItem[] {
  return numberAgenda(ENTRIES).map((e) => {
    const hidden = audience === 'public' && e.secret;
    return {
      number: e.number,
      kind: e.kind,
      title: hidden ? (e.publicTitle ?? '') : e.title,
      diaryNumber: e.diaryNumber ?? null,
      presenter: e.presenter ?? null,
      proposal: e.proposal ?? [],
      documents: hidden ? (e.documents ?? []).map(() => 'Handling med sekretess (26 kap. 1 § OSL)') : (e.documents ?? []),
      secret: e.secret ?? false,
      secrecyReference: e.secret ? '26 kap. 1 § OSL' : null,
      paragraphPreview: e.id === 'delar' ? 123 : null,
    };
  });
}

export const kallelseInput: KallelseInput = {
  committee: 'Socialnämnden',
  municipality: 'Nacka kommun',
  meetingDate: '2026-12-15',
  startTime: '13:00',
  place: 'Sammanträdesrum Jelgava, Nacka stadshus, Granitvägen 15',
  chair: 'Lena Ahl',
  secretary: 'Maria Ek',
  absenceContact: 'Maria Ek, 08-718 80 00, maria.ek@nacka.se',
  diaryNumber: 'SN 2026/140',
  version: 2,
  correction: { reason: 'Ärende 4 har fått en ny handling.', date: '2026-12-08' },
  audience: 'internal',
  status: { kind: 'final', version: 1, frozenAt: '2026-12-08T09:00:00.000Z', checksum: '0123456789abcdef' },
};
