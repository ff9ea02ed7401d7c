import { inject, Injectable } from '@angular/core';
import {
  CapturedMailListResponse,
  OPERATIONS_API,
  QueueJobListResponse,
  QueueJobRetryResponse,
  QueueJobState,
  QueueListResponse,
  ReminderFailureListResponse,
} from '@rapportflode/api-contract';
import { Observable } from 'rxjs';
import { ApiClient } from '../../core/api-client';

/** The installation admin's API for Utskick and Köer (the endpoints of OPERATIONS_API in libs/api-contract). */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly api = inject(ApiClient);

  mail(page: number, pageSize = 20): Observable<CapturedMailListResponse> {
    return this.api.call(OPERATIONS_API.mail, {}, undefined, { page, pageSize });
  }

  reminderFailures(page: number, pageSize = 20): Observable<ReminderFailureListResponse> {
    return this.api.call(OPERATIONS_API.reminderFailures, {}, undefined, { page, pageSize });
  }

  queues(): Observable<QueueListResponse> {
    return this.api.call(OPERATIONS_API.queues, {});
  }

  jobs(queue: string, state: QueueJobState, page = 1, pageSize = 20): Observable<QueueJobListResponse> {
    return this.api.call(OPERATIONS_API.jobs, { queue }, undefined, { state, page, pageSize });
  }

  retry(queue: string, jobId: string): Observable<QueueJobRetryResponse> {
    return this.api.call(OPERATIONS_API.retry, { queue, jobId }, {});
  }
}
