import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CapturedMailListResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';

interface MailRow {
  id: string;
  to_address: string;
  subject: string;
  created_at: Date;
  text_body: string;
  html_body: string | null;
  confidential: boolean;
}

/** The mail kept in captured_mail, for the admin page Utskick. */
@Injectable()
export class AdminMailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(page: number, pageSize: number): Promise<CapturedMailListResponse> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM captured_mail');
    const rows: MailRow[] = await this.dataSource.query(
      `SELECT id, to_address, subject, created_at, confidential,
              CASE WHEN confidential THEN '' ELSE text_body END AS text_body,
              CASE WHEN confidential THEN NULL ELSE html_body END AS html_body
         FROM captured_mail
        ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return {
      total,
      page,
      pageSize,
      mails: rows.map((row) => ({
        id: row.id,
        to: row.to_address,
        subject: row.subject,
        createdAt: new Date(row.created_at).toISOString(),
        text: row.text_body,
        html: row.html_body,
        confidential: row.confidential,
      })),
    };
  }
}
