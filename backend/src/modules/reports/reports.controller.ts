import { Body, Controller, Get, Logger, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { REPORT_API, REPORT_FORMATS, ReportFormat, type FreezeReportRequest, type ReportStatusDto, type ReportVersionDto } from '@rapportflode/api-contract';
import { tableCsv, tablesJson, tablesOf } from '@rapportflode/documents';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { Access } from '../auth/access.decorators';
import type { AccessService } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { contentDisposition, DOCUMENT_CONTENT_TYPES, DOCUMENT_CSP } from '../documents/document-files';
import { DocumentRenderer } from '../documents/document-renderer.service';
import { ReportsService } from './reports.service';

export class FreezeReportBody implements FreezeReportRequest {
  @ApiPropertyOptional({ description: 'Why a new version (required when a version exists)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

const cycleOfReport = (request: Request, access: AccessService) => access.cycleScope(request.params['cycleId']);

/** The preview page may show itself and nothing else: no scripts, no requests, framed by the app only. */

@ApiTags('reports')
@Controller(REPORT_API.base)
export class ReportsController {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly reports: ReportsService,
    private readonly renderer: DocumentRenderer,
  ) {}

  @Get(REPORT_API.status.route)
  @Access.on('report.view', cycleOfReport)
  @ApiOperation({ summary: 'The assembly status: every section × unit, what is missing, warnings, the frozen versions' })
  status(@Param('cycleId', ParseUUIDPipe) cycleId: string, @Auth() auth: AuthContext): Promise<ReportStatusDto> {
    return this.reports.status(cycleId, auth.grants);
  }

  @Post(REPORT_API.freeze.route)
  @Access.on('report.freeze', cycleOfReport)
  @ApiOperation({ summary: 'Fastställ: freeze the report as a new immutable, checksummed version' })
  freeze(@Param('cycleId', ParseUUIDPipe) cycleId: string, @Body() body: FreezeReportBody, @Auth() auth: AuthContext): Promise<ReportVersionDto> {
    return this.reports.freeze(cycleId, body.reason, { userId: auth.userId, grants: auth.grants, ip: auth.ip });
  }

  @Get(REPORT_API.document.route)
  @Access.on('report.view', cycleOfReport)
  @ApiOperation({ summary: 'The draft or a frozen version as html, preview, pdf, docx, json (every table) or csv (one table)' })
  async document(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Query('format') format: string | undefined,
    @Query('version') versionText: string | undefined,
    @Query('table') table: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const wanted = (format ?? 'html') as ReportFormat;
    if (!(REPORT_FORMATS as readonly string[]).includes(wanted)) {
      throw new DomainError( 'format_invalid', `Okänt format: ${format}. Välj html, pdf, docx, json eller csv.`);
    }
    let version: number | undefined;
    if (versionText !== undefined) {
      if (!/^[1-9]\d{0,5}$/.test(versionText)) throw new DomainError( 'version_invalid', 'Ange versionen som ett heltal från 1.');
      version = Number(versionText);
    }
    const { model, cycle } = await this.reports.document(cycleId, version);
    const name = [cycle.title, cycle.committee, version === undefined ? 'utkast' : `version-${version}`];

    if (wanted === 'preview') {
      const html = this.renderer.html(model, 'preview');
      response.setHeader('Content-Security-Policy', DOCUMENT_CSP);
      response.setHeader('Cache-Control', 'no-store');
      response.type('text/html; charset=utf-8').send(html);
      return;
    }
    const { type, extension } = DOCUMENT_CONTENT_TYPES[wanted];
    let payload: string | Buffer;
    let parts = name;
    switch (wanted) {
      case 'html':
        payload = this.renderer.html(model, 'standalone');
        break;
      case 'json':
        payload = JSON.stringify(tablesJson(model), null, 2);
        break;
      case 'csv': {
        const found = tablesOf(model).find((t) => t.table.id === table);
        if (!found) throw new DomainError( 'table_not_found', 'Tabellen finns inte i rapporten.');
        payload = tableCsv(found.table);
        parts = [...name, found.table.id];
        break;
      }
      case 'pdf': {
        const print = async () => this.renderer.pdf(model, await this.reports.pdfAttachments(cycleId, model));
        payload = version === undefined ? await print() : await this.reports.versionFile(cycleId, version, 'pdf', print);
        break;
      }
      case 'docx':
        payload =
          version === undefined
            ? await this.renderer.docx(model)
            : await this.reports.versionFile(cycleId, version, 'docx', () => this.renderer.docx(model));
        break;
    }
    response.setHeader('Content-Disposition', contentDisposition('attachment', parts, extension));
    response.setHeader('Cache-Control', 'no-store');
    response.type(type).send(payload);
  }
}
