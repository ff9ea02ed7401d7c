import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.service';
import { MailCatcher } from './mail-catcher';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The Message-ID header (with its angle brackets); nodemailer makes one up when unset. */
  messageId?: string;
  /** Carries a secret (a sign-in or reset link): kept, but its content is never shown on Utskick. */
  confidential?: boolean;
}

/** The header that marks a confidential message on its way through SMTP to the catcher. */
export const CONFIDENTIAL_HEADER = 'X-Rapportflode-Confidential';

/**
 * The SMTP address with pooling switched on: kept-open connections, one per concurrent reminder
 * job (20). nodemailer reads every option from the URL when it is given one (options beside `url`
 * are ignored), so they go in its query; an SMTP_URL that sets them itself keeps its own values.
 * Without the pool each mail opened a connection (a greeting and a TCP handshake each: ~130 mails/s).
 */
export function pooledUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  if (!parsed.searchParams.has('maxConnections')) parsed.searchParams.set('maxConnections', '20');
  return parsed.toString();
}

/**
 * Sends mail through SMTP: to SMTP_URL, or with MAIL_CATCHER=on to the embedded catcher (which
 * keeps it in captured_mail). With neither, keeps each message in captured_mail directly, so a
 * test or a developer machine never sends anything out and loses nothing.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly catcher: MailCatcher,
  ) {}

  /** Where mail goes: SMTP_URL, the catcher's address, or null (straight into captured_mail). */
  private smtpUrl(): string | null {
    return this.config.get('SMTP_URL') ?? this.catcher.url;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const url = this.smtpUrl();
    if (url) {
      this.transport ??= createTransport(pooledUrl(url));
      const { confidential, ...message } = mail;
      await this.transport.sendMail({
        from: this.config.get('MAIL_FROM'),
        ...message,
        ...(confidential ? { headers: { [CONFIDENTIAL_HEADER]: 'yes' } } : {}),
      });
      this.logger.log(`Sent "${mail.subject}" to ${mail.to}${this.catcher.url ? ' (to the mail catcher)' : ''}`);
      return;
    }
    await this.catcher.keep({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      confidential: mail.confidential === true,
    });
    this.logger.log(`SMTP_URL is unset: kept "${mail.subject}" to ${mail.to} in captured_mail`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = null;
  }
}
