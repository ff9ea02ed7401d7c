import { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'organisation' },
  {
    path: 'organisation',
    title: 'Organisation – Rapportflöde',
    loadComponent: () => import('./features/organisation/organisation.page').then((m) => m.OrganisationPage),
  },
  {
    path: 'status',
    title: 'Systemstatus – Rapportflöde',
    loadComponent: () => import('./features/status/status.page').then((m) => m.StatusPage),
  },
  {
    path: '**',
    title: 'Sidan finns inte – Rapportflöde',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
