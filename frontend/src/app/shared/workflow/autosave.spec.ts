import { Autosave, saveStatusText } from './autosave';

describe('Autosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(delayMs: number | null = 1500) {
    let blocked = false;
    const saves: number[] = [];
    const autosave: Autosave = new Autosave({
      delayMs,
      blocked: () => blocked,
      save: async () => {
        autosave.begin();
        saves.push(Date.now());
        autosave.succeeded('2026-04-15T08:42:10Z');
      },
    });
    return { autosave, saves, block: (value: boolean) => (blocked = value) };
  }

  it('saves once, after the person pauses', async () => {
    const { autosave, saves } = setup();
    autosave.changed();
    expect(autosave.text()).toBe('Osparade ändringar');
    jest.advanceTimersByTime(1000);
    autosave.changed();
    jest.advanceTimersByTime(1499);
    expect(saves).toHaveLength(0);
    jest.advanceTimersByTime(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(saves).toHaveLength(1);
    expect(autosave.dirty).toBe(false);
    expect(autosave.text()).toBe('Alla ändringar sparade kl. 10:42');
  });

  it('without a delay saves only when flushed; saveNow saves unchanged content too', async () => {
    const { autosave, saves } = setup(null);
    autosave.changed();
    jest.advanceTimersByTime(10_000);
    expect(saves).toHaveLength(0);
    expect(await autosave.flush()).toBe(true);
    expect(await autosave.flush()).toBe(true);
    expect(saves).toHaveLength(1);
    expect(await autosave.saveNow()).toBe(true);
    expect(saves).toHaveLength(2);
  });

  it('does not save while blocked (a conflict) and reports it as not saved', async () => {
    const { autosave, saves, block } = setup();
    autosave.changed();
    block(true);
    autosave.failed({ kind: 'conflict' });
    expect(await autosave.flush()).toBe(false);
    expect(saves).toHaveLength(0);
    expect(autosave.text()).toBe('Inte sparat: någon annan har sparat en nyare version (se nedan).');
  });

  it('words every state', () => {
    expect(saveStatusText({ kind: 'idle' })).toBe('');
    expect(saveStatusText({ kind: 'saving' })).toBe('Sparar…');
    expect(saveStatusText({ kind: 'error', message: 'Nätet svarar inte.' })).toBe('Kunde inte spara: Nätet svarar inte.');
    expect(saveStatusText({ kind: 'invalid', message: 'rätta fälten.' })).toBe('Inte sparat: rätta fälten.');
  });
});
