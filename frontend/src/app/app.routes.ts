import { Routes } from '@angular/router';
import { allowedGuard, signedInGuard, signedOutGuard } from './core/auth.guards';
import { unsavedChangesGuard } from './shared/workflow/unsaved-changes.guard';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'uppgifter' },
  {
    path: 'logga-in',
    title: 'Logga in – Rapportflöde',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'glomt-losenord',
    title: 'Glömt lösenord – Rapportflöde',
    loadComponent: () => import('./features/sign-in/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'aterstall-losenord',
    title: 'Nytt lösenord – Rapportflöde',
    loadComponent: () => import('./features/sign-in/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'uppgifter',
    title: 'Mina uppgifter – Rapportflöde',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/tasks/task-list.page').then((m) => m.TaskListPage),
    data: { list: 'mine' },
  },
  {
    path: 'uppgifter/:id',
    title: 'Uppgift – Rapportflöde',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/tasks/task.page').then((m) => m.TaskPage),
    canDeactivate: [unsavedChangesGuard],
  },
  {
    path: 'granskning',
    title: 'Att granska – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('task.review')],
    loadComponent: () => import('./features/tasks/task-list.page').then((m) => m.TaskListPage),
    data: { list: 'review' },
  },
  {
    path: 'notiser',
    title: 'Notiser – Rapportflöde',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'cykler',
    title: 'Rapportcykler – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('task.read')],
    loadComponent: () => import('./features/cycles/cycles.page').then((m) => m.CyclesPage),
  },
  {
    path: 'cykler/:id',
    title: 'Översikt – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('task.read')],
    loadComponent: () => import('./features/cycles/cycle-overview.page').then((m) => m.CycleOverviewPage),
  },
  {
    path: 'cykler/:id/rapport',
    title: 'Sammanställning – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('report.view')],
    loadComponent: () => import('./features/reports/report-assembly.page').then((m) => m.ReportAssemblyPage),
  },
  {
    path: 'cykler/:id/tjansteskrivelse',
    title: 'Tjänsteskrivelse – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('memo.view')],
    loadComponent: () => import('./features/memos/memo.page').then((m) => m.MemoPage),
    canDeactivate: [unsavedChangesGuard],
  },
  {
    path: 'cykler/:id/import/:sectionId',
    title: 'Importera från ekonomisystemet – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('economy.import')],
    loadComponent: () => import('./features/imports/economy-import.page').then((m) => m.EconomyImportPage),
  },
  {
    path: 'sammantraden',
    title: 'Sammanträden – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('meeting.read')],
    loadComponent: () => import('./features/meetings/meetings-home.page').then((m) => m.MeetingsHomePage),
  },
  {
    path: 'sammantraden/:meetingId',
    title: 'Sammanträde – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('meeting.read')],
    loadComponent: () => import('./features/meetings/meeting.page').then((m) => m.MeetingPage),
  },
  {
    path: 'namnder/:committeeId/sammantraden',
    title: 'Nämndens sammanträden – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('meeting.read')],
    loadComponent: () => import('./features/meetings/committee-meetings.page').then((m) => m.CommitteeMeetingsPage),
  },
  {
    path: 'mina-sammantraden',
    title: 'Mina sammanträden – Rapportflöde',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/meetings/my-meetings.page').then((m) => m.MyMeetingsPage),
  },
  // Published meetings: for anyone, without signing in.
  {
    path: 'offentligt',
    title: 'Nämndernas sammanträden',
    loadComponent: () => import('./features/public/public-committees.page').then((m) => m.PublicCommitteesPage),
  },
  {
    path: 'offentligt/sammantraden/:meetingId',
    title: 'Sammanträde – offentliga handlingar',
    loadComponent: () => import('./features/public/public-meeting.page').then((m) => m.PublicMeetingPage),
  },
  {
    path: 'offentligt/:committeeId',
    title: 'Nämndens sammanträden – offentliga handlingar',
    loadComponent: () => import('./features/public/public-committee.page').then((m) => m.PublicCommitteePage),
  },
  {
    path: 'admin/mallar',
    title: 'Rapportmallar – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('template.read')],
    loadComponent: () => import('./features/templates/templates.page').then((m) => m.TemplatesPage),
  },
  {
    path: 'admin/mallar/:id',
    title: 'Rapportmall – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('template.read')],
    loadComponent: () => import('./features/templates/template-editor.page').then((m) => m.TemplateEditorPage),
  },
  {
    path: 'organisation',
    title: 'Organisation – Rapportflöde',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/organisation/organisation.page').then((m) => m.OrganisationPage),
  },
  {
    path: 'admin/personer',
    title: 'Personer och roller – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('users.read')],
    loadComponent: () => import('./features/admin-people/people.page').then((m) => m.PeoplePage),
  },
  {
    path: 'admin/import',
    title: 'Importera organisation – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('organisation.manage')],
    loadComponent: () => import('./features/admin-import/import.page').then((m) => m.ImportPage),
  },
  {
    path: 'admin/logg',
    title: 'Ändringslogg – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('audit.read')],
    loadComponent: () => import('./features/admin-audit/audit.page').then((m) => m.AuditPage),
  },
  {
    path: 'admin/utskick',
    title: 'Utskick – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('system.manage')],
    loadComponent: () => import('./features/admin-operations/mail.page').then((m) => m.MailPage),
  },
  {
    path: 'admin/koer',
    title: 'Köer – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('system.manage')],
    loadComponent: () => import('./features/admin-operations/queues.page').then((m) => m.QueuesPage),
  },
  {
    path: 'status',
    title: 'Systemstatus – Rapportflöde',
    canActivate: [signedInGuard, allowedGuard('system.manage')],
    loadComponent: () => import('./features/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: '**',
    title: 'Sidan finns inte – Rapportflöde',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
