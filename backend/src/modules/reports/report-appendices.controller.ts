import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Put,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { REPORT_API, type ReportAppendixListResponse, type UpdateReportAppendixRequest } from '@rapportflode/api-contract';
import { ATTACHMENT_MAX_BYTES } from '@rapportflode/domain';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { UploadRoute, uploadedFileName } from '../../common/upload.decorator';
import { Access } from '../auth/access.decorators';
import type { AccessService } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { contentDisposition, sendFile } from '../documents/document-files';
import { checkAttachmentPdf } from '../meetings/attachment-check';
import { APPENDIX_TITLE_MAX, ReportAppendicesService } from './report-appendices.service';

const cycleOfReport = (request: Request, access: AccessService) => access.cycleScope(request.params['cycleId']);
const actor = (auth: AuthContext) => ({ userId: auth.userId, ip: auth.ip });

/** Multer's "file too large" in Swedish, naming the limit; nothing is stored. */
@Catch(PayloadTooLargeException)
export class AppendixTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        statusCode: 413,
        code: 'attachment_too_large',
        message: `Filen är större än ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB, som är gränsen för en bilaga till rapporten. Dela upp den eller minska bilderna i den.`,
      });
  }
}

export class AppendixFields {
  @ApiPropertyOptional({ maxLength: APPENDIX_TITLE_MAX })
  @IsOptional()
  @IsString({ message: 'Bilagans rubrik ska vara text.' })
  @MaxLength(APPENDIX_TITLE_MAX, { message: `Bilagans rubrik får vara högst ${APPENDIX_TITLE_MAX} tecken.` })
  title?: string;
}

export class UpdateAppendixBody implements UpdateReportAppendixRequest {
  @ApiPropertyOptional({ maxLength: APPENDIX_TITLE_MAX })
  @IsOptional()
  @IsString({ message: 'Bilagans rubrik ska vara text.' })
  @MaxLength(APPENDIX_TITLE_MAX, { message: `Bilagans rubrik får vara högst ${APPENDIX_TITLE_MAX} tecken.` })
  title?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'Ange bilagans plats som ett heltal från 1.' })
  position?: number;
}

const upload = FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 16 * 1024 } });

/**
 * The PDF bilagor of a cycle's report (report-appendices.service.ts): listed for whoever reads
 * the report, changed by whoever may freeze it; the current list goes into the next frozen
 * version, and each frozen version keeps the bilagor it was frozen with.
 */
@ApiTags('reports')
@Controller(REPORT_API.base)
@UseFilters(AppendixTooLargeFilter)
export class ReportAppendicesController {
  constructor(private readonly appendices: ReportAppendicesService) {}

  @Get(REPORT_API.appendices.route)
  @Access.on('report.view', cycleOfReport)
  @ApiOperation({ summary: 'The current list of uploaded PDF bilagor (for the next version), in order, and the bilagor each frozen version holds' })
  list(@Param('cycleId', ParseUUIDPipe) cycleId: string): Promise<ReportAppendixListResponse> {
    return this.appendices.list(cycleId);
  }

  @Post(REPORT_API.uploadAppendix.route)
  @HttpCode(HttpStatus.CREATED)
  @Access.on('report.freeze', cycleOfReport)
  @UseInterceptors(upload)
  @UploadRoute()
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string' } } } })
  @ApiOperation({ summary: 'Upload a PDF bilaga (checked as the meetings’ bilagor: magic bytes, size, pages; no encryption, JavaScript or embedded files)' })
  async upload(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: AppendixFields,
    @Auth() auth: AuthContext,
  ): Promise<ReportAppendixListResponse> {
    if (!file) throw new DomainError('attachment_invalid', 'Välj en PDF-fil att ladda upp.');
    const fileName = uploadedFileName(file.originalname, 'bilaga.pdf');
    const checked = await checkAttachmentPdf(file.buffer, fileName);
    const title = (body.title ?? '').trim() || checked.title || fileName.replace(/\.pdf$/i, '');
    return this.appendices.upload(cycleId, { title, fileName, content: file.buffer, pages: checked.pages, sha256: checked.sha256 }, actor(auth));
  }

  @Put(REPORT_API.updateAppendix.route)
  @Access.on('report.freeze', cycleOfReport)
  @ApiOperation({ summary: 'Rename a bilaga or move it to another place among the bilagor' })
  update(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('appendixId', ParseUUIDPipe) appendixId: string,
    @Body() body: UpdateAppendixBody,
    @Auth() auth: AuthContext,
  ): Promise<ReportAppendixListResponse> {
    return this.appendices.update(cycleId, appendixId, body, actor(auth));
  }

  @Post(REPORT_API.deleteAppendix.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('report.freeze', cycleOfReport)
  @ApiOperation({ summary: 'Remove a bilaga from the current list (its file is kept when a frozen version holds it)' })
  remove(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('appendixId', ParseUUIDPipe) appendixId: string,
    @Auth() auth: AuthContext,
  ): Promise<ReportAppendixListResponse> {
    return this.appendices.remove(cycleId, appendixId, actor(auth));
  }

  @Get(REPORT_API.appendixFile.route)
  @Access.on('report.view', cycleOfReport)
  @ApiOperation({ summary: 'A bilaga as uploaded (of the current list or of a frozen version)' })
  async file(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('appendixId', ParseUUIDPipe) appendixId: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.appendices.file(cycleId, appendixId);
    sendFile(response, file.content, 'application/pdf', contentDisposition('attachment', [file.fileName.replace(/\.pdf$/i, '')], 'pdf'));
  }
}
