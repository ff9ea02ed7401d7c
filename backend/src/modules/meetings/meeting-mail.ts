import { AGENDA_SECTIONS, meetingTimeInWords } from '@rapportflode/domain';

export interface MeetingMessage {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A mail's text and HTML: greeting, paragraphs, an optional list, paragraphs after it, the link. */
function message(
  subject: string,
  greeting: string,
  paragraphs: readonly string[],
  list: readonly string[],
  link: { url: string; text: string },
  after: readonly string[] = [],
): MeetingMessage {
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...list.map((l) => `  ${l}`),
    ...(list.length ? [''] : []),
    ...after.flatMap((p) => [p, '']),
    `${link.text}: ${link.url}`,
    '',
    'Rapportflöde',
  ].join('\n');
  const html = `<!doctype html><html lang="sv"><body>
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${list.length ? `<ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : ''}
${after.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.text)}</a></p>
<p>Rapportflöde</p>
</body></html>`;
  return { subject, text, html };
}

export interface KallelseMailFacts {
  recipientName: string;
  committee: string;
  date: string;
  startTime: string;
  place: string;
  version: number;
  reason: string | null;
  /** The public titles of secret ärenden: a mail is not the place for secret titles. */
  items: ReadonlyArray<{ number: number; title: string; section: string }>;
  absenceContact: string | null;
  url: string;
}

/** The kallelse mail to one ledamot or ersättare: when and where, the list, the link to the handlingar. */
export function kallelseMessage(f: KallelseMailFacts): MeetingMessage {
  const when = meetingTimeInWords(f.date, f.startTime);
  const correction = f.version > 1;
  const subject = `${correction ? 'Rättelse: kallelse' : 'Kallelse'} till ${f.committee} ${when}`;
  const paragraphs = [
    ...(correction ? [`Kallelsen har ändrats (version ${f.version}): ${f.reason ?? ''}`.trim()] : []),
    `Du kallas till ${f.committee}s sammanträde ${when}, ${f.place}.`,
    'Föredragningslista:',
  ];
  const list = AGENDA_SECTIONS.flatMap((s) => f.items.filter((i) => i.section === s.key).map((i) => `${i.number}. ${i.title}`));
  const after = [f.absenceContact ? `Förhinder anmäls till ${f.absenceContact}.` : 'Anmäl förhinder med knappen på sammanträdets sida.'];
  return message(subject, `Hej ${f.recipientName}!`, paragraphs, list, { url: f.url, text: 'Kallelse och handlingar' }, after);
}

export interface AbsenceMailFacts {
  recipientName: string;
  memberName: string;
  committee: string;
  date: string;
  startTime: string;
  message: string | null;
  url: string;
}

/** A ledamot's förhinder, to the secretaries, so that an ersättare can be called. */
export function absenceMessage(f: AbsenceMailFacts): MeetingMessage {
  const when = meetingTimeInWords(f.date, f.startTime);
  return message(
    `Förhinder: ${f.memberName}, ${f.committee} ${when}`,
    `Hej ${f.recipientName}!`,
    [`${f.memberName} har anmält förhinder till ${f.committee}s sammanträde ${when}.`, ...(f.message ? [`Meddelande: ${f.message}`] : []), 'Kalla en ersättare vid behov.'],
    [],
    { url: f.url, text: 'Sammanträdet' },
  );
}

export interface DeadlineMailFacts {
  recipientName: string;
  committee: string;
  date: string;
  startTime: string;
  deadline: string;
  url: string;
}

/** The kallelse's last day has come and it has not gone out. */
export function deadlineMessage(f: DeadlineMailFacts): MeetingMessage {
  const when = meetingTimeInWords(f.date, f.startTime);
  return message(
    `Kallelsen till ${f.committee} ${when} är inte skickad`,
    `Hej ${f.recipientName}!`,
    [`Kallelsen till ${f.committee}s sammanträde ${when} ska vara utskickad senast i dag, ${f.deadline}, men har inte gått ut ännu.`],
    [],
    { url: f.url, text: 'Skicka kallelsen' },
  );
}
