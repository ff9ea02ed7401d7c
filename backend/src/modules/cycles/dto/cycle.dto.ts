import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCycleRequest, UpdateCycleRequest } from '@rapportflode/api-contract';
import { Allow, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
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
