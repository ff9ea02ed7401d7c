import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { AppConfig } from '../../config/app-config.service';
import { parseMail } from './mail-parse';
import { CapturedMailInsert, MailRepository } from './mail.repository';

/** Messages larger than this are refused at SMTP (552), as a real server would. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** At most this many messages go into captured_mail with one INSERT. */
const MAX_BATCH = 50;

/** What the catcher keeps of one received message. */
export type CaughtMail = CapturedMailInsert;

/** Cuts a value to a column's length. */
function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

interface Waiting {
  mail: CaughtMail;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The embedded SMTP server (MAIL_CATCHER=on): listens on 127.0.0.1 only, accepts any sender and
 * recipient without authentication, parses each message (text and HTML parts) and keeps it in
 * captured_mail. Mail really travels through SMTP to it, so the sending path is the production
 * one, and nothing leaves the machine.
 *
 * It shares its process with the reminder worker, so it is kept cheap: a message is parsed from
 * its bytes directly (parseMail, simpleParser only for what that does not recognise), and the
 * messages that arrive together are written with one INSERT; each is acknowledged at SMTP (250)
 * only once its INSERT committed, 451 if that failed.
 */
@Injectable()
export class MailCatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MailCatcher');
  private server: SMTPServer | null = null;
  private port: number | null = null;
  /** Messages waiting for their INSERT. */
  private waiting: Waiting[] = [];
  private writing = false;
  private scheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly config: AppConfig,
    private readonly repository: MailRepository,
  ) {}

  get enabled(): boolean {
    return this.config.get('MAIL_CATCHER') === 'on';
  }

  /** smtp://127.0.0.1:<port> once listening; null when the catcher is off. */
  get url(): string | null {
    return this.port === null ? null : `smtp://127.0.0.1:${this.port}`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      banner: 'Rapportflöde mail catcher: nothing leaves this machine',
      size: MAX_MESSAGE_BYTES,
      logger: false,
      // Closing waits at most this long for a sender still connected.
      closeTimeout: 1_000,
      // Loopback only: no reverse DNS lookup before the greeting (it cost ~100 ms per connection).
      disableReverseLookup: true,
      onData: (stream, session, callback) => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const chunks: Buffer[] = [];
        let length = 0;
        let answered = false;
        const answer = (error?: Error) => {
          if (answered) return;
          answered = true;
          callback(error ?? null);
        };
        const refuse = (error: Error) => {
          this.logger.error(`Could not keep a received message: ${error.message}`);
          answer(Object.assign(new Error('Meddelandet kunde inte sparas'), { responseCode: 451 }));
        };
        stream.on('data', (chunk: Buffer) => {
          // Past the limit the rest is only read to its end, not kept.
          if (stream.sizeExceeded) return;
          chunks.push(chunk);
          length += chunk.length;
        });
        stream.once('error', refuse);
        stream.once('end', () => {
          if (stream.sizeExceeded) {
            answer(Object.assign(new Error('Meddelandet är för stort'), { responseCode: 552 }));
            return;
          }
          parseMail(Buffer.concat(chunks, length))
            .then((parsed) => this.keep({ to: recipients.join(', '), ...parsed }))
            .then(() => answer(), refuse);
        });
      },
    });
    server.on('error', (error) => this.logger.error(`SMTP catcher: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) =>
        reject(
          new Error(
            `MAIL_CATCHER could not listen on 127.0.0.1:${this.config.get('MAIL_CATCHER_PORT')}: ${error.message}`,
          ),
        );
      server.server.once('error', onError);
      server.listen(this.config.get('MAIL_CATCHER_PORT'), '127.0.0.1', () => {
        server.server.off('error', onError);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    this.logger.log(
      `Mail catcher listens on ${this.url}: mail is kept in captured_mail (admin page Utskick), nothing leaves this machine`,
    );
  }

  /**
   * Keeps one message in captured_mail; resolves once its row is committed. Messages kept at about
   * the same time share one INSERT (and fail together if it fails).
   */
  keep(mail: CaughtMail): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ mail, resolve, reject });
      this.schedule();
    });
  }

  /** Writes what waits on the next turn of the event loop, unless an INSERT is under way (it writes on after). */
  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.write();
    });
  }

  private async write(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          await this.repository.insertCaptured(batch.map((w) => ({ ...w.mail, to: clip(w.mail.to, 254), subject: clip(w.mail.subject, 500) })));
          for (const w of batch) w.resolve();
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const w of batch) w.reject(failure);
        }
      }
    } finally {
      this.writing = false;
      for (const done of this.idle.splice(0)) done();
    }
  }

  /** Resolves once every message handed to keep() is written (or refused). */
  private async settled(): Promise<void> {
    while (this.waiting.length > 0 || this.writing) {
      await new Promise<void>((resolve) => {
        this.idle.push(resolve);
        if (!this.writing) void this.write();
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.port = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.settled();
  }
}
