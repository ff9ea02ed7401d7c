import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  MEMO_API,
  MEMO_DOCUMENT_FORMATS,
  MEMO_QUEUE_API,
  MemoDocumentFormat,
  type MemoDto,
  type MemoReviewQueueResponse,
  type SaveMemoResponse,
} from '@rapportflode/api-contract';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { Access } from '../auth/access.decorators';
import { AccessService } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { MemoTransitionBody, RedraftEconomyBody, SaveMemoBody } from './memos.dto';
import { contentDisposition, DOCUMENT_CONTENT_TYPES } from '../documents/document-files';
import { MemosService } from './memos.service';

/** The memo sits at its cycle's nämnd. */
export const memoCycleFromParam = (request: Request, access: AccessService) => access.cycleScope(request.params['cycleId']);

function actor(auth: AuthContext) {
  return { userId: auth.userId, grants: auth.grants, ip: auth.ip };
}

@ApiTags('memos')
@Controller(MEMO_API.base)
export class MemosController {
  constructor(private readonly memos: MemosService) {}

  @Get(MEMO_API.get.route)
  @Access.on('memo.view', memoCycleFromParam)
  @ApiOperation({ summary: 'The cycle’s tjänsteskrivelse (prefilled until first saved), the caller’s permissions, figure warnings, facts, history' })
  get(@Param('cycleId', ParseUUIDPipe) cycleId: string, @Auth() auth: AuthContext): Promise<MemoDto> {
    return this.memos.get(cycleId, auth.grants, auth.userId);
  }

  @Put(MEMO_API.saveContent.route)
  @Access.on('memo.edit', memoCycleFromParam)
  @ApiOperation({ summary: 'Save the memo (checked and sanitised; 409 with the current content when stale)' })
  save(@Param('cycleId', ParseUUIDPipe) cycleId: string, @Body() body: SaveMemoBody, @Auth() auth: AuthContext): Promise<SaveMemoResponse> {
    return this.memos.save(cycleId, body.version, body.content, actor(auth));
  }

  @Post(MEMO_API.transition.route)
  @Access.on('memo.view', memoCycleFromParam)
  @ApiOperation({ summary: 'A workflow step (submit, return, approve, resume, reopen), checked against the workflow table' })
  transition(@Param('cycleId', ParseUUIDPipe) cycleId: string, @Body() body: MemoTransitionBody, @Auth() auth: AuthContext): Promise<MemoDto> {
    return this.memos.transition(cycleId, body, actor(auth));
  }

  @Post(MEMO_API.redraftEconomy.route)
  @Access.on('memo.edit', memoCycleFromParam)
  @ApiOperation({ summary: 'Write Ekonomiska konsekvenser again from the current figures' })
  redraft(@Param('cycleId', ParseUUIDPipe) cycleId: string, @Body() body: RedraftEconomyBody, @Auth() auth: AuthContext): Promise<MemoDto> {
    return this.memos.redraftEconomy(cycleId, body.version, actor(auth));
  }

  @Get(MEMO_API.document.route)
  @Access.on('memo.view', memoCycleFromParam)
  @ApiOperation({ summary: 'The memo as a file: html, pdf or docx' })
  async document(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Query('format') format: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const wanted = (format ?? 'html') as MemoDocumentFormat;
    if (!MEMO_DOCUMENT_FORMATS.includes(wanted)) {
      throw new DomainError( 'format_invalid', 'Välj format: html, pdf eller docx.');
    }
    const file = await this.memos.document(cycleId, wanted);
    const { type, extension } = DOCUMENT_CONTENT_TYPES[wanted];
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Disposition', contentDisposition('attachment', file.nameParts, extension));
    response.setHeader('Cache-Control', 'no-store');
    response.status(200).send(file.body);
  }
}

/** The reviewer's memos: what Att granska shows beside the submitted tasks. */
@ApiTags('memos')
@Controller(MEMO_QUEUE_API.base)
export class MemoQueueController {
  constructor(private readonly memos: MemosService) {}

  @Get(MEMO_QUEUE_API.reviewQueue.route)
  @Access.signedIn()
  @ApiOperation({ summary: 'The submitted tjänsteskrivelser the caller may review (memo.review on their nämnd)' })
  reviewQueue(@Auth() auth: AuthContext): Promise<MemoReviewQueueResponse> {
    return this.memos.reviewQueue(auth.userId);
  }
}
