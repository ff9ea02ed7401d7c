import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ADMIN_REMINDER_FAILURES_PATH,
  API_PATHS,
  CapturedMailListResponse,
  QueueJobListResponse,
  QueueJobRetryResponse,
  QueueJobState,
  QueueListResponse,
  ReminderFailureListResponse,
} from '@rapportflode/api-contract';
import { Observable } from 'rxjs';

/** The installation admin's API for Utskick and Köer. */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  mail(page: number, pageSize = 20): Observable<CapturedMailListResponse> {
    return this.http.get<CapturedMailListResponse>(API_PATHS.adminMail, { params: { page, pageSize } });
  }

  reminderFailures(page: number, pageSize = 20): Observable<ReminderFailureListResponse> {
    return this.http.get<ReminderFailureListResponse>(ADMIN_REMINDER_FAILURES_PATH, { params: { page, pageSize } });
  }

  queues(): Observable<QueueListResponse> {
    return this.http.get<QueueListResponse>(API_PATHS.adminQueues);
  }

  jobs(queue: string, state: QueueJobState, page = 1, pageSize = 20): Observable<QueueJobListResponse> {
    return this.http.get<QueueJobListResponse>(`${API_PATHS.adminQueues}/${encodeURIComponent(queue)}/jobs`, {
      params: { state, page, pageSize },
    });
  }

  retry(queue: string, jobId: string): Observable<QueueJobRetryResponse> {
    return this.http.post<QueueJobRetryResponse>(
      `${API_PATHS.adminQueues}/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(jobId)}/retry`,
      {},
    );
  }
}
