import { TestBed } from '@angular/core/testing';
import type { Transition } from '@rapportflode/domain';
import { TransitionBarComponent, type TransitionOutcome } from './transition-bar.component';

describe('TransitionBarComponent', () => {
  async function bar(inputs: Record<string, unknown>, outcome: TransitionOutcome = { done: true }) {
    const runs: Array<{ transition: Transition; text?: string }> = [];
    const fixture = TestBed.createComponent(TransitionBarComponent);
    fixture.componentRef.setInput('run', async (transition: Transition, text?: string) => {
      runs.push({ transition, ...(text === undefined ? {} : { text }) });
      return outcome;
    });
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;
    const button = (name: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    return { fixture, root, runs, button };
  }

  it('shows one button per allowed transition, in the workflow’s words unless the page words them', async () => {
    const { root } = await bar({ transitions: ['return', 'approve'], state: 'submitted', labels: { return: 'Återsänd' } });
    const group = root.querySelector('[role="group"][aria-label="Arbetsflöde"]');
    expect(Array.from(group?.querySelectorAll('button') ?? []).map((b) => b.textContent?.trim())).toEqual(['Återsänd', 'Godkänn']);
  });

  it('runs a transition without text at once', async () => {
    const { fixture, runs, button } = await bar({ transitions: ['submit'], state: 'draft' });
    button('Lämna in')?.click();
    await fixture.whenStable();
    expect(runs).toEqual([{ transition: 'submit' }]);
  });

  it('asks for the text of a return, refuses an empty one and sends it trimmed', async () => {
    const { fixture, root, runs, button } = await bar({ transitions: ['return'], state: 'submitted' });
    button('Återremittera')?.click();
    await fixture.whenStable();
    expect(root.querySelector('label[for="transition-text"]')?.textContent).toBe('Kommentar till enheten');
    button('Bekräfta')?.click();
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Skriv en kommentar');
    expect(runs).toEqual([]);

    const text = root.querySelector<HTMLTextAreaElement>('#transition-text');
    if (!text) throw new Error('no text field');
    text.value = '  Ange prognosen.  ';
    text.dispatchEvent(new Event('input'));
    button('Bekräfta')?.click();
    await fixture.whenStable();
    expect(runs).toEqual([{ transition: 'return', text: 'Ange prognosen.' }]);
    expect(root.querySelector('#transition-text')).toBeNull();
  });

  it('shows why a transition did not happen, and the self-approval note', async () => {
    const { fixture, root, button } = await bar(
      { transitions: ['submit'], state: 'draft', selfApprovalRefused: true },
      { done: false, error: 'Texten kunde inte sparas.' },
    );
    expect(root.querySelector('#self-approval-note')).not.toBeNull();
    button('Lämna in')?.click();
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Texten kunde inte sparas.');
  });

  it('leaves no earlier refusal standing once a step succeeds', async () => {
    const { fixture, root, button } = await bar({ transitions: ['submit'], state: 'draft' }, { done: false, error: 'Någon annan har just ändrat uppgiften.' });
    button('Lämna in')?.click();
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Någon annan har just ändrat uppgiften.');
    let finish: (value: TransitionOutcome) => void = () => undefined;
    fixture.componentRef.setInput('run', () => new Promise<TransitionOutcome>((resolve) => (finish = resolve)));
    button('Lämna in')?.click();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')).toBeNull(); // not while the step runs
    finish({ done: true });
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
