import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.service';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends mail through SMTP_URL; without it, keeps each message in the captured_mail table so a
 * demo or a developer machine never sends anything out and loses nothing.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const url = config.get('SMTP_URL');
    this.transport = url ? createTransport(url) : null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.get('MAIL_FROM'), ...mail });
      this.logger.log(`Sent "${mail.subject}" to ${mail.to}`);
      return;
    }
    await this.dataSource.query(
      'INSERT INTO captured_mail (to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4)',
      [mail.to, mail.subject, mail.text, mail.html ?? null],
    );
    this.logger.log(`SMTP_URL is unset: kept "${mail.subject}" to ${mail.to} in captured_mail`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
