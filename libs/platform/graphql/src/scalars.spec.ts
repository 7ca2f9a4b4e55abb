import { parseCalendarDate } from './scalars';

describe('parseCalendarDate', () => {
  it('accepts real calendar dates', () => {
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
  });
  it.each(['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '2025-01-01T00:00:00Z', ''])('refuses %s', (value) => {
    expect(parseCalendarDate(value)).toBeNull();
  });
});
