import { QueryFailedError } from 'typeorm';
import { describeUnexpected } from './normalize-error';

describe('describeUnexpected (what the log may hold about an unexpected error)', () => {
  it('keeps only codes and names of a database error, never its message, query or parameters', () => {
    const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      routine: 'report_invalid_encoding',
      table: 'referrals',
      detail: 'Key (patient_full_name)=(Zelda Quibblesworth) already exists.',
    });
    const error = new QueryFailedError(
      'INSERT INTO referrals (patient_full_name) VALUES ($1)',
      ['Zelda Quibblesworth', '1961-04-17'],
      driverError,
    );
    const logged = JSON.stringify(describeUnexpected(error));
    expect(logged).not.toContain('Zelda');
    expect(logged).not.toContain('1961');
    expect(logged).not.toContain('INSERT');
    expect(describeUnexpected(error)).toMatchObject({
      type: 'QueryFailedError',
      code: '22021',
      table: 'referrals',
      routine: 'report_invalid_encoding',
    });
  });

  it('keeps the message of an ordinary programming error', () => {
    expect(describeUnexpected(new TypeError('x is not a function'))).toMatchObject({
      type: 'TypeError',
      message: 'x is not a function',
    });
  });
});
