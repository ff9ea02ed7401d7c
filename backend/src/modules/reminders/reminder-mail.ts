import type { ReminderKind } from '@rapportflode/domain';

/** Everything a reminder's texts say, resolved when it is sent. */
export interface ReminderFacts {
  kind: ReminderKind;
  offset: number;
  taskId: string;
  sectionNumber: string;
  sectionTitle: string;
  unitName: string | null;
  cycleTitle: string;
  committeeName: string;
  /** The deadline, YYYY-MM-DD. */
  deadline: string;
  /** The working day the reminder is for, YYYY-MM-DD (a due reminder for a deadline on a holiday comes the working day before). */
  dueDate: string;
  /** When the task was submitted (review nudge). */
  submittedAt: Date | null;
  recipientName: string;
  contacts: ReadonlyArray<{ name: string; email: string }>;
  publicUrl: string;
}

export interface ReminderMessage {
  subject: string;
  /** The one sentence that says what is due (the digest lists these). */
  lead: string;
  /** The in-app notification's text. */
  notice: string;
  text: string;
  html: string;
}

const DAY_MONTH = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const FULL_DATE = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const STOCKHOLM_DAY_MONTH = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'Europe/Stockholm' });

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const workingDays = (n: number) => `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The Swedish e-mail (subject, plain text, HTML) and in-app text of one reminder. */
export function reminderMessage(facts: ReminderFacts): ReminderMessage {
  const what = `${facts.sectionNumber} ${facts.sectionTitle} (${facts.unitName ?? 'nämndnivå'})`;
  const day = DAY_MONTH.format(asDate(facts.deadline));
  const fullDay = FULL_DATE.format(asDate(facts.deadline));
  const submittedDay = facts.submittedAt ? STOCKHOLM_DAY_MONTH.format(facts.submittedAt) : '';
  let subject: string;
  let lead: string;
  switch (facts.kind) {
    case 'before':
      subject = `Påminnelse: ${what} ska lämnas in senast ${day}`;
      lead = `Avsnittet ${what} ska lämnas in om ${workingDays(facts.offset)}, senast ${fullDay}.`;
      break;
    case 'due':
      subject = `Påminnelse: ${what} ska lämnas in senast ${day}`;
      lead =
        facts.dueDate === facts.deadline
          ? `I dag, ${fullDay}, är sista dagen att lämna in avsnittet ${what}.`
          : `Avsnittet ${what} ska lämnas in senast ${fullDay}, och i dag är sista arbetsdagen före den dagen.`;
      break;
    case 'late':
      subject = `Försenad: ${what} skulle ha lämnats in senast ${day}`;
      lead = `Avsnittet ${what} skulle ha lämnats in senast ${fullDay} och är ${workingDays(facts.offset)} försenat.`;
      break;
    case 'review_nudge':
      subject = `Väntar på granskning: ${what} lämnades in ${submittedDay}`;
      lead = `Avsnittet ${what} lämnades in ${submittedDay} och har väntat på granskning i ${workingDays(facts.offset)}.`;
      break;
  }
  const link = `${facts.publicUrl}/uppgifter/${facts.taskId}`;
  const contact = facts.contacts.length
    ? `Frågor? Kontakta nämndsekreteraren ${facts.contacts.map((c) => `${c.name} (${c.email})`).join(' eller ')}.`
    : 'Frågor? Kontakta nämndens sekreterare.';
  const facts_ = [
    ['Rapport', `${facts.cycleTitle}, ${facts.committeeName}`],
    ['Avsnitt', `${facts.sectionNumber} ${facts.sectionTitle}`],
    ['Enhet', facts.unitName ?? 'Nämndnivå'],
    ['Sista dag', fullDay],
  ] as const;
  const text = [
    `Hej ${facts.recipientName}!`,
    '',
    lead,
    '',
    ...facts_.map(([label, value]) => `${label}: ${value}`),
    '',
    `Öppna uppgiften: ${link}`,
    '',
    contact,
    '',
    'Det här är en automatisk påminnelse från Rapportflöde.',
  ].join('\n');
  const contactHtml = facts.contacts.length
    ? `Frågor? Kontakta nämndsekreteraren ${facts.contacts
        .map((c) => `${escapeHtml(c.name)} (<a href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>)`)
        .join(' eller ')}.`
    : 'Frågor? Kontakta nämndens sekreterare.';
  const html = `<!doctype html>
