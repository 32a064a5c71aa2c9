import { addressKey, normalizeStreet, zip5 } from '../../domain/leads/address-key';

jest.setTimeout(180_000);

describe('addressKey', () => {
  it.each([
    ['123 Main Street', '45402', '123 main st|45402'],
    ['  123   MAIN   st. ', '45402-1234', '123 main st|45402'],
    ['123 North Main Avenue', '45402', '123 n main ave|45402'],
    ['123 N. Main Ave', '454021234', '123 n main ave|45402'],
    ['500 Oak Road SW', '45402', '500 oak rd sw|45402'],
    ['500 Oak Rd Southwest', '45402', '500 oak rd sw|45402'],
    ['9 Elm Boulevard, Apt. 4B', '45402', '9 elm blvd #4b|45402'],
    ['9 Elm Blvd Unit 4b', '45402', '9 elm blvd #4b|45402'],
    ['9 Elm Blvd #4B', '45402', '9 elm blvd #4b|45402'],
    ['9 Elm Blvd Apt #4B', '45402', '9 elm blvd #4b|45402'],
    ['9 Elm Blvd Suite 200', '45402', '9 elm blvd #200|45402'],
    ['1 Peña Court', '45402', '1 pena ct|45402'],
    ['77 Lakeview Drive, East', '45402', '77 lakeview dr e|45402'],
    ['12 Highland Parkway', '4540', '12 highland pkwy|4540'],
  ])('%s %s → %s', (street, zip, key) => {
    expect(addressKey({ street, zip })).toBe(key);
  });

  it('keeps a unit given on its own', () => {
    expect(addressKey({ street: '9 Elm Blvd', unit: 'Apt 4B', zip: '45402' })).toBe('9 elm blvd #4b|45402');
    expect(addressKey({ street: '9 Elm Blvd', unit: '4B', zip: '45402' })).toBe(addressKey({ street: '9 Elm Blvd #4b', zip: '45402' }));
  });

  it('tells different units and different zips apart', () => {
    expect(addressKey({ street: '9 Elm Blvd #4B', zip: '45402' })).not.toBe(addressKey({ street: '9 Elm Blvd #5B', zip: '45402' }));
    expect(addressKey({ street: '9 Elm Blvd', zip: '45402' })).not.toBe(addressKey({ street: '9 Elm Blvd', zip: '45403' }));
  });

  it('drops a unit word with nothing after it', () => {
    expect(normalizeStreet('9 Elm Blvd Apt')).toBe('9 elm blvd');
  });

  it.each([
    ['45402-1234', '45402'],
    ['45402', '45402'],
    [' 4540 ', '4540'],
    ['', ''],
    [null, ''],
  ])('zip5(%p) → %p', (zip, five) => {
    expect(zip5(zip)).toBe(five);
  });
});
