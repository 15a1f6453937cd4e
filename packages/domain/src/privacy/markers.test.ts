import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { Email, Line, Name, Url, erasedEmail, erasedText, erasedUrl, isErasedEmail } from '@rendezvous/domain';

// The markers stand in for personal values inside stored events, so each must pass the codec of
// the field it replaces, or an erased history would stop decoding.

describe('erasure markers', () => {
  it('pass the codecs of the fields they replace', () => {
    expect(E.isRight(Name.decode(erasedText))).toBe(true);
    expect(E.isRight(Line.decode(erasedText))).toBe(true);
    expect(E.isRight(Email.decode(erasedEmail('0123456789abcdef')))).toBe(true);
    expect(E.isRight(Url.decode(erasedUrl))).toBe(true);
  });

  it('put URLs and addresses under the reserved .invalid domain', () => {
    expect(erasedUrl).toBe('https://erased.invalid/');
    expect(erasedEmail('0123456789abcdef')).toBe('erased-0123456789abcdef@erased.invalid');
  });

  it('tell erased addresses from real ones, whatever their case', () => {
    expect(isErasedEmail('ERASED-AB@Erased.Invalid')).toBe(true);
    expect(isErasedEmail('gus@example.com')).toBe(false);
    expect(isErasedEmail('gus@not-erased.invalid')).toBe(false);
  });

  it('recognises an erased address exactly as lowering it and comparing the end would', () => {
    const char = fc.constantFrom(...'@.erasdinvlERASDINVLxİK\u212a-'.split(''));
    const tail = fc.constantFrom('@erased.invalid', '@ERASED.INVALID', '@Erased.Invalİd', 'erased.invalid', '@erased.invalid.', '');
    const address = fc.tuple(fc.array(char, { maxLength: 8 }), tail, fc.array(char, { maxLength: 3 })).map(([a, b, c]) => a.join('') + b + c.join(''));
    fc.assert(
      fc.property(address, (text) => {
        expect(isErasedEmail(text)).toBe(text.toLowerCase().endsWith('@erased.invalid'));
      }),
      { numRuns: 3000 },
    );
  });
});
