import { API_PATHS } from './common';

describe('API_PATHS', () => {
  it('keeps every path under /api so the static frontend never shadows it', () => {
    const paths = Object.values(API_PATHS).flatMap((p) => (typeof p === 'string' ? [p] : Object.values(p)));
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      expect(path).toMatch(/^\/api\//);
    }
  });
});
