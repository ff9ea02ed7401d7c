import { UNSAVED_QUESTION, unsavedChangesGuard, type HasUnsavedChanges } from './unsaved-changes.guard';

function leave(page: HasUnsavedChanges): Promise<unknown> {
  return Promise.resolve(unsavedChangesGuard(page, null as never, null as never, null as never));
}

describe('unsavedChangesGuard', () => {
  let confirm: jest.SpyInstance<boolean, [string?]>;

  beforeEach(() => {
    confirm = jest.spyOn(window, 'confirm');
  });
  afterEach(() => confirm.mockRestore());

  it('lets a page with nothing unsaved go without asking or saving', async () => {
    const saveNow = jest.fn(async () => true);
    await expect(leave({ hasUnsavedChanges: () => false, saveNow })).resolves.toBe(true);
    expect(saveNow).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('saves unsaved input first and leaves without asking when the save went through', async () => {
    let dirty = true;
    const saveNow = jest.fn(async () => {
      dirty = false;
      return true;
    });
    await expect(leave({ hasUnsavedChanges: () => dirty, saveNow })).resolves.toBe(true);
    expect(saveNow).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks in Swedish when the save fails, and stays when the person says no', async () => {
    confirm.mockReturnValue(false);
    await expect(leave({ hasUnsavedChanges: () => true, saveNow: async () => false })).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledWith(UNSAVED_QUESTION);
    expect(UNSAVED_QUESTION).toBe('Det finns ändringar som inte är sparade. Lämna sidan ändå?');
  });

  it('leaves when the person says yes after a failed save', async () => {
    confirm.mockReturnValue(true);
    await expect(leave({ hasUnsavedChanges: () => true, saveNow: async () => Promise.reject(new Error('nät')) })).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('asks when the save reports success but something is still unsaved (typed meanwhile)', async () => {
    confirm.mockReturnValue(false);
    await expect(leave({ hasUnsavedChanges: () => true, saveNow: async () => true })).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('asks straight away when the page cannot save by itself', async () => {
    confirm.mockReturnValue(false);
    await expect(leave({ hasUnsavedChanges: () => true })).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
  });
});
