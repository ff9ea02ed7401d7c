import { SWEDISH_TIME_ZONE } from './format';

const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: SWEDISH_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Who saved the version a stale save ran into, and when. */
export interface StaleSaveBy {
  /** The saver is the person whose save was refused (another tab or window). */
  sameUser: boolean;
  savedByName: string | null;
  savedAt: string | Date | null;
}

/**
 * The sentence a stale save is told with, backend and frontend alike: the same person in another
 * tab hears so; anyone else is named, with the time of their save (Stockholm time).
 */
export function staleSaveHeading({ sameUser, savedByName, savedAt }: StaleSaveBy): string {
  if (sameUser) return 'Du har sparat en nyare version i en annan flik eller ett annat fönster';
  const at = savedAt ? new Date(savedAt) : null;
  const time = at && !Number.isNaN(at.getTime()) ? ` kl. ${clock.format(at)}` : '';
  return `${savedByName ?? 'Någon annan'} har sparat en nyare version${time}`;
}
