import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PUBLIC_API, type PublicCommitteeDto, type PublicMeetingDto, type PublicMeetingListResponse } from '@rapportflode/api-contract';
import type { Response } from 'express';
import { contentDisposition, sendFile } from '../documents/document-files';
import { Access } from '../auth/access.decorators';
import { PublicMeetingsService } from './public-meetings.service';

/** Published matter may be cached briefly by proxies; it changes only when the secretary publishes again. */
const PUBLIC_CACHE = 'public, max-age=60';

function send(response: Response, body: string | Buffer, type: string, disposition?: string): void {
  sendFile(response, body, type, disposition, PUBLIC_CACHE);
}

/**
 * The public side (no sign-in): published meetings and their public handlingar, the calendar and
 * the feed, a plain HTML page per meeting, and OParl 1.1 (Meeting, AgendaItem, File).
 */
@ApiTags('public')
@Controller(PUBLIC_API.base)
export class PublicMeetingsController {
  constructor(private readonly publicMeetings: PublicMeetingsService) {}

  @Get(PUBLIC_API.committees.route)
  @Access.public()
  @ApiOperation({ summary: 'The nämnder with published meetings' })
  committees(): Promise<PublicCommitteeDto[]> {
    return this.publicMeetings.committees();
  }

  @Get(PUBLIC_API.meetings.route)
  @Access.public()
  @ApiOperation({ summary: 'A nämnd’s published meetings with their public ärenden and files' })
  meetings(@Param('committeeId', ParseUUIDPipe) committeeId: string): Promise<PublicMeetingListResponse> {
    return this.publicMeetings.meetings(committeeId);
  }

  @Get(PUBLIC_API.meeting.route)
  @Access.public()
  @ApiOperation({ summary: 'One published meeting' })
  meeting(@Param('meetingId', ParseUUIDPipe) meetingId: string): Promise<PublicMeetingDto> {
    return this.publicMeetings.meeting(meetingId);
  }

  @Get(PUBLIC_API.meetingPage.route)
  @Access.public()
  @ApiOperation({ summary: 'One published meeting as a plain HTML page (no JavaScript needed)' })
  async page(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Res() response: Response): Promise<void> {
    send(response, await this.publicMeetings.page(meetingId), 'text/html; charset=utf-8');
  }

  @Get(PUBLIC_API.package.route)
  @Access.public()
  @ApiOperation({ summary: 'The published handlingar as one bookmarked, page-numbered PDF (the separate files are the tagged, accessible ones)' })
  async package(@Param('meetingId', ParseUUIDPipe) meetingId: string, @Res() response: Response): Promise<void> {
    const file = await this.publicMeetings.package(meetingId);
    send(response, file.body, 'application/pdf', contentDisposition('attachment', file.nameParts, 'pdf'));
  }

  @Get(PUBLIC_API.file.route)
  @Access.public()
  @ApiOperation({ summary: 'A published file as stored at publication (pdf), or its HTML version' })
  async file(@Param('fileId', ParseUUIDPipe) fileId: string, @Query('format') format: string | undefined, @Res() response: Response): Promise<void> {
    const file = await this.publicMeetings.file(fileId, format === 'html' ? 'html' : 'pdf');
    const name = file.fileName.replace(/\.(pdf|html)$/i, '');
    send(response, file.body, file.html ? 'text/html; charset=utf-8' : 'application/pdf', contentDisposition('inline', [name], file.html ? 'html' : 'pdf'));
  }

  @Get(PUBLIC_API.calendar.route)
  @Access.public()
  @ApiOperation({ summary: 'The nämnd’s published meetings as an iCalendar (RFC 5545) feed' })
  async calendar(@Param('committeeId', ParseUUIDPipe) committeeId: string, @Res() response: Response): Promise<void> {
    send(response, await this.publicMeetings.calendar(committeeId), 'text/calendar; charset=utf-8', 'inline; filename="sammantraden.ics"');
  }

  @Get(PUBLIC_API.feed.route)
  @Access.public()
  @ApiOperation({ summary: 'The nämnd’s publications as an Atom (RFC 4287) feed' })
  async feed(@Param('committeeId', ParseUUIDPipe) committeeId: string, @Res() response: Response): Promise<void> {
    send(response, await this.publicMeetings.feed(committeeId), 'application/atom+xml; charset=utf-8');
  }

  @Get(PUBLIC_API.oparlMeetings.route)
  @Access.public()
  @ApiOperation({ summary: 'OParl 1.1: the nämnd’s published meetings (a paginated list of Meeting)' })
  oparlMeetings(@Param('committeeId', ParseUUIDPipe) committeeId: string, @Query('page') page: string | undefined): Promise<object> {
    return this.publicMeetings.oparlMeetings(committeeId, /^\d{1,6}$/.test(page ?? '') ? Number(page) : 1);
  }

  @Get(PUBLIC_API.oparlMeeting.route)
  @Access.public()
  @ApiOperation({ summary: 'OParl 1.1 Meeting with its AgendaItems' })
  oparlMeeting(@Param('meetingId', ParseUUIDPipe) meetingId: string): Promise<object> {
    return this.publicMeetings.oparlMeeting(meetingId);
  }

  @Get(PUBLIC_API.oparlAgendaItem.route)
  @Access.public()
  @ApiOperation({ summary: 'OParl 1.1 AgendaItem (a secret item: its public title, no files)' })
  oparlAgendaItem(@Param('itemId', ParseUUIDPipe) itemId: string): Promise<object> {
    return this.publicMeetings.oparlAgendaItem(itemId);
  }

  @Get(PUBLIC_API.oparlOrganization.route)
  @Access.public()
  @ApiOperation({ summary: 'OParl 1.1 Organization: the nämnd and the list of its published meetings' })
  oparlOrganization(@Param('committeeId', ParseUUIDPipe) committeeId: string): Promise<object> {
    return this.publicMeetings.oparlOrganization(committeeId);
  }

  @Get(PUBLIC_API.oparlLocation.route)
  @Access.public()
  @ApiOperation({ summary: 'OParl 1.1 Location: where a published meeting is held' })
  oparlLocation(@Param('meetingId', ParseUUIDPipe) meetingId: string): Promise<object> {
    return this.publicMeetings.oparlLocation(meetingId);
  }

  @Get(PUBLIC_API.oparlFile.route)
  @Access.public()
  @ApiOperation({ summary: 'OParl 1.1 File' })
  oparlFile(@Param('fileId', ParseUUIDPipe) fileId: string): Promise<object> {
    return this.publicMeetings.oparlFile(fileId);
  }
}
