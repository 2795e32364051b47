import { describe, expect, it } from 'vitest';
import { optionalMobile, typedMobile } from './validators';

const check = (value: string): Error | undefined | 'pending' => {
  let outcome: Error | undefined | 'pending' = 'pending';
  optionalMobile(null, value, (error) => (outcome = error));
  return outcome;
};

describe('console phone fields', () => {
  it('accept what the server and H5 accept, +86 and spaces included, and send it normalised', () => {
    for (const phone of ['13800138000', '+86 138 0013 8000', '0086-13800138000', '']) {
      expect(check(phone), phone).toBeUndefined();
    }
    expect(typedMobile(' +86 138 0013 8000 ')).toBe('13800138000');
    expect(typedMobile('  ')).toBe('');
  });

  it('refuse what is not a mainland mobile number, with the contracts message', () => {
    expect(check('12800138000')).toBeInstanceOf(Error);
    expect((check('1380013800') as Error).message).toMatch(/11 位/);
  });
});
