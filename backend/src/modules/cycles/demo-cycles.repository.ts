import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the demo cycles' seed looks up by name (templates and people, read only). */
@Injectable()
export class DemoCyclesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The template of that name in the municipality's committee, if any. */
  async templateId(municipality: string, name: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT t.id FROM report_template t JOIN committee c ON c.id = t.committee_id WHERE c.municipality = $1 AND t.name = $2`,
      [municipality, name],
    );
    return row?.id;
  }

  async userId(email: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM app_user WHERE email = $1', [email]);
    return row?.id;
  }
}
