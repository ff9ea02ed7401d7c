import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AbsenceRequest,
  CreateMeetingRequest,
  DeleteRequest,
  MemberNoteRequest,
  OrderAgendaRequest,
  ParticipantInput,
  ResolveScanHitRequest,
  SaveAgendaItemRequest,
  SendKallelseRequest,
  UpdateDocumentRequest,
  UpdateMeetingRequest,
  UpdateMeetingSettingsRequest,
} from '@rapportflode/api-contract';
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '@rapportflode/domain';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

const VERSION = { message: 'Ange sammanträdets version som du utgick från.' };

/** The shapes only; the rules (dates, OSL references, e-mail addresses) are checked in meeting-rules.ts. */
export class CreateMeetingBody implements CreateMeetingRequest {
  @ApiProperty() @IsString({ message: 'Ange datumet.' }) date: string;
  @ApiProperty() @IsString({ message: 'Ange starttiden.' }) startTime: string;
  @ApiProperty() @IsString({ message: 'Ange platsen.' }) @MaxLength(200, { message: 'Platsen får vara högst 200 tecken.' }) place: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) chairName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) secretaryName?: string | null;
  @ApiPropertyOptional({ type: [Object] }) @IsOptional() @IsArray({ message: 'Ledamöter och ersättare har fel format.' }) participants?: ParticipantInput[];
}

export class UpdateMeetingBody extends CreateMeetingBody implements UpdateMeetingRequest {
  @ApiProperty() @IsInt(VERSION) @Min(1, VERSION) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class MeetingSettingsBody implements UpdateMeetingSettingsRequest {
  @ApiProperty() @IsInt({ message: 'Ange antalet arbetsdagar som ett heltal.' }) kallelseWorkingDays: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300, { message: 'Högst 300 tecken.' }) absenceContact: string | null;
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) publicMailDomains: string[];
}

export class AgendaItemBody implements SaveAgendaItemRequest {
  @ApiProperty() @IsInt(VERSION) @Min(1, VERSION) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) @IsIn(AGENDA_ITEM_KINDS, { message: 'Välj vilken sorts ärende det är.' }) kind: AgendaItemKind;
  @ApiProperty() @IsString({ message: 'Ange ärendets rubrik.' }) @MaxLength(300, { message: 'Rubriken får vara högst 300 tecken.' }) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) publicTitle?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40, { message: 'Diarienumret får vara högst 40 tecken.' }) diaryNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) presenter?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) proposal?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() secret?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) secrecyReference?: string | null;
}

export class OrderBody implements OrderAgendaRequest {
  @ApiProperty() @IsInt(VERSION) @Min(1, VERSION) version: number;
  @ApiProperty({ type: [String] }) @IsArray() @IsUUID('all', { each: true, message: 'Okänt ärende i ordningen.' }) itemIds: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class DocumentBody implements UpdateDocumentRequest {
  @ApiProperty() @IsInt(VERSION) @Min(1, VERSION) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() secret?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) secrecyReference?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) position?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class DeleteBody implements DeleteRequest {
  @ApiProperty() @IsInt(VERSION) @Min(1, VERSION) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** The fields beside an uploaded bilaga (multipart: every value arrives as text). */
export class AttachmentFields {
  @ApiProperty() @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)) @IsInt(VERSION) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() secret?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) secrecyReference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class SendKallelseBody implements SendKallelseRequest {
  @ApiProperty() @IsInt(VERSION) @Min(1, VERSION) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'Anledningen får vara högst 1 000 tecken.' }) reason?: string;
}

export class ResolveHitBody implements ResolveScanHitRequest {
  @ApiProperty() @IsString({ message: 'Skriv varför träffen inte är en personuppgift.' }) @MaxLength(1000) reason: string;
}

export class MemberNoteBody implements MemberNoteRequest {
  @ApiProperty() @IsString() @MaxLength(10_000, { message: 'En anteckning får vara högst 10 000 tecken.' }) text: string;
}

export class AbsenceBody implements AbsenceRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'Meddelandet får vara högst 1 000 tecken.' }) message?: string;
}
