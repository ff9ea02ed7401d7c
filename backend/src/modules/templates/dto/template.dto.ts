import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SaveTemplateRequest } from '@rapportflode/api-contract';
import {
  REPORT_KINDS,
  ReportKind,
  RESPONSIBILITIES,
  Responsibility,
  Role,
  ROLES,
  SECTION_KINDS,
  SECTION_PLACEMENTS,
  SectionConfig,
  SectionKind,
  SectionPlacement,
  TemplateLayout,
} from '@rapportflode/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const TEMPLATE_MAX_SECTIONS = 300;

export class TemplateSectionBody {
  @ApiProperty({ example: 'ekonomiskt-resultat' })
  @IsString({ message: 'Varje avsnitt behöver en nyckel.' })
  @MaxLength(60, { message: 'En avsnittsnyckel får vara högst 60 tecken.' })
  key: string;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'Det överordnade avsnittet anges med sin nyckel (eller null).' })
  parentKey: string | null;

  @ApiProperty({ example: 'Ekonomiskt resultat' })
  @IsString({ message: 'Varje avsnitt behöver en rubrik.' })
  @MaxLength(300, { message: 'En rubrik får vara högst 300 tecken.' })
  title: string;

  @ApiProperty({ enum: SECTION_KINDS })
  @IsIn(SECTION_KINDS, { message: 'Okänd avsnittstyp.' })
  kind: SectionKind;

  @ApiProperty({ enum: RESPONSIBILITIES })
  @IsIn(RESPONSIBILITIES, { message: 'Ange vem som levererar avsnittet: nämndnivå, alla enheter eller valda enheter.' })
  responsibility: Responsibility;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true, message: 'Valda enheter anges med sina id.' })
  unitIds?: string[];

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: 'Okänd granskarroll.' })
  reviewerRole: Role;

  /** "Skrivs av": null or absent for the default rule; which roles may write is checked by checkTemplateSections (libs/domain). */
  @ApiPropertyOptional({ enum: ROLES, nullable: true })
  @IsOptional()
  @IsIn(ROLES, { message: 'Okänd roll för vem som skriver avsnittet.' })
  writerRole?: Role | null;

  /** Checked by checkTemplateSections (libs/domain). */
  @ApiPropertyOptional({ type: Object, nullable: true })
  @IsOptional()
  @IsObject({ message: 'Avsnittets upplägg har fel format.' })
  config?: SectionConfig | null;

  /** Its length is checked by checkTemplateSections (libs/domain), with the section named. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Beskriv periodens resultat och prognos per verksamhet.' })
  @IsOptional()
  @IsString({ message: 'Skrivinstruktionen ska vara text.' })
  @MaxLength(20_000, { message: 'Skrivinstruktionen är alldeles för lång.' })
  guidance?: string | null;

  /** "Endast rubrik": no task, only the heading printed (libs/domain/src/lib/template-layout.ts). */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'Ange om avsnittet bara är en rubrik med ja eller nej.' })
  headingOnly?: boolean;

  @ApiPropertyOptional({ enum: SECTION_PLACEMENTS })
  @IsOptional()
  @IsIn(SECTION_PLACEMENTS, { message: 'Ange avsnittets placering: i huvudtexten eller som bilaga.' })
  placement?: SectionPlacement;
}

export class SaveTemplateBody implements SaveTemplateRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Ange vilken nämnd mallen hör till.' })
  committeeId: string;

  @ApiProperty({ example: 'Delårsrapport' })
  @IsString({ message: 'Ange mallens namn.' })
  @MinLength(1, { message: 'Ange mallens namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  name: string;

  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS, {
    message: 'Ange rapporttyp: tertialrapport, delårsrapport, årsredovisning eller månadsuppföljning.',
  })
  reportKind: ReportKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: [TemplateSectionBody] })
  @IsArray({ message: 'Ange mallens avsnitt.' })
  @ArrayMaxSize(TEMPLATE_MAX_SECTIONS, { message: `En mall får ha högst ${TEMPLATE_MAX_SECTIONS} avsnitt.` })
  @IsObject({ each: true, message: 'Varje avsnitt anges som ett objekt.' })
  @ValidateNested({ each: true })
  @Type(() => TemplateSectionBody)
  sections: TemplateSectionBody[];

  /** Checked by checkTemplateLayout (libs/domain/src/lib/template-layout.ts), each option named in Swedish. */
  @ApiPropertyOptional({ type: Object, nullable: true, example: { numberedHeadings: true, chapterPageBreak: true, captions: true, tocDepth: 2 } })
  @IsOptional()
  @IsObject({ message: 'Mallens utskriftsinställningar har fel format.' })
  layout?: Partial<TemplateLayout> | null;
}
