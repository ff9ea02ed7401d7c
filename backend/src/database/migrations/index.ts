import { CreateOrganisation1764000000000 } from './1764000000000-CreateOrganisation';
import { CreateJobExecution1764000000001 } from './1764000000001-CreateJobExecution';
import { CreatePeopleAndAccess1764000000002 } from './1764000000002-CreatePeopleAndAccess';
import { CreateReportTemplates1764000000003 } from './1764000000003-CreateReportTemplates';
import { CreateCyclesAndTasks1764000000004 } from './1764000000004-CreateCyclesAndTasks';
import { AddSectionConfig1764000000005 } from './1764000000005-AddSectionConfig';
import { CreateEconomyImports1764000000006 } from './1764000000006-CreateEconomyImports';
import { CreateReminders1764000000007 } from './1764000000007-CreateReminders';
import { AddSentReminderStatus1764000000008 } from './1764000000008-AddSentReminderStatus';
import { AddReminderDigest1764000000009 } from './1764000000009-AddReminderDigest';
import { CreateReportVersions1764000000010 } from './1764000000010-CreateReportVersions';
import { CreateMemos1764000000011 } from './1764000000011-CreateMemos';
import { CreateReportVersionFiles1764000000012 } from './1764000000012-CreateReportVersionFiles';
import { AddSeparationOfDuties1764000000013 } from './1764000000013-AddSeparationOfDuties';
import { AddConfidentialMail1764000000014 } from './1764000000014-AddConfidentialMail';
import { CreateSigninAttempts1764000000015 } from './1764000000015-CreateSigninAttempts';
import { AddReportVersionFigures1764000000016 } from './1764000000016-AddReportVersionFigures';
import { AddReturnMailKinds1764000000017 } from './1764000000017-AddReturnMailKinds';
import { AddTaskDeadlineSetAt1764000000018 } from './1764000000018-AddTaskDeadlineSetAt';
import { AddCommentRowAnchor1764000000019 } from './1764000000019-AddCommentRowAnchor';
import { AddManualReminders1764000000020 } from './1764000000020-AddManualReminders';
import { AddSectionGuidance1764000000021 } from './1764000000021-AddSectionGuidance';
import { CreateMeetings1764000000022 } from './1764000000022-CreateMeetings';
import { AddTemplateLayout1764000000024 } from './1764000000024-AddTemplateLayout';
import { CreateReportAppendices1764000000027 } from './1764000000027-CreateReportAppendices';
import { AddBlocksSectionKind1764000000025 } from './1764000000025-AddBlocksSectionKind';
import { AddSectionWriterRole1764000000026 } from './1764000000026-AddSectionWriterRole';
import { CreateReportVersionAppendices1764000000030 } from './1764000000030-CreateReportVersionAppendices';

/** Every migration, in order. Listed explicitly because the backend is bundled (no glob at run time). */
export const MIGRATIONS = [
  CreateOrganisation1764000000000,
  CreateJobExecution1764000000001,
  CreatePeopleAndAccess1764000000002,
  CreateReportTemplates1764000000003,
  CreateCyclesAndTasks1764000000004,
  AddSectionConfig1764000000005,
  CreateEconomyImports1764000000006,
  CreateReminders1764000000007,
  AddSentReminderStatus1764000000008,
  AddReminderDigest1764000000009,
  CreateReportVersions1764000000010,
  CreateMemos1764000000011,
  CreateReportVersionFiles1764000000012,
  AddSeparationOfDuties1764000000013,
  AddConfidentialMail1764000000014,
  CreateSigninAttempts1764000000015,
  AddReportVersionFigures1764000000016,
  AddReturnMailKinds1764000000017,
  AddTaskDeadlineSetAt1764000000018,
  AddCommentRowAnchor1764000000019,
  AddManualReminders1764000000020,
  AddSectionGuidance1764000000021,
  CreateMeetings1764000000022,
  AddTemplateLayout1764000000024,
  AddBlocksSectionKind1764000000025,
  AddSectionWriterRole1764000000026,
  CreateReportAppendices1764000000027,
  CreateReportVersionAppendices1764000000030,
];
