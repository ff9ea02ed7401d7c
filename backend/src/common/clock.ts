import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service';

/**
 * "Now", for everything that schedules by the calendar (reminders). The real time shifted by
 * CLOCK_OFFSET_MS (0 in production); tests move it with setOffsetMs/setNow so that a reminder
 * due at 08:00 on a given day becomes due in a second, with BullMQ's own delays untouched.
 * A job's delay is always computed as dueAt − clock.now(), so it fires in real time exactly
 * when this clock reaches dueAt.
 */
@Injectable()
export class Clock {
  private offsetMs: number;

  constructor(config: AppConfig) {
    this.offsetMs = config.get('CLOCK_OFFSET_MS') ?? 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Tests: shift the clock; several processes given the same offset agree on "now". */
  setOffsetMs(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  /** Tests: let the clock say `instant` now (and run on from there). */
  setNow(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }
}
