import { Module } from '@nestjs/common';
import { CycleHeaders } from './cycle-headers';
import { CyclesRepository } from './cycles.repository';

/**
 * CycleHeaders on its own, for modules that only need to know which cycle they are about
 * (memos, reports): CyclesModule imports tasks and reminders, this imports nothing.
 * CyclesModule takes its repository from here.
 */
@Module({ providers: [CyclesRepository, CycleHeaders], exports: [CycleHeaders, CyclesRepository] })
export class CycleHeadersModule {}
