import { computed, type DestroyRef, signal } from '@angular/core';
import { formatDateTime } from '@rapportflode/domain';

/** How long after the last keystroke the task page saves. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict' };

/** `Alla ändringar sparade kl. 10:42` (Stockholm time). */
export function savedAtText(at: Date | string): string {
  const time = formatDateTime(at).split(' ')[1] ?? '';
  return `Alla ändringar sparade kl. ${time}`;
}

/** The line under the editor that tells what has been saved. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'pending':
      return 'Osparade ändringar';
    case 'saving':
      return 'Sparar…';
    case 'saved':
      return savedAtText(status.at);
    case 'error':
      return `Kunde inte spara: ${status.message}`;
    case 'invalid':
      return `Inte sparat: ${status.message}`;
    case 'conflict':
      return 'Inte sparat: någon annan har sparat en nyare version (se nedan).';
  }
}

export interface AutosaveOptions {
  /** Debounce after a change; null: saved only when `flush()` is called (a Spara button). */
  delayMs: number | null;
  /** True while nothing may be saved (a conflict waits for the person's choice). */
  blocked: () => boolean;
  /** Saves what is there now; reports through `begin`, `succeeded` and `failed`. */
  save: () => Promise<void>;
}

/**
 * The saving state of one editable thing: dirty or not, a debounced save after each change, one
 * save at a time, and the status line (`Osparade ändringar`, `Sparar…`, `Alla ändringar sparade kl. …`).
 * The page owns the request itself (`options.save`).
 */
export class Autosave {
  readonly status = signal<SaveStatus>({ kind: 'idle' });
  readonly text = computed(() => saveStatusText(this.status()));
  private dirtyFlag = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Saves one after the other, never two at once. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: AutosaveOptions) {}

  /** Something changed and is not saved yet. */
  get dirty(): boolean {
    return this.dirtyFlag;
  }

  /** Something is not saved yet or its save is still on its way (a page must not be left silently). */
  get unsaved(): boolean {
    return this.dirtyFlag || this.status().kind === 'saving';
  }

  /** An edit: marks it unsaved and (with a delay) saves it once the person pauses. */
  changed(): void {
    if (this.options.blocked()) return;
    this.dirtyFlag = true;
    if (this.status().kind !== 'saving') this.status.set({ kind: 'pending' });
    this.clearTimer();
    if (this.options.delayMs !== null) this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
  }

  /** Saves what is not saved yet; true when everything is saved afterwards. */
  flush(): Promise<boolean> {
    this.clearTimer();
    this.chain = this.chain.then(() => this.saveIfDirty());
    return this.chain.then(() => !this.dirtyFlag && !this.options.blocked());
  }

  /** Saves now, changed or not (a Spara button); true when everything is saved afterwards. */
  saveNow(): Promise<boolean> {
    this.dirtyFlag = true;
    return this.flush();
  }

  /** The save starts: what changes from now on is unsaved again. */
  begin(): void {
    this.dirtyFlag = false;
    this.status.set({ kind: 'saving' });
  }

  succeeded(at: string): void {
    this.status.set(this.dirtyFlag ? { kind: 'pending' } : { kind: 'saved', at });
  }

  /** The save did not go through: still unsaved, and why. */
  failed(status: Extract<SaveStatus, { kind: 'error' | 'invalid' | 'conflict' }>): void {
    this.dirtyFlag = true;
    this.status.set(status);
  }

  /** After a conflict is settled or a new version is shown: dirty or not, and the status to show. */
  reset(dirty: boolean, status: SaveStatus = { kind: 'idle' }): void {
    this.clearTimer();
    this.dirtyFlag = dirty;
    this.status.set(status);
  }

  /** Saves when the tab is hidden or closed, and asks the browser to warn while something is unsaved. */
  flushOnLeave(destroyRef: DestroyRef): void {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!this.dirtyFlag) return;
      void this.flush();
      event.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void this.flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    destroyRef.onDestroy(() => {
      this.clearTimer();
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveIfDirty(): Promise<void> {
    if (!this.dirtyFlag || this.options.blocked()) return;
    await this.options.save();
  }
}
