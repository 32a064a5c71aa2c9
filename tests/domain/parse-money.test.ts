import { MONEY_INPUT_ERROR, parseMoney } from '../../domain/money/parse-money';

jest.setTimeout(180_000);

describe('parseMoney', () => {
  it.each([
    ['95k', 95_000],
    ['95K', 95_000],
    ['$95,000', 95_000],
    ['95,000', 95_000],
    ['1.2m', 1_200_000],
    ['1.25M', 1_250_000],
    ['250000', 250_000],
    ['$ 250000', 250_000],
    ['  95.5k ', 95_500],
    ['1,250,000', 1_250_000],
    ['0', 0],
    ['95000.00', 95_000],
  ])('%s → %d', (typed, value) => {
    expect(parseMoney(typed)).toEqual({ ok: true, value });
  });

  it.each(['abc95k', '2OOk', '95kk', '9,5000', '95,00', '-5000', '95.5', '1.2345k', '$', 'k', '95 000', '1e6', '95k$', '12,345.6.7'])('refuses %s', (typed) => {
    expect(parseMoney(typed)).toEqual({ ok: false, error: MONEY_INPUT_ERROR });
  });

  it('reads an empty box as no amount', () => {
    expect(parseMoney('')).toEqual({ ok: true, value: undefined });
    expect(parseMoney('   ')).toEqual({ ok: true, value: undefined });
  });

  it('says what to type', () => {
    expect(MONEY_INPUT_ERROR).toBe('Enter an amount like 95,000');
  });
});
