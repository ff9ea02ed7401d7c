import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One mail as captured_mail keeps it. */
export interface CapturedMailInsert {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  confidential: boolean;
}

/** captured_mail: the one place it is written. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Several mails in one statement. */
  async insertCaptured(mails: readonly CapturedMailInsert[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO captured_mail (to_address, subject, text_body, html_body, confidential)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::text[], $5::boolean[])`,
      [mails.map((m) => m.to), mails.map((m) => m.subject), mails.map((m) => m.text), mails.map((m) => m.html), mails.map((m) => m.confidential)],
    );
  }
}
