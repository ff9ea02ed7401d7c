import type { CanDeactivateFn } from '@angular/router';

/** The question asked when a page is left with input that could not be saved. */
export const UNSAVED_QUESTION = 'Det finns ändringar som inte är sparade. Lämna sidan ändå?';

/** A page that knows whether it holds unsaved input, and can try to save it before it is left. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
  /** Saves what is unsaved now (the autosave's flush); true when everything is saved afterwards. */
  saveNow?(): Promise<boolean>;
}

/**
 * Leaving a page with unsaved input (`canDeactivate`): saves it first; when that fails or nothing
 * could be saved, the person is asked (in the browser's confirm dialog) whether to leave anyway.
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = async (page) => {
  if (!page?.hasUnsavedChanges()) return true;
  if (page.saveNow) {
    try {
      if ((await page.saveNow()) && !page.hasUnsavedChanges()) return true;
    } catch {
      // Not saved: ask below.
    }
  }
  return window.confirm(UNSAVED_QUESTION);
};
