import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CommentRowAnchor,
  CreateCommentRequest,
  SaveContentRequest,
  TransitionRequest,
  UpdateCommentRequest,
  UpdateTaskRequest,
} from '@rapportflode/api-contract';
import { RichTextDocument, Transition, TRANSITIONS } from '@rapportflode/domain';
import { Allow, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../../common/validation';

const DATE_MESSAGE = 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD.';

export class SaveContentBody implements SaveContentRequest {
  @ApiProperty()
  @IsInt({ message: 'Ange versionen du utgick från.' })
  version: number;

  /** Checked and cleaned by sanitizeRichText, not here. */
  @ApiProperty({ type: Object })
  @IsObject({ message: 'Innehållet har fel format.' })
  content: RichTextDocument;
}

export class TransitionBody implements TransitionRequest {
  @ApiProperty({ enum: TRANSITIONS })
  @IsIn(TRANSITIONS, { message: 'Okänt steg i arbetsflödet.' })
  transition: Transition;

  @ApiProperty()
  @IsInt({ message: 'Ange versionen du utgick från.' })
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'Kommentaren får vara högst 5 000 tecken.' })
  text?: string;
}

export class UpdateTaskBody implements UpdateTaskRequest {
  @ApiProperty({ type: String, nullable: true, example: '2021-09-15' })
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate({ message: DATE_MESSAGE })
  deadline: string | null;
}

export class CreateCommentBody implements CreateCommentRequest {
  @ApiProperty()
  @IsString({ message: 'Skriv en kommentar.' })
  @MaxLength(5000, { message: 'Kommentaren får vara högst 5 000 tecken.' })
  body: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'Svaret måste gälla en kommentar.' })
  parentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  anchor?: string;

  /** Checked against the task's content by checkRowAnchor, not here. */
  @ApiPropertyOptional({ type: Object, example: { kind: 'row', rowKey: 'r1', column: 'forecast' }, description: 'In a section of blocks also `block`: the key of the block the row is in.' })
  @Allow()
  rowAnchor?: CommentRowAnchor;
}

export class UpdateCommentBody implements UpdateCommentRequest {
  @ApiProperty()
  @IsBoolean({ message: 'Ange om kommentaren är löst.' })
  resolved: boolean;
}