<html lang="sv"><body style="font-family: Arial, sans-serif; color: #1a1a1a">
<p>Hej ${escapeHtml(facts.recipientName)}!</p>
<p>${escapeHtml(lead)}</p>
<table style="border-collapse: collapse">${facts_
    .map(([label, value]) => `<tr><th style="text-align: left; padding-right: 1em">${label}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('')}</table>
<p><a href="${escapeHtml(link)}">Öppna uppgiften i Rapportflöde</a></p>
<p>${contactHtml}</p>
<p style="color: #555">Det här är en automatisk påminnelse från Rapportflöde.</p>
</body></html>`;
  return { subject, lead, notice: subject, text, html };
}

/** One reminder in a daily digest: its lead sentence and where it belongs. */
export interface DigestItem {
  lead: string;
  taskId: string;
  cycleTitle: string;
  committeeName: string;
}

/**
 * The daily digest: one Swedish e-mail listing the reminders that went out for a person since
 * the last digest, each with its link, in the order they fell due.
 */
export function digestMessage(input: {
  recipientName: string;
  items: readonly DigestItem[];
  contacts: ReadonlyArray<{ name: string; email: string }>;
  publicUrl: string;
}): { subject: string; text: string; html: string } {
  const { items, publicUrl } = input;
  const subject = `Dagens påminnelser från Rapportflöde: ${items.length} avsnitt`;
  const link = (item: DigestItem) => `${publicUrl}/uppgifter/${item.taskId}`;
  const settings = `${publicUrl}/notiser`;
  const contact = input.contacts.length
    ? `Frågor? Kontakta nämndsekreteraren ${input.contacts.map((c) => `${c.name} (${c.email})`).join(' eller ')}.`
    : 'Frågor? Kontakta nämndens sekreterare.';
  const text = [
    `Hej ${input.recipientName}!`,
    '',
    items.length === 1 ? 'Här är dagens påminnelse:' : `Här är dagens ${items.length} påminnelser:`,
    '',
    ...items.flatMap((item, i) => [
      `${i + 1}. ${item.lead}`,
      `   Rapport: ${item.cycleTitle}, ${item.committeeName}`,
      `   Öppna uppgiften: ${link(item)}`,
      '',
    ]),
    contact,
    '',
    `Du får påminnelserna samlade en gång per arbetsdag. Ändra det under Notiser: ${settings}`,
    '',
    'Det här är en automatisk sammanfattning från Rapportflöde.',
  ].join('\n');
  const contactHtml = input.contacts.length
    ? `Frågor? Kontakta nämndsekreteraren ${input.contacts
        .map((c) => `${escapeHtml(c.name)} (<a href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>)`)
        .join(' eller ')}.`
    : 'Frågor? Kontakta nämndens sekreterare.';
  const html = `<!doctype html>
<html lang="sv"><body style="font-family: Arial, sans-serif; color: #1a1a1a">
<p>Hej ${escapeHtml(input.recipientName)}!</p>
<p>${items.length === 1 ? 'Här är dagens påminnelse:' : `Här är dagens ${items.length} påminnelser:`}</p>
<ol>${items
    .map(
      (item) =>
        `<li><p>${escapeHtml(item.lead)}<br>Rapport: ${escapeHtml(`${item.cycleTitle}, ${item.committeeName}`)}<br><a href="${escapeHtml(link(item))}">Öppna uppgiften i Rapportflöde</a></p></li>`,
    )
    .join('')}</ol>
<p>${contactHtml}</p>
<p style="color: #555">Du får påminnelserna samlade en gång per arbetsdag. <a href="${escapeHtml(settings)}">Ändra det under Notiser</a>.</p>
<p style="color: #555">Det här är en automatisk sammanfattning från Rapportflöde.</p>
</body></html>`;
  return { subject, text, html };
}

/** What the mail about a return (or reopening) says. */
export interface ReturnFacts {
  kind: 'returned' | 'reopened';
  taskId: string;
  sectionNumber: string;
  sectionTitle: string;
  unitName: string | null;
  cycleTitle: string;
  committeeName: string;
  actorName: string;
  reason: string | null;
  recipientName: string;
  publicUrl: string;
}

/** The Swedish e-mail of a return or reopening: who did it and why, with the link to the task. */
export function returnMessage(facts: ReturnFacts): ReminderMessage {
  const what = `${facts.sectionNumber} ${facts.sectionTitle} (${facts.unitName ?? 'nämndnivå'})`;
  const done = facts.kind === 'returned' ? 'återremitterat' : 'öppnat igen';
  const subject = facts.kind === 'returned' ? `Återremitterad: ${what}` : `Öppnad igen: ${what}`;
  const lead = `${facts.actorName} har ${done} avsnittet ${what}: ${facts.reason ?? ''}`.trim();
  const link = `${facts.publicUrl}/uppgifter/${facts.taskId}`;
  const text = [
    `Hej ${facts.recipientName}!`,
    '',
    `${facts.actorName} har ${done} avsnittet ${what}.`,
    '',
    `${facts.kind === 'returned' ? 'Kommentar' : 'Anledning'}: ${facts.reason ?? ''}`,
    '',
    `Rapport: ${facts.cycleTitle}, ${facts.committeeName}`,
    `Öppna uppgiften: ${link}`,
    '',
    'Det här är ett automatiskt meddelande från Rapportflöde.',
  ].join('\n');
  const html = `<!doctype html>
<html lang="sv"><body style="font-family: Arial, sans-serif; color: #1a1a1a">
<p>Hej ${escapeHtml(facts.recipientName)}!</p>
<p>${escapeHtml(`${facts.actorName} har ${done} avsnittet ${what}.`)}</p>
<blockquote style="border-left: 3px solid #999; margin-left: 0; padding-left: 0.75em; white-space: pre-wrap">${escapeHtml(facts.reason ?? '')}</blockquote>
<p>Rapport: ${escapeHtml(`${facts.cycleTitle}, ${facts.committeeName}`)}<br><a href="${escapeHtml(link)}">Öppna uppgiften i Rapportflöde</a></p>
<p style="color: #555">Det här är ett automatiskt meddelande från Rapportflöde.</p>
</body></html>`;
  return { subject, lead, notice: subject, text, html };
}

/** What the manual reminder ("Skicka påminnelse nu") says. */
export interface ManualReminderFacts {
  taskId: string;
  sectionNumber: string;
  sectionTitle: string;
  unitName: string | null;
  cycleTitle: string;
  committeeName: string;
  /** The deadline, YYYY-MM-DD. */
  deadline: string;
  /** Days late today, as the overview counts them (0: not late yet). */
  daysLate: number;
  /** Who sent it (the secretary). */
  actorName: string;
  actorEmail: string | null;
  recipientName: string;
  publicUrl: string;
}

/** The Swedish e-mail of a manual reminder: who asks, how late the section is, the link to the task. */
export function manualReminderMessage(facts: ManualReminderFacts): ReminderMessage {
  const what = `${facts.sectionNumber} ${facts.sectionTitle} (${facts.unitName ?? 'nämndnivå'})`;
  const day = DAY_MONTH.format(asDate(facts.deadline));
  const fullDay = FULL_DATE.format(asDate(facts.deadline));
  const subject =
    facts.daysLate > 0 ? `Påminnelse: ${what} skulle ha lämnats in senast ${day}` : `Påminnelse: ${what} ska lämnas in senast ${day}`;
  const lead =
    facts.daysLate > 0
      ? `${facts.actorName} påminner om att avsnittet ${what} skulle ha lämnats in senast ${fullDay} och är ${facts.daysLate} ${facts.daysLate === 1 ? 'dag' : 'dagar'} försenat.`
      : `${facts.actorName} påminner om att avsnittet ${what} ska lämnas in senast ${fullDay}.`;
  const link = `${facts.publicUrl}/uppgifter/${facts.taskId}`;
  const contact = facts.actorEmail ? `Frågor? Kontakta ${facts.actorName} (${facts.actorEmail}).` : `Frågor? Kontakta ${facts.actorName}.`;
  const rows = [
    ['Rapport', `${facts.cycleTitle}, ${facts.committeeName}`],
    ['Avsnitt', `${facts.sectionNumber} ${facts.sectionTitle}`],
    ['Enhet', facts.unitName ?? 'Nämndnivå'],
    ['Sista dag', fullDay],
  ] as const;
  const text = [
    `Hej ${facts.recipientName}!`,
    '',
    lead,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `Öppna uppgiften: ${link}`,
    '',
    contact,
    '',
    'Det här meddelandet skickades från Rapportflöde.',
  ].join('\n');
  const contactHtml = facts.actorEmail
    ? `Frågor? Kontakta ${escapeHtml(facts.actorName)} (<a href="mailto:${escapeHtml(facts.actorEmail)}">${escapeHtml(facts.actorEmail)}</a>).`
    : `Frågor? Kontakta ${escapeHtml(facts.actorName)}.`;
  const html = `<!doctype html>
<html lang="sv"><body style="font-family: Arial, sans-serif; color: #1a1a1a">
<p>Hej ${escapeHtml(facts.recipientName)}!</p>
<p>${escapeHtml(lead)}</p>
<table style="border-collapse: collapse">${rows
    .map(([label, value]) => `<tr><th style="text-align: left; padding-right: 1em">${label}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('')}</table>
<p><a href="${escapeHtml(link)}">Öppna uppgiften i Rapportflöde</a></p>
<p>${contactHtml}</p>
<p style="color: #555">Det här meddelandet skickades från Rapportflöde.</p>
</body></html>`;
  return { subject, lead, notice: lead, text, html };
}
