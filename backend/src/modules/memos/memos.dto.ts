import { ApiProperty } from '@nestjs/swagger';
import type { MemoTransitionRequest, RedraftEconomyRequest, SaveMemoRequest } from '@rapportflode/api-contract';
import { MemoContent } from '@rapportflode/domain';
import { IsInt, IsObject, Min } from 'class-validator';
import { TransitionBody } from '../tasks/dto/task.dto';

export class SaveMemoBody implements SaveMemoRequest {
  @ApiProperty()
  @IsInt({ message: 'Ange versionen du utgick från.' })
  @Min(0, { message: 'Ange versionen du utgick från.' })
  version: number;

  /** Checked and cleaned by checkMemoContent, not here. */
  @ApiProperty({ type: Object })
  @IsObject({ message: 'Innehållet har fel format.' })
  content: MemoContent;
}

/** The same request as a task's workflow step (transition, version, comment or reason). */
export class MemoTransitionBody extends TransitionBody implements MemoTransitionRequest {}

export class RedraftEconomyBody implements RedraftEconomyRequest {
  @ApiProperty()
  @IsInt({ message: 'Ange versionen du utgick från.' })
  @Min(0, { message: 'Ange versionen du utgick från.' })
  version: number;
}
