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
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  COMMITTEE_MEETINGS_API,
  KALLELSE_FORMATS,
  MEETINGS_API,
  type KallelseFormat,
  type MeetingDto,
  type MeetingListResponse,
  type MeetingSettingsDto,
  type MyMeetingsResponse,
} from '@rapportflode/api-contract';
import { ATTACHMENT_MAX_BYTES } from '@rapportflode/domain';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { UploadRoute, uploadedFileName } from '../../common/upload.decorator';
import { contentDisposition, DOCUMENT_CONTENT_TYPES, sendFile as send } from '../documents/document-files';
import { Access } from '../auth/access.decorators';
import { AccessService } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { checkAttachmentPdf } from './attachment-check';
import { KallelseService } from './kallelse.service';
import { MeetingMembersService } from './meeting-members.service';
import { MeetingPackageService } from './meeting-package.service';
import {
  AbsenceBody,
  AgendaItemBody,
  AttachmentFields,
  CreateMeetingBody,
  DeleteBody,
  DocumentBody,
  MeetingSettingsBody,
  MemberNoteBody,
  OrderBody,
  ResolveHitBody,
  SendKallelseBody,
  UpdateMeetingBody,
} from './meetings.dto';
import { MeetingsService } from './meetings.service';

const committeeFromParam = (request: Request, access: AccessService) => access.committeeScope(request.params['committeeId']);
const meetingFromParam = (request: Request, access: AccessService) => access.meetingScope(request.params['meetingId']);

const actor = (auth: AuthContext) => ({ userId: auth.userId, grants: auth.grants, ip: auth.ip });

/** Multer's "file too large" in Swedish, naming the limit; nothing is stored. */
@Catch(PayloadTooLargeException)
export class AttachmentTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        statusCode: 413,
        code: 'attachment_too_large',
        message: `Filen är större än ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB, som är gränsen för en bilaga. Dela upp den eller minska bilderna i den.`,
      });
  }
}

const upload = FileInterceptor('file', { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 8, fieldSize: 16 * 1024 } });


@ApiTags('meetings')
@Controller(COMMITTEE_MEETINGS_API.base)
export class CommitteeMeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get(COMMITTEE_MEETINGS_API.list.route)
  @Access.on('meeting.read', committeeFromParam)
  @ApiOperation({ summary: 'The nämnd’s sammanträden (approved tjänsteskrivelser brought onto their meeting first) and its settings' })
  list(@Param('committeeId', ParseUUIDPipe) committeeId: string, @Auth() auth: AuthContext): Promise<MeetingListResponse> {
    return this.meetings.list(committeeId, auth.grants);
  }

  @Post(COMMITTEE_MEETINGS_API.create.route)
  @Access.on('meeting.manage', committeeFromParam)
  @ApiOperation({ summary: 'Plan a sammanträde: date, time, place, ordförande, sekreterare, ledamöter and ersättare' })
  create(@Param('committeeId', ParseUUIDPipe) committeeId: string, @Body() body: CreateMeetingBody, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.meetings.create(committeeId, body, actor(auth));
  }

  @Put(COMMITTEE_MEETINGS_API.updateSettings.route)
  @Access.on('meeting.manage', committeeFromParam)
  @ApiOperation({ summary: 'The nämnd’s meeting settings: kallelse working days before, Förhinder anmäls till, organisation mail domains' })
  settings(@Param('committeeId', ParseUUIDPipe) committeeId: string, @Body() body: MeetingSettingsBody, @Auth() auth: AuthContext): Promise<MeetingSettingsDto> {
    return this.meetings.updateSettings(committeeId, body, actor(auth));
  }
}

