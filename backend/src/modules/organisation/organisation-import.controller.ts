import { Controller, ParseBoolPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportResponse } from '@rapportflode/api-contract';
import { ORGANISATION_API } from '@rapportflode/api-contract';
import { DomainError } from '../../common/domain-error';
import { Access } from '../auth/access.decorators';
import { Auth, AuthContext } from '../auth/auth-context';
import { OrganisationImportService } from './organisation-import.service';
import { UploadRoute } from '../../common/upload.decorator';

const MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('organisation')
@Controller(ORGANISATION_API.base)
export class OrganisationImportController {
  constructor(private readonly imports: OrganisationImportService) {}

  @Post(ORGANISATION_API.import.route)
  @Access.anywhere('organisation.manage')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_BYTES, files: 1 } }))
  @UploadRoute()
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Import units and people from CSV (UTF-8, or Windows-1252 with ;): dryRun=true previews, dryRun=false commits all or nothing',
  })
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun: boolean | undefined,
    @Auth() auth: AuthContext,
  ): Promise<ImportResponse> {
    if (!file) throw new DomainError( 'import_file_missing', 'Välj en CSV-fil att importera.');
    return this.imports.run(
      { name: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: new Uint8Array(file.buffer) },
      dryRun ?? true,
      { userId: auth.userId, grants: auth.grants, ip: auth.ip },
    );
  }
}
