import { contentDisposition } from './document-files';

describe('contentDisposition', () => {
  it("keeps filename* inside RFC 5987's attr-char: an apostrophe or parentheses in a name are percent-encoded", () => {
    const header = contentDisposition('attachment', ["Barn- och familj's (BoF)", 'T2*2026!'], 'pdf');
    const extended = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1] ?? '';
    // attr-char: ALPHA / DIGIT / "!" "#" "$" "&" "+" "-" "." "^" "_" "`" "|" "~", or pct-encoded (RFC 5987 3.2.1); the name keeps none of ' ( ) * !
    expect(extended).toMatch(/^(?:[A-Za-z0-9#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    expect(decodeURIComponent(extended)).toBe("Barn--och-familj's-(BoF)-T2*2026!.pdf");
    expect(header).toContain('filename="Barn-och-familj-s-BoF-T2-2026.pdf"');
  });

  it('writes å, ä and ö in UTF-8 for browsers and ASCII for old clients', () => {
    const header = contentDisposition('inline', ['Socialnämnden', 'Delårsrapport'], 'docx');
    expect(header).toBe(
      `inline; filename="Socialnamnden-Delarsrapport.docx"; filename*=UTF-8''${encodeURIComponent('Socialnämnden-Delårsrapport.docx')}`,
    );
  });
});
