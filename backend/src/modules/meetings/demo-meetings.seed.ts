import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ParticipantRole } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { claimSeedRun } from '../../database/seed-runs';
import { MeetingsRepository } from './meetings.repository';

type DemoParticipant = { name: string; email: string | null; role: ParticipantRole; party: string | null };

/** Fictional nämnd members per demo municipality (the first two have demo logins in Gnesta and Nacka). */
const DEMO_MEETINGS: Record<string, { place: string; chair: string; secretary: string; absenceContact: string; domains: string[]; participants: DemoParticipant[] }> = {
  'Gnesta kommun': {
    place: 'Sammanträdesrum Frösjön, kommunhuset, Gnesta',
    chair: 'Per Ström',
    secretary: 'Maria Holm',
    absenceContact: 'Maria Holm, 0158-275 000, maria.holm@gnesta.example.se',
    domains: ['gnesta.example.se'],
    participants: [
      { name: 'Per Ström', email: 'per.strom@gnesta.example.se', role: 'member', party: 'S' },
      { name: 'Ulla Berg', email: 'ulla.berg@gnesta.example.se', role: 'member', party: 'M' },
      { name: 'Kent Alm', email: 'kent.alm@gnesta.example.se', role: 'member', party: 'C' },
      { name: 'Siv Lönn', email: 'siv.lonn@gnesta.example.se', role: 'member', party: 'SD' },
      { name: 'Bo Ekström', email: 'bo.ekstrom@gnesta.example.se', role: 'member', party: 'V' },
      { name: 'Åsa Hed', email: 'asa.hed@gnesta.example.se', role: 'substitute', party: 'S' },
      { name: 'Leif Nord', email: null, role: 'substitute', party: 'M' },
    ],
  },
  'Nacka kommun': {
    place: 'Nacka stadshus, sammanträdesrum Jelgava',
    chair: 'Hanna Ljung',
    secretary: 'Birgitta Sandberg',
    absenceContact: 'Birgitta Sandberg, 08-718 80 00, birgitta.sandberg@nacka.example.se',
    domains: ['nacka.example.se'],
    participants: [
      { name: 'Hanna Ljung', email: 'hanna.ljung@nacka.example.se', role: 'member', party: 'M' },
      { name: 'Tomas Frid', email: 'tomas.frid@nacka.example.se', role: 'member', party: 'L' },
      { name: 'Nora Sten', email: 'nora.sten@nacka.example.se', role: 'member', party: 'S' },
      { name: 'Ahmed Karimi', email: 'ahmed.karimi@nacka.example.se', role: 'substitute', party: 'S' },
    ],
  },
};

/**
 * The demo's planned meetings: one per demo nämnd on its running cycle's meeting date, with the
 * ledamöter and ersättare, the nämnd's settings, and the cycle's ärende (its tjänsteskrivelse as
 * the first handling, the report added when it is frozen). Once per database.
 */
@Injectable()
export class DemoMeetingsSeeder {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MeetingsRepository,
  ) {}

  async seedOnce(): Promise<boolean> {
    if (!(await claimSeedRun(this.dataSource.manager, 'demo-meetings'))) return false;
    let count = 0;
    // A demo that cannot plan its meetings (e.g. its cycles were not opened) still starts.
    await this.dataSource.transaction(async (manager) => {
      for (const cycle of await this.repository.demoCycles(manager)) {
        const settings = await this.repository.settings(cycle.committee_id, manager);
        const demo = settings ? DEMO_MEETINGS[settings.municipality] : undefined;
        if (!demo) continue;
        await this.repository.saveSettings(cycle.committee_id, 7, demo.absenceContact, demo.domains, manager);
        const meetingId = await this.repository.insert(
          cycle.committee_id,
          { date: cycle.meeting_date, startTime: '13:00', place: demo.place, chairName: demo.chair, secretaryName: demo.secretary },
          null,
          manager,
        );
        if (!meetingId) continue;
        await this.repository.replaceParticipants(meetingId, demo.participants, manager);
        const title = `${cycle.title} för ${cycle.committee.toLowerCase()}`;
        const itemId = await this.repository.insertItem(
          meetingId,
          {
            kind: 'decision',
            title,
            public_title: null,
            diary_number: cycle.diary_number || null,
            presenter: null,
            proposal: [`${cycle.committee} godkänner ${cycle.title.toLowerCase()}.`],
            position: 0,
            secret: false,
            secrecy_reference: null,
            memo_cycle_id: cycle.cycle_id,
          },
          null,
          manager,
        );
        if (itemId) {
          await this.repository.insertDocument(itemId, { kind: 'memo', title: `Tjänsteskrivelse ${title}`, secret: false, secrecyReference: null, cycleId: cycle.cycle_id }, null, manager);
        }
        await this.repository.insertItem(
          meetingId,
          {
            kind: 'notification',
            title: 'Anmälan av delegationsbeslut',
            public_title: null,
            diary_number: null,
            presenter: demo.secretary,
            proposal: ['Nämnden lägger anmälan av delegationsbeslut till handlingarna.'],
            position: 1,
            secret: false,
            secrecy_reference: null,
            memo_cycle_id: null,
          },
          null,
          manager,
        );
        count += 1;
      }
    }).catch((error: Error) => this.logger.warn(`Demo meetings not planned: ${error.message}`));
    this.logger.log(`Seeded ${count} meetings`);
    return true;
  }
}
