import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { normaliseSecrecyReference, SECRECY_REFERENCE_HINT } from '@rapportflode/domain';
import { REASON_QUESTION } from './meeting-change';
import { askText, type TextDialogData } from './text-dialog.component';

const data: TextDialogData = {
  title: 'Ändring efter utskickad kallelse',
  label: REASON_QUESTION,
  submitLabel: 'Spara ändringen',
  multiline: true,
  emptyMessage: 'Skriv varför kallelsen ändras.',
};

/** Opens the dialog and returns what it answers with, after `act` on its element. */
async function answer(dialogData: TextDialogData, act: (root: HTMLElement, settle: () => Promise<void>) => Promise<void>): Promise<string | null> {
  TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
  const dialog = TestBed.inject(MatDialog);
  const answered = askText(dialog, dialogData);
  const settle = async () => {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  await settle();
  const root = document.querySelector<HTMLElement>('rf-text-dialog') as HTMLElement;
  await act(root, settle);
  return answered;
}

function type(root: HTMLElement, text: string): void {
  const field = root.querySelector<HTMLTextAreaElement | HTMLInputElement>('textarea, input') as HTMLTextAreaElement;
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

function button(root: HTMLElement, label: string): HTMLButtonElement {
  return Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement;
}

afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => el.remove()));

describe('the reason dialog', () => {
  it('asks the question and refuses an empty reason, then gives the trimmed one', async () => {
    const given = await answer(data, async (root, settle) => {
      expect(root.textContent).toContain(REASON_QUESTION);
      button(root, 'Spara ändringen').click();
      await settle();
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('Skriv varför kallelsen ändras.');
      type(root, '  Ny lokal  ');
      await settle();
      button(root, 'Spara ändringen').click();
      await settle();
    });
    expect(given).toBe('Ny lokal');
  });

  it('answers null on Avbryt: nothing is sent', async () => {
    const given = await answer(data, async (root, settle) => {
      type(root, 'halvskriven');
      await settle();
      button(root, 'Avbryt').click();
      await settle();
    });
    expect(given).toBeNull();
  });

  it('checks the text with the given rule (an OSL reference)', async () => {
    const osl: TextDialogData = {
      title: 'Sekretessbelägg',
      label: 'Sekretess enligt',
      submitLabel: 'Sekretessbelägg',
      validate: (text) => (normaliseSecrecyReference(text) === null ? SECRECY_REFERENCE_HINT : null),
    };
    const given = await answer(osl, async (root, settle) => {
      type(root, '26 kap');
      await settle();
      button(root, 'Sekretessbelägg').click();
      await settle();
      expect(root.querySelector('[role="alert"]')?.textContent).toContain(SECRECY_REFERENCE_HINT);
      type(root, '26 kap. 1 § OSL');
      await settle();
      button(root, 'Sekretessbelägg').click();
      await settle();
    });
    expect(given).toBe('26 kap. 1 § OSL');
  });
});
