import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateCommentRequest,
  CreateCycleRequest,
  MarkNotificationsReadRequest,
  UpdateNotificationSettingsRequest,
  SaveContentRequest,
  TransitionRequest,
  UpdateCommentRequest,
  UpdateCycleRequest,
  UpdateTaskRequest,
} from '@rapportflode/api-contract';
import { REMINDER_DELIVERIES, ReminderDelivery, RichTextDocument, Transition, TRANSITIONS } from '@rapportflode/domain';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validation';

const DATE_MESSAGE = 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD.';

export class CreateCycleBody implements CreateCycleRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en mall.' })
  templateId: string;

  @ApiProperty({ example: 2021 })
  @IsInt({ message: 'Ange år med fyra siffror.' })
  @Min(2000, { message: 'Ange år med fyra siffror.' })
  @Max(2100, { message: 'Ange år med fyra siffror.' })
  year: number;

  @ApiProperty({ example: 'SN.2021.73' })
  @IsString({ message: 'Ange diarienummer.' })
  @MinLength(1, { message: 'Ange diarienummer.' })
  @MaxLength(40, { message: 'Diarienumret får vara högst 40 tecken.' })
  diaryNumber: string;

  @ApiPropertyOptional({ example: 'Tertialbokslut 2 2021' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Titeln får vara högst 200 tecken.' })
  title?: string;

  @ApiProperty({ example: '2021-08-31' }) @IsCalendarDate({ message: DATE_MESSAGE }) periodEnd: string;
  @ApiProperty({ example: '2021-09-10' }) @IsCalendarDate({ message: DATE_MESSAGE }) submissionDeadline: string;
  @ApiProperty({ example: '2021-09-17' }) @IsCalendarDate({ message: DATE_MESSAGE }) reviewDeadline: string;
  @ApiProperty({ example: '2021-09-24' }) @IsCalendarDate({ message: DATE_MESSAGE }) assemblyDeadline: string;
  @ApiProperty({ example: '2021-10-05' }) @IsCalendarDate({ message: DATE_MESSAGE }) meetingDate: string;
}

export class UpdateCycleBody implements UpdateCycleRequest {
  @ApiProperty()
  @IsInt({ message: 'Ange versionen du utgick från.' })
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'Ange diarienummer.' })
  @MaxLength(40, { message: 'Diarienumret får vara högst 40 tecken.' })
  diaryNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'Ange en titel.' })
  @MaxLength(200, { message: 'Titeln får vara högst 200 tecken.' })
  title?: string;

  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: DATE_MESSAGE }) periodEnd?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: DATE_MESSAGE }) submissionDeadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: DATE_MESSAGE }) reviewDeadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: DATE_MESSAGE }) assemblyDeadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: DATE_MESSAGE }) meetingDate?: string;

  /** Checked by checkReminderConfig in the service, with its Swedish messages. */
  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { beforeDeadline: [5, 1], onDeadline: true, afterDeadline: [1, 3], reviewNudgeAfter: 3, hour: 8 },
  })
  @Allow()
  reminderConfig?: UpdateCycleRequest['reminderConfig'];
}

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
}

export class UpdateCommentBody implements UpdateCommentRequest {
  @ApiProperty()
  @IsBoolean({ message: 'Ange om kommentaren är löst.' })
  resolved: boolean;
}

export class MarkReadBody implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class NotificationSettingsBody implements UpdateNotificationSettingsRequest {
  @ApiProperty({ enum: REMINDER_DELIVERIES })
  @IsIn(REMINDER_DELIVERIES, { message: 'Välj hur du vill få påminnelser: var för sig eller som en daglig sammanfattning.' })
  reminderDelivery!: ReminderDelivery;
}
