import { isPermanentRejection } from './reminder-sender.service';
import { reminderWorkerTimings } from './reminder-worker-options';

describe('isPermanentRejection', () => {
  it('gives up on a 5xx to the recipient or the message: a bounce at SMTP', () => {
    expect(isPermanentRejection({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 })).toBe(true);
    expect(isPermanentRejection({ code: 'EMESSAGE', command: 'DATA', responseCode: 554 })).toBe(true);
  });

  it('retries everything else: 4xx, no connection, and 5xx that are our own configuration', () => {
    expect(isPermanentRejection({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450 })).toBe(false);
    expect(isPermanentRejection({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 421 })).toBe(false);
    expect(isPermanentRejection({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe(false);
    expect(isPermanentRejection({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 })).toBe(false);
    expect(isPermanentRejection(new Error('timeout'))).toBe(false);
    expect(isPermanentRejection(undefined)).toBe(false);
  });
});

describe('reminderWorkerTimings', () => {
  it('passes positive whole milliseconds to BullMQ and leaves its defaults otherwise', () => {
    expect(reminderWorkerTimings({ REMINDER_LOCK_MS: '2000', REMINDER_STALLED_INTERVAL_MS: '500' })).toEqual({ lockDuration: 2000, stalledInterval: 500 });
    expect(reminderWorkerTimings({ REMINDER_LOCK_MS: 'soon', REMINDER_STALLED_INTERVAL_MS: '0' })).toEqual({});
    expect(reminderWorkerTimings({})).toEqual({});
  });
});
