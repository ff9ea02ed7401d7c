import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { SMTPServer } from 'smtp-server';
import { parseMail, parseSimpleMail } from './mail-parse';

type Message = { subject?: string; text?: string; html?: string; textEncoding?: 'quoted-printable' | 'base64' };

const longLine = 'Avsnittet ska lämnas in senast fredag, och i dag är sista arbetsdagen före den dagen. '.repeat(12);
const messages: Record<string, Message> = {
  'Swedish text and HTML': {
    subject: 'Påminnelse: 2.3 Ekonomisk uppföljning (Enhet för äldreomsorg) ska lämnas in senast 8 maj',
    text: 'Hej Åsa Öberg!\n\nI dag är sista dagen.\n\nÖppna uppgiften: http://localhost/uppgifter/1\n',
    html: '<!doctype html>\n<html lang="sv"><body><p>Hej Åsa Öberg!</p><p>I dag är <strong>sista</strong> dagen.</p></body></html>',
  },
  'long lines, quoted-printable': { subject: `Försenad: ${'å'.repeat(40)} ä ö`, text: longLine, html: `<p>${longLine}</p>` },
  'plain ASCII': { subject: 'Password reset', text: 'Hello\nthere', html: '<p>Hello</p>' },
  'text only': { subject: 'Väntar på granskning', text: 'Bara text, å ä ö.\r\nRad två = lika med, tabb\tslut   \n' },
  'HTML only': { subject: 'Bara HTML', html: '<p>Hej <b>världen</b> å ä ö</p>' },
  'base64 parts': { subject: 'Ö'.repeat(30), text: 'åäö'.repeat(200), html: '<p>åäö</p>'.repeat(50), textEncoding: 'base64' },
  'empty text': { subject: '', text: '' },
  'special characters in the subject': { subject: 'Fråga? =?x?= _under_ "citat" = lika ✓ 😀', text: 'x', html: '<p>x</p>' },
  'no subject': { text: 'utan ämne' },
  'dots and long words': { subject: 'a'.repeat(200), text: '.\n..\n.start\n' + 'x'.repeat(2000), html: '.\n<p>.</p>' },
};

/** The message as nodemailer's SMTP transport sends it: line breaks CRLF. */
async function compose(message: Message): Promise<Buffer> {
  const raw = await new MailComposer({ from: 'Rapportflöde <rf@example.se>', to: 'Åsa <asa@example.se>', ...message }).compile().build();
  return Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

async function expected(raw: Buffer) {
  const parsed = await simpleParser(raw);
  return {
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    confidential: parsed.headers.has('x-rapportflode-confidential'),
  };
}

describe('parseMail', () => {
  it.each(Object.entries(messages))('gives what simpleParser gives: %s', async (_name, message) => {
    const raw = await compose(message);
    expect(await parseMail(raw)).toEqual(await expected(raw));
  });

  it.each(Object.entries(messages))('gives what simpleParser gives with bare LF line breaks too: %s', async (_name, message) => {
    const raw = await new MailComposer({ from: 'rf@example.se', to: 'asa@example.se', ...message }).compile().build();
    expect(await parseMail(raw)).toEqual(await expected(raw));
  });

  it('reads the confidential mark of a reset mail on both paths, and no mark as not confidential', async () => {
    const headers = { 'X-Rapportflode-Confidential': 'yes' };
    const marked = await new MailComposer({ subject: 'Återställ', text: 'länk', html: '<p>länk</p>', headers }).compile().build();
    expect(parseSimpleMail(marked)).toMatchObject({ confidential: true });
    const withAttachment = await new MailComposer({ subject: 'x', text: 'y', headers, attachments: [{ filename: 'a.txt', content: 'å' }] })
      .compile()
      .build();
    expect(parseSimpleMail(withAttachment)).toBeNull();
    expect(await parseMail(withAttachment)).toMatchObject({ confidential: true });
    expect(await parseMail(await compose(messages['text only']))).toMatchObject({ confidential: false });
  });

  it('parses nodemailer text+HTML messages itself, and leaves an HTML-only one to simpleParser', async () => {
    expect(parseSimpleMail(await compose(messages['Swedish text and HTML']))).not.toBeNull();
    expect(parseSimpleMail(await compose(messages['long lines, quoted-printable']))).not.toBeNull();
    expect(parseSimpleMail(await compose(messages['text only']))).not.toBeNull();
    expect(parseSimpleMail(await compose(messages['base64 parts']))).not.toBeNull();
    expect(parseSimpleMail(await compose(messages['HTML only']))).toBeNull();
  });

  it('leaves attachments, other charsets and odd encodings to simpleParser, with the same result', async () => {
    const raws = [
      await new MailComposer({ subject: 'Bilaga', text: 'se bilagan', attachments: [{ filename: 'a.txt', content: 'å' }] }).compile().build(),
      Buffer.from('Subject: =?ISO-8859-1?Q?=E5=E4=F6?=\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nH=E4j\r\n', 'latin1'),
      Buffer.from('Subject: a =?UTF-8?Q?=C3=A5?= b =?UTF-8?B?w6Q=?=\r\nContent-Type: text/plain; format=flowed\r\n\r\nrad \r\nett\r\n', 'latin1'),
      Buffer.from('Subject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ntrasig =Z escape  \r\n', 'latin1'),
      Buffer.from('Subject: no type\r\n\r\nbody\r\n', 'latin1'),
    ];
    for (const raw of raws) expect(await parseMail(raw)).toEqual(await expected(raw));
  });

  it('decodes subjects exactly as simpleParser, for many Swedish subjects', async () => {
    const words = ['Påminnelse:', 'Försenad:', 'Väntar', 'på', 'granskning', '2.3', 'Ekonomisk', 'uppföljning', '(Enhet', 'för', 'äldreomsorg)', 'ÅÄÖ', 'ska', 'lämnas', 'in', 'senast', '8', 'maj', '–', '€', '"x"', 'a_b', '=', '?'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 150; i++) {
      const subject = Array.from({ length: 1 + Math.floor(random() * 25) }, () => words[Math.floor(random() * words.length)]).join(' ');
      const raw = await compose({ subject, text: subject, html: `<p>${subject}</p>` });
      const fast = parseSimpleMail(raw);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(await expected(raw));
    }
  });

  it('gives what simpleParser gives for the bytes an SMTP server receives from nodemailer', async () => {
    const received: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createTransport({ host: '127.0.0.1', port: (server.server.address() as AddressInfo).port });
    try {
      for (const message of Object.values(messages)) await transport.sendMail({ from: 'rf@example.se', to: 'asa@example.se', ...message });
    } finally {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(received).toHaveLength(Object.keys(messages).length);
    for (const raw of received) expect(await parseMail(raw)).toEqual(await expected(raw));
    expect(received.filter((raw) => parseSimpleMail(raw) !== null).length).toBeGreaterThanOrEqual(Object.keys(messages).length - 2);
  });
});
