import { Injectable } from '@nestjs/common';
import type { CapturedMailListResponse } from '@rapportflode/api-contract';
import { OperationsRepository } from './operations.repository';

/** The mail kept in captured_mail, for the admin page Utskick. */
@Injectable()
export class AdminMailService {
  constructor(private readonly repository: OperationsRepository) {}

  async list(page: number, pageSize: number): Promise<CapturedMailListResponse> {
    const { total, rows } = await this.repository.capturedMail(page, pageSize);
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
