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
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { EconomyImportListResponse, EconomyImportPreviewDto, EconomyImportResultDto } from '@rapportflode/api-contract';
import { ECONOMY_IMPORT_API } from '@rapportflode/api-contract';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorators';
import { AccessService } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { ApiExceptionFilter } from '../../common/api-exception.filter';
import { EconomyImportErrors, EconomyImportService, ImportBusyException, UploadedImportFile } from './economy-import.service';
import { UploadRoute, uploadedFileName } from '../../common/upload.decorator';

/** The largest export accepted: a whole förvaltning's ledger extract is a few hundred kB. */
export const ECONOMY_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** An import sits at the nämnd of its cycle. */
export const importCycleScope = (request: Request, access: AccessService) => access.cycleScope(request.params['cycleId']);

export class EconomyImportFields {
  @ApiPropertyOptional({ description: 'JSON of the column mapping (EconomyImportMapping); without it the saved or suggested one' })
  @IsOptional()
  @IsString({ message: 'Kolumnkopplingen ska vara JSON-text.' })
  @MaxLength(20_000, { message: 'Kolumnkopplingen är för lång.' })
  mapping?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit a file without a unit column belongs to' })
  @IsOptional()
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId?: string;
}

/** Multer's "file too large" in Swedish, naming the limit. */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        statusCode: 413,
        code: 'import_file_too_large',
        message: `Filen är större än ${ECONOMY_IMPORT_MAX_BYTES / 1024 / 1024} MB. Exportera bara de konton och enheter som avsnittet behöver.`,
      });
  }
}

/** The 503 of a full parse gate, with Retry-After so that a client knows when to try again. */
@Catch(ImportBusyException)
export class ImportBusyFilter implements ExceptionFilter {
  private readonly errors = new ApiExceptionFilter();

  catch(exception: ImportBusyException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(exception.retryAfterSeconds));
    this.errors.catch(exception, host);
  }
}

const upload = FileInterceptor('file', { limits: { fileSize: ECONOMY_IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024 } });
const FILE_SCHEMA = {
  schema: {
    type: 'object',
    properties: { file: { type: 'string', format: 'binary' }, mapping: { type: 'string' }, unitId: { type: 'string', format: 'uuid' } },
  },
};

function uploaded(file: Express.Multer.File | undefined): UploadedImportFile {
  if (!file) throw EconomyImportErrors.fileMissing();
  return { name: uploadedFileName(file.originalname, 'fil'), bytes: file.buffer };
}

@ApiTags('economy-imports')
@Controller(ECONOMY_IMPORT_API.base)
@UseFilters(UploadTooLargeFilter, ImportBusyFilter)
export class EconomyImportController {
  constructor(private readonly imports: EconomyImportService) {}

  @Get(ECONOMY_IMPORT_API.list.route)
  @Access.on('task.read', importCycleScope)
  @ApiOperation({ summary: 'The imports into an economy section: file name, SHA-256, who and when, for tracing each figure' })
  list(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
  ): Promise<EconomyImportListResponse> {
    return this.imports.list(cycleId, sectionId);
  }

  @Post(ECONOMY_IMPORT_API.preview.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('economy.import', importCycleScope)
  @UseInterceptors(upload)
  @UploadRoute()
  @ApiBody(FILE_SCHEMA)
  @ApiOperation({ summary: 'Read a CSV or XLSX export: headers, mapping, per-row errors, per-unit totals, printed totals that disagree. Stores nothing.' })
  preview(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: EconomyImportFields,
  ): Promise<EconomyImportPreviewDto> {
    return this.imports.preview(cycleId, sectionId, uploaded(file), body);
  }

  @Post(ECONOMY_IMPORT_API.commit.route)
  @Access.on('economy.import', importCycleScope)
  @UseInterceptors(upload)
  @UploadRoute()
  @ApiBody(FILE_SCHEMA)
  @ApiOperation({ summary: 'Import the file all or nothing: every unit’s table, the import record, the audit trail, the mapping for next time' })
  commit(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: EconomyImportFields,
    @Auth() auth: AuthContext,
  ): Promise<EconomyImportResultDto> {
    return this.imports.commit(cycleId, sectionId, uploaded(file), body, { userId: auth.userId, ip: auth.ip });
  }
}
