import { formatGraphQLError } from './graphql-error-mapping';

describe('formatGraphQLError on variables of the wrong shape', () => {
  const format = (message: string) => formatGraphQLError({ message, extensions: { code: 'BAD_USER_INPUT' } }, false);

  it('drops the submitted value and names the field', () => {
    const out = format(
      'Variable "$input" got invalid value "1961-02-30" at "input.patient.dateOfBirth"; Expected type "Date". Date must be a calendar date in the form YYYY-MM-DD.',
    );
    expect(out.message).not.toContain('1961');
    expect(out.message).toContain('input.patient.dateOfBirth');
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.patient.dateOfBirth'] });
  });

  it('does not echo a value hidden in a scalar message', () => {
    const out = format(
      'Variable "$input" got invalid value 42 at "input.patient.fullName"; String cannot represent a non string value: 42',
    );
    expect(out.message).not.toContain('42');
    expect(out.extensions).toMatchObject({ fields: ['input.patient.fullName'] });
  });

  it('names a missing field without quoting the object around it', () => {
    const out = format(
      'Variable "$input" got invalid value { fullName: "Zelda Quibblesworth" } at "input.patient"; Field "dateOfBirth" of required type "Date!" was not provided.',
    );
    expect(out.message).not.toContain('Zelda');
    expect(out.message).toContain('"dateOfBirth" of required type "Date!" was not provided');
  });
});
