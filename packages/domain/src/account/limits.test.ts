import type { Attachment } from '../events/account';
import { checkLimits, decodedSize } from './limits';

const MiB = 1024 * 1024;

function attachment(filename: string, bytes: number): Attachment {
  // 3 bytes per 4 base64 characters; sizes here are multiples of 3.
  return { filename, contentType: 'application/pdf', contentBase64: 'A'.repeat((bytes / 3) * 4) };
}

const base = { subject: 'Hi', body: '<p>Hi</p>' };

describe('customization limits', () => {
  it('measures the decoded size of base64 content', () => {
    expect([decodedSize(''), decodedSize('QQ=='), decodedSize('QUI='), decodedSize('QUJD')]).toEqual([0, 1, 2, 3]);
  });

  it('accepts up to 10 attachments of 1 MiB, 10 bcc, a 500-character subject and a 100 KB body', () => {
    const attachments = Array.from({ length: 10 }, (_, i) => attachment(`f${i}.pdf`, MiB - 1));
    const bcc = Array.from({ length: 10 }, (_, i) => `a${i}@example.com`);
    expect(checkLimits({ subject: 's'.repeat(500), body: 'b'.repeat(100 * 1024), bcc, attachments })).toBeUndefined();
  });

  it('refuses an 11th attachment, naming it', () => {
    const attachments = Array.from({ length: 11 }, (_, i) => attachment(`f${i}.pdf`, 3));
    expect(checkLimits({ ...base, attachments })?.message).toBe(
      'attachments.10 (f10.pdf): at most 10 attachments per notification; this one has 11',
    );
  });

  it('refuses an attachment over 5 MiB, naming its index and file name', () => {
    const attachments = [attachment('small.pdf', 3), attachment('huge.pdf', 5 * MiB + 3)];
    expect(checkLimits({ ...base, attachments })).toEqual({
      type: 'CustomizationTooLarge',
      field: 'attachments.1',
      message: 'attachments.1 (huge.pdf): 5.0 MiB; each attachment may be at most 5 MiB',
    });
  });

  it('refuses attachments that together pass 10 MiB, at the one that crosses it', () => {
    const four = 4 * MiB + 1;
    const attachments = [attachment('a.pdf', 4 * MiB - 1), attachment('b.pdf', 4 * MiB - 1), attachment('c.pdf', four + 2)];
    expect(checkLimits({ ...base, attachments })?.message).toBe(
      'attachments.2 (c.pdf): brings the attachments to 12.0 MiB; together they may be at most 10 MiB',
    );
  });

  it('refuses 11 bcc addresses, a 501-character subject and a body over 100 KB', () => {
    const bcc = Array.from({ length: 11 }, (_, i) => `a${i}@example.com`);
    expect(checkLimits({ ...base, bcc })?.message).toBe('bcc: at most 10 addresses; this one lists 11');
    expect(checkLimits({ ...base, subject: 's'.repeat(501) })?.message).toBe('subject: at most 500 characters; this one has 501');
    expect(checkLimits({ ...base, body: 'é'.repeat(51_201) })?.message).toBe('body: at most 102400 bytes (100 KB); this one has 102402');
  });
});
