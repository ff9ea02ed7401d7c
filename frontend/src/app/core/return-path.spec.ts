import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnPath('/uppgifter/42')).toBe('/uppgifter/42');
    expect(safeReturnPath('/cykler/7?flik=status#t2')).toBe('/cykler/7?flik=status#t2');
  });

  it('unwraps nested sign-in addresses to the innermost page', () => {
    expect(safeReturnPath('/logga-in?tillbaka=%2Fuppgifter%2F42')).toBe('/uppgifter/42');
    const twice = `/logga-in?tillbaka=${encodeURIComponent(`/logga-in?tillbaka=${encodeURIComponent('/uppgifter/42')}&utgangen=1`)}&utgangen=1`;
    expect(safeReturnPath(twice)).toBe('/uppgifter/42');
    let deep = '/tjansteskrivelser/9';
    for (let i = 0; i < 8; i += 1) deep = `/logga-in?tillbaka=${encodeURIComponent(deep)}`;
    expect(safeReturnPath(deep)).toBe('/tjansteskrivelser/9');
  });

  it('never returns an address containing the sign-in page', () => {
    for (const raw of ['/logga-in', '/logga-in?utgangen=1', '/logga-in?tillbaka=', '/logga-in?tillbaka=/logga-in']) {
      expect(safeReturnPath(raw)).toBe('/');
    }
  });

  it('refuses other origins and odd input', () => {
    for (const raw of ['//evil.example', '/\\evil.example', 'https://evil.example/x', 'javascript:alert(1)', '', '  ', undefined, null, 42, '/a\nb']) {
      expect(safeReturnPath(raw)).toBe('/');
    }
    expect(safeReturnPath(`/logga-in?tillbaka=${encodeURIComponent('//evil.example')}`)).toBe('/');
    expect(safeReturnPath('https://evil.example', '/uppgifter')).toBe('/uppgifter');
  });
});
