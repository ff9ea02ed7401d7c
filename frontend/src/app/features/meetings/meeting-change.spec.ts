import { HttpErrorResponse } from '@angular/common/http';
import type { MeetingDto } from '@rapportflode/api-contract';
import { CONFLICT_MESSAGE, needsReason, runChange } from './meeting-change';
import { meeting } from './testing';

const refused = (status: number, code: string, message = 'Nej.') =>
  new HttpErrorResponse({ status, error: { code, message } });

function deps(reasons: Array<string | null>, stored: MeetingDto = meeting({ version: 9 })) {
  return {
    asked: 0,
    askReason() {
      this.asked += 1;
      return Promise.resolve(reasons.shift() ?? null);
    },
    reload: () => Promise.resolve(stored),
  };
}

describe('needsReason', () => {
  it('asks for a reason once the kallelse has gone out, not before', () => {
    expect(needsReason({ state: 'planned' })).toBe(false);
    expect(needsReason({ state: 'kallelse_sent' })).toBe(true);
    expect(needsReason({ state: 'held' })).toBe(true);
  });
});

describe('runChange', () => {
  it('sends a planned meeting’s change with its version and no reason, without asking', async () => {
    const d = deps([]);
    const send = jest.fn((version: number, reason: string | undefined) =>
      Promise.resolve(meeting({ version: version + 1, place: String(reason) })),
    );
    const outcome = await runChange(meeting(), send, d);
    expect(d.asked).toBe(0);
    expect(send).toHaveBeenCalledWith(4, undefined);
    expect(outcome).toEqual({ kind: 'saved', meeting: expect.objectContaining({ version: 5 }) });
  });

  it('asks first once the kallelse is sent, and sends the reason given', async () => {
    const d = deps(['Fel lokal i kallelsen']);
    const send = jest.fn(() => Promise.resolve(meeting({ version: 5 })));
    const outcome = await runChange(meeting({ state: 'kallelse_sent' }), send, d);
    expect(d.asked).toBe(1);
    expect(send).toHaveBeenCalledWith(4, 'Fel lokal i kallelsen');
    expect(outcome.kind).toBe('saved');
  });

  it('sends nothing when the dialog is closed without a reason', async () => {
    const send = jest.fn();
    expect(await runChange(meeting({ state: 'kallelse_sent' }), send, deps([null]))).toEqual({ kind: 'cancelled' });
    expect(send).not.toHaveBeenCalled();
  });

  it('asks after all when the server says a reason is needed (the kallelse went out in between), then sends again', async () => {
    const d = deps(['Nytt ärende']);
    const send = jest
      .fn<Promise<MeetingDto>, [number, string | undefined]>()
      .mockRejectedValueOnce(refused(409, 'kallelse_change_reason_required'))
      .mockResolvedValueOnce(meeting({ version: 5 }));
    const outcome = await runChange(meeting(), send, d);
    expect(d.asked).toBe(1);
    expect(send.mock.calls).toEqual([
      [4, undefined],
      [4, 'Nytt ärende'],
    ]);
    expect(outcome.kind).toBe('saved');
  });

  it('takes the reason from the page’s own field, and no reason at all for plain requests', async () => {
    const d = deps([]);
    const send = jest.fn(() => Promise.resolve(meeting()));
    await runChange(meeting({ state: 'kallelse_sent' }), send, d, { reason: 'Rättad tid' });
    await runChange(meeting({ state: 'kallelse_sent' }), send, d, { reason: 'none' });
    expect(d.asked).toBe(0);
    expect(send.mock.calls).toEqual([
      [4, 'Rättad tid'],
      [4, undefined],
    ]);
  });

  it('reloads after a stale version and says so', async () => {
    const stored = meeting({ version: 9 });
    const outcome = await runChange(
      meeting(),
      () => Promise.reject(refused(409, 'version_conflict')),
      deps([], stored),
    );
    expect(outcome).toEqual({ kind: 'conflict', meeting: stored, message: CONFLICT_MESSAGE });
  });

  it('gives the server’s Swedish message and details on any other refusal', async () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: { code: 'validation_failed', message: 'Ärendet kan inte sparas.', details: ['Rubriken saknas.'] },
    });
    expect(await runChange(meeting(), () => Promise.reject(error), deps([]))).toEqual({
      kind: 'failed',
      lines: ['Ärendet kan inte sparas.', 'Rubriken saknas.'],
    });
  });
});
