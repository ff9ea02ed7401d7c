import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RemindTaskResponse, SaveContentResponse, TaskCommentDto, TaskDiffDto, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import { TASKS_API } from '@rapportflode/api-contract';
import type { Request } from 'express';
import { DomainError } from '../../common/domain-error';
import { Access } from '../auth/access.decorators';
import { AccessService } from '../auth/access.service';
import { Auth, AuthContext } from '../auth/auth-context';
import { CreateCommentBody, SaveContentBody, TransitionBody, UpdateCommentBody, UpdateTaskBody } from './dto/task.dto';
import { TaskCommentsService } from './task-comments.service';
import { TaskRemindService } from './task-remind.service';
import { TaskWorkflowService } from './task-workflow.service';
import { TasksService } from './tasks.service';

export const taskFromParam = (request: Request, access: AccessService) => access.taskScope(request.params['id']);

function round(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,6}$/.test(value)) throw new DomainError( 'round_invalid', `${name} måste vara ett inlämningsnummer.`);
  return Number(value);
}

function actor(auth: AuthContext) {
  return { userId: auth.userId, grants: auth.grants, ip: auth.ip, resource: auth.resource };
}

@ApiTags('tasks')
@Controller(TASKS_API.base)
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly workflow: TaskWorkflowService,
    private readonly comments: TaskCommentsService,
    private readonly reminders: TaskRemindService,
  ) {}

  @Get(TASKS_API.mine.route)
  @Access.signedIn()
  @ApiOperation({ summary: '"Mina uppgifter": the unapproved tasks the person writes, by deadline' })
  mine(@Auth() auth: AuthContext): Promise<TaskListResponse> {
    return this.tasks.mine(auth.userId);
  }

  @Get(TASKS_API.reviewQueue.route)
  @Access.anywhere('task.review')
  @ApiOperation({ summary: 'Submitted tasks waiting for the person’s review' })
  reviewQueue(@Auth() auth: AuthContext): Promise<TaskListResponse> {
    return this.tasks.reviewQueue(auth.userId);
  }

  @Get(TASKS_API.get.route)
  @Access.on('task.read', taskFromParam)
  @ApiOperation({ summary: 'One task: content, version, the person’s workflow actions, history, snapshots, comments' })
  get(@Param('id', ParseUUIDPipe) id: string, @Auth() auth: AuthContext): Promise<TaskDto> {
    return this.tasks.get(id, auth);
  }

  @Put(TASKS_API.saveContent.route)
  // Who writes is the section's (its writer role may be one without task.write in the role table): TaskWorkflowService decides, as for a step.
  @Access.on('task.read', taskFromParam)
  @ApiOperation({ summary: 'Autosave the draft (sanitized; 409 with both versions when stale)' })
  save(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveContentBody, @Auth() auth: AuthContext): Promise<SaveContentResponse> {
    return this.workflow.saveContent(id, body.version, body.content, actor(auth));
  }

  @Post(TASKS_API.transition.route)
  @Access.on('task.read', taskFromParam)
  @ApiOperation({ summary: 'A workflow step (start, submit, return, approve, resume, reopen), checked against the workflow table' })
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() body: TransitionBody, @Auth() auth: AuthContext): Promise<TaskDto> {
    return this.workflow.transition(id, body, actor(auth));
  }

  @Patch(TASKS_API.update.route)
  @Access.on('cycle.manage', taskFromParam)
  @ApiOperation({ summary: 'Set the task’s own deadline (null: the cycle’s)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTaskBody, @Auth() auth: AuthContext): Promise<TaskDto> {
    return this.tasks.setDeadline(id, body.deadline, actor(auth));
  }

  @Post(TASKS_API.remind.route)
  @HttpCode(HttpStatus.ACCEPTED)
  @Access.on('cycle.manage', taskFromParam)
  @ApiOperation({ summary: '"Skicka påminnelse nu": queue a reminder to the task’s writers, once per Stockholm day (409 the second time)' })
  remind(@Param('id', ParseUUIDPipe) id: string, @Auth() auth: AuthContext): Promise<RemindTaskResponse> {
    return this.reminders.remind(id, actor(auth));
  }

  @Get(TASKS_API.diff.route)
  @Access.on('task.read', taskFromParam)
  @ApiOperation({ summary: 'What changed between two submissions (default: the latest against the one before)' })
  diff(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<TaskDiffDto> {
    return this.tasks.diff(id, round(from, 'from'), round(to, 'to'));
  }

  @Post(TASKS_API.addComment.route)
  @Access.on('task.read', taskFromParam)
  @ApiOperation({ summary: 'Comment on a task or reply in a thread, optionally on a paragraph' })
  comment(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateCommentBody, @Auth() auth: AuthContext): Promise<TaskCommentDto> {
    return this.comments.add(id, body, actor(auth));
  }

  @Patch(TASKS_API.updateComment.route)
  @Access.on('task.read', taskFromParam)
  @ApiOperation({ summary: 'Mark a comment thread resolved or open' })
  resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() body: UpdateCommentBody,
    @Auth() auth: AuthContext,
  ): Promise<TaskCommentDto> {
    return this.comments.setResolved(id, commentId, body.resolved, actor(auth));
  }
}
