import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { RichTextDocument } from '@rapportflode/domain';
import { RichTextEditorComponent } from './rich-text-editor.component';

const DOC: RichTextDocument = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'Sammanfattning' }] },
    {
      type: 'paragraph',
      id: 'p-forsta',
      content: [
        { type: 'text', text: 'Utfallet', marks: [{ type: 'bold' }, { type: 'footnote', note: 'Per augusti.' }] },
        { type: 'text', text: ' är bra.' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Utan id' }] },
  ],
};

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RichTextEditorComponent],
  template: `<rf-rich-text-editor
    label="Text för Sammanfattning"
    [content]="content"
    (changed)="changes = changes + 1"
  />`,
})
class HostComponent {
  content = DOC;
  changes = 0;
  readonly editor = viewChild.required(RichTextEditorComponent);
}

function setUp() {
  const fixture = TestBed.createComponent(HostComponent);
  fixture.detectChanges();
  return { fixture, host: fixture.componentInstance, editor: fixture.componentInstance.editor() };
}

function read(editor: RichTextEditorComponent): RichTextDocument {
  const result = editor.read();
  if (!result.ok) throw new Error(result.errors.join(' | '));
  return result.document;
}

describe('RichTextEditorComponent', () => {
  it('shows the content as an accessible text box with a Swedish toolbar', () => {
    const { fixture } = setUp();
    const root = fixture.nativeElement as HTMLElement;
    const box = root.querySelector('[role="textbox"]');
    expect(box?.getAttribute('aria-label')).toBe('Text för Sammanfattning');
    expect(box?.getAttribute('aria-multiline')).toBe('true');
    expect(box?.querySelector('h2')?.textContent).toBe('Sammanfattning');
    expect(box?.querySelector('strong')?.textContent).toBe('Utfallet');
    const names = Array.from(root.querySelectorAll('[role="toolbar"] button'), (b) => b.textContent?.trim());
    expect(names).toEqual([
      'Rubrik',
      'Underrubrik',
      'Fetstil',
      'Kursiv',
      'Punktlista',
      'Numrerad lista',
      'Länk',
      'Tabell',
      'Fotnot',
      'Ångra',
      'Gör om',
    ]);
    expect(root.querySelector('ol[aria-labelledby]')?.textContent?.trim()).toBe('Per augusti.');
  });

  it('reads the document back as stored, giving a paragraph without an anchor one that it keeps', () => {
    const { editor, host } = setUp();
    const first = read(editor);
    const [heading, paragraph, added] = first.content;
    expect(heading).toEqual(DOC.content[0]);
    expect(paragraph).toEqual(DOC.content[1]);
    expect(added.type === 'paragraph' && added.id).toMatch(/^p-[a-z0-9]{8}$/);
    expect(read(editor)).toEqual(first);
    // Giving ids is no change by the person.
    expect(host.changes).toBe(0);
  });

  it('replaces its content without reporting a change, and nothing is left to undo', () => {
    const { editor, host, fixture } = setUp();
    const other: RichTextDocument = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', id: 'p-ny', content: [{ type: 'text', text: 'Ny text' }] }],
    };
    editor.setContent(other);
    fixture.detectChanges();
    expect(read(editor)).toEqual(other);
    expect(host.changes).toBe(0);
    const undo = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Ångra',
    );
    expect(undo?.disabled).toBe(true);
  });
});
