import { API_PATHS } from './common';

describe('API_PATHS', () => {
  it('keeps every path under /api so the static frontend never shadows it', () => {
    for (const path of Object.values(API_PATHS)) {
      expect(path).toMatch(/^\/api\//);
    }
  });
});
