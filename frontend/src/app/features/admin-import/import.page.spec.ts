import { importSummaryText } from './import.page';

describe('the import page', () => {
  it('sums up what an import creates, in Swedish', () => {
    expect(importSummaryText({ committees: 2, units: 14, users: 3, roles: 5 })).toBe(
      '2 nya nämnder, 14 nya enheter, 3 nya personer, 5 nya roller',
    );
    expect(importSummaryText({ committees: 1, units: 1, users: 1, roles: 0 })).toBe(
      '1 ny nämnd, 1 ny enhet, 1 ny person, 0 nya roller',
    );
  });
});
