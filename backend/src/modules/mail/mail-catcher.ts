import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.service';

/** Messages larger than this are refused at SMTP (552), as a real server would. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** What the catcher keeps of one received message. */
export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Cuts a value to a column's length. */
function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/**
 * The embedded SMTP server (MAIL_CATCHER=on): listens on 127.0.0.1 only, accepts any sender and
 * recipient without authentication, parses each message (text and HTML parts) and keeps it in
 * captured_mail. Mail really travels through SMTP to it, so the sending path is the production
 * one, and nothing leaves the machine.
 */
@Injectable()
export class MailCatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MailCatcher');
  private server: SMTPServer | null = null;
  private port: number | null = null;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
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
        simpleParser(stream)
          .then((parsed) => {
            if (stream.sizeExceeded) {
              const error = Object.assign(new Error('Meddelandet är för stort'), { responseCode: 552 });
              callback(error);
              return;
            }
            return this.keep({
              to: recipients.join(', '),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
            }).then(() => callback());
          })
          .catch((error: Error) => {
            this.logger.error(`Could not keep a received message: ${error.message}`);
            callback(Object.assign(new Error('Meddelandet kunde inte sparas'), { responseCode: 451 }));
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

  async keep(mail: CaughtMail): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO captured_mail (to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4)',
      [clip(mail.to, 254), clip(mail.subject, 500), mail.text, mail.html],
    );
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.port = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