@ApiTags('meetings')
@Controller(MEETINGS_API.base)
@UseFilters(AttachmentTooLargeFilter)
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly kallelse: KallelseService,
    private readonly packages: MeetingPackageService,
    private readonly members: MeetingMembersService,
  ) {}

  @Get(MEETINGS_API.mine.route)
  @Access.signedIn()
  @ApiOperation({ summary: 'The meetings of the nämnder the caller reads meetings of, or is called to (from 60 days back)' })
  mine(@Auth() auth: AuthContext): Promise<MyMeetingsResponse> {
    return this.meetings.mine(auth.userId, auth.grants);
  }

  @Get(MEETINGS_API.get.route)
  @Access.on('meeting.read', meetingFromParam)
  @ApiOperation({ summary: 'A sammanträde: ärenden in order, handlingar, kallelse versions, packages, scan hits, publication; a member’s own notes' })
  get(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.meetings.get(meetingId, auth);
  }

  @Put(MEETINGS_API.update.route)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Change the meeting’s facts and participants (a reason once the kallelse is out)' })
  update(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Body() body: UpdateMeetingBody, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.meetings.update(meetingId, body, actor(auth));
  }

  @Post(MEETINGS_API.createItem.route)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'An ärende by hand' })
  createItem(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Body() body: AgendaItemBody, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.meetings.createItem(meetingId, body, actor(auth));
  }

  @Put(MEETINGS_API.updateItem.route)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Change an ärende (kind, titles, diarienummer, föredragande, förslag till beslut, sekretess)' })
  updateItem(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: AgendaItemBody,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    return this.meetings.updateItem(meetingId, itemId, body, actor(auth));
  }

  @Post(MEETINGS_API.deleteItem.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Remove an ärende and its handlingar' })
  deleteItem(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: DeleteBody,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    return this.meetings.deleteItem(meetingId, itemId, body, actor(auth));
  }

  @Put(MEETINGS_API.order.route)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'The föredragningslista’s order: every ärende once' })
  order(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Body() body: OrderBody, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.meetings.order(meetingId, body, actor(auth));
  }

  @Post(MEETINGS_API.uploadAttachment.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @UseInterceptors(upload)
  @UploadRoute()
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, version: { type: 'integer' }, title: { type: 'string' } } } })
  @ApiOperation({ summary: 'Upload a bilaga (PDF only: magic bytes, size, pages; no encryption, JavaScript or embedded files)' })
  async upload(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: AttachmentFields,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    if (!file) throw new DomainError('attachment_invalid', 'Välj en PDF-fil att ladda upp.');
    const fileName = uploadedFileName(file.originalname, 'bilaga.pdf');
    const checked = await checkAttachmentPdf(file.buffer, fileName);
    const title = (body.title ?? '').trim() || checked.title || fileName.replace(/\.pdf$/i, '');
    return this.meetings.addAttachment(
      meetingId,
      itemId,
      { fileName, content: file.buffer, pages: checked.pages, sha256: checked.sha256, title: title.slice(0, 300) },
      body,
      actor(auth),
    );
  }

  @Put(MEETINGS_API.updateDocument.route)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'A handling’s name, secrecy (with its OSL paragraph) or place in its ärende' })
  updateDocument(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() body: DocumentBody,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    return this.meetings.updateDocument(meetingId, documentId, body, actor(auth));
  }

  @Post(MEETINGS_API.deleteDocument.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Remove a handling' })
  deleteDocument(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() body: DeleteBody,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    return this.meetings.deleteDocument(meetingId, documentId, body, actor(auth));
  }

  @Get(MEETINGS_API.attachment.route)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'An uploaded bilaga as uploaded' })
  async attachment(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.meetings.attachment(meetingId, documentId);
    send(response, file.content, 'application/pdf', contentDisposition('attachment', [file.fileName.replace(/\.pdf$/i, '')], 'pdf'));
  }

  @Get(MEETINGS_API.kallelse.route)
  @Access.on('meeting.read', meetingFromParam)
  @ApiOperation({ summary: 'The kallelse (draft or a sent version; internal or public) as html, pdf or docx' })
  async kallelseDocument(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Query('format') format: string | undefined,
    @Query('version') version: string | undefined,
    @Query('audience') audience: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const wanted = (format ?? 'html') as KallelseFormat;
    if (!KALLELSE_FORMATS.includes(wanted)) throw new DomainError('format_invalid', 'Välj format: html, pdf eller docx.');
    if (version !== undefined && !/^[1-9]\d{0,3}$/.test(version)) throw new DomainError('version_invalid', 'Ange kallelsens version som ett heltal.');
    if (audience !== undefined && audience !== 'internal' && audience !== 'public') throw new DomainError('format_invalid', 'Välj internal eller public.');
    const file = await this.kallelse.document(meetingId, wanted, audience === 'public' ? 'public' : 'internal', version === undefined ? undefined : Number(version));
    const { type, extension } = DOCUMENT_CONTENT_TYPES[wanted];
    send(response, file.body, type, contentDisposition(wanted === 'html' ? 'inline' : 'attachment', file.nameParts, extension));
  }

  @Post(MEETINGS_API.sendKallelse.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Send the kallelse to every ledamot and ersättare (once each); a rättelse needs a reason' })
  sendKallelse(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Body() body: SendKallelseBody, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.kallelse.send(meetingId, body, actor(auth));
  }

  @Post(MEETINGS_API.compilePackage.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Compile the handlingar of the sent kallelse: merged PDF and ZIP, internal and public; scan the public text' })
  compile(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.packages.compile(meetingId, actor(auth));
  }

  @Get(MEETINGS_API.package.route)
  @Access.on('meeting.read', meetingFromParam)
  @ApiOperation({ summary: 'The compiled package as stored: pdf (merged, bookmarked, numbered) or zip (every document and a manifest)' })
  async package(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Query('format') format: string | undefined,
    @Query('audience') audience: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const what = format === 'zip' ? 'zip' : format === undefined || format === 'pdf' ? 'pdf' : null;
    if (!what) throw new DomainError('format_invalid', 'Välj format: pdf eller zip.');
    const file = await this.packages.download(meetingId, what, audience === 'public' ? 'public' : 'internal');
    send(response, file.body, what === 'pdf' ? 'application/pdf' : 'application/zip', contentDisposition('attachment', file.nameParts, what));
  }

  @Get(MEETINGS_API.file.route)
  @Access.on('meeting.read', meetingFromParam)
  @ApiOperation({ summary: 'One document of a compiled package, as stored (pdf) or as HTML' })
  async file(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Query('format') format: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.packages.meetingFile(meetingId, fileId, format === 'html' ? 'html' : 'pdf');
    const name = file.fileName.replace(/\.(pdf|html)$/i, '');
    send(response, file.body, file.html ? 'text/html; charset=utf-8' : 'application/pdf', contentDisposition('inline', [name], file.html ? 'html' : 'pdf'));
  }

  @Post(MEETINGS_API.resolveHit.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Confirm a personal-data hit as not personal data, with a reason (audited)' })
  resolveHit(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('hitId', ParseUUIDPipe) hitId: string,
    @Body() body: ResolveHitBody,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    return this.packages.resolveHit(meetingId, hitId, body.reason, actor(auth));
  }

  @Post(MEETINGS_API.publish.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.manage', meetingFromParam)
  @ApiOperation({ summary: 'Publish the public package (every hit resolved, compiled after the last change)' })
  publish(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.packages.publish(meetingId, actor(auth));
  }

  @Put(MEETINGS_API.saveNote.route)
  @Access.on('meeting.read', meetingFromParam)
  @ApiOperation({ summary: 'A member’s private note on a document (never shown to anyone else)' })
  saveNote(
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('documentRef') documentRef: string,
    @Body() body: MemberNoteBody,
    @Auth() auth: AuthContext,
  ): Promise<MeetingDto> {
    return this.members.saveNote(meetingId, documentRef, body.text, actor(auth));
  }

  @Post(MEETINGS_API.reportAbsence.route)
  @HttpCode(HttpStatus.OK)
  @Access.on('meeting.read', meetingFromParam)
  @ApiOperation({ summary: 'A member reports förhinder: the secretaries hear of it in-app and by mail' })
  reportAbsence(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Body() body: AbsenceBody, @Auth() auth: AuthContext): Promise<MeetingDto> {
    return this.members.reportAbsence(meetingId, body.message ?? null, actor(auth));
  }
}
