import { deletedCount } from './deleted-count';

describe('deletedCount', () => {
  it("reads TypeORM's [rows, rowCount] answer to a DELETE", () => {
    expect(deletedCount([[{ '?column?': 1 }, { '?column?': 1 }, { '?column?': 1 }], 3])).toBe(3);
    expect(deletedCount([[], 0])).toBe(0);
  });
  it('falls back to the number of rows returned', () => {
    expect(deletedCount([{ a: 1 }])).toBe(1);
    expect(deletedCount(undefined)).toBe(0);
  });
});
