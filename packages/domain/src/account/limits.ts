import type { Attachment } from '../events/account';
import type { CustomizationTooLarge } from './errors';

/** The limits of one (audience, notification) customization; mail servers refuse much more. */
export const customizationLimits = {
  attachments: 10,
  attachmentBytes: 5 * 1024 * 1024,
  totalAttachmentBytes: 10 * 1024 * 1024,
  bcc: 10,
  subjectCharacters: 500,
  bodyBytes: 100 * 1024,
} as const;

/** The size of base64 content once decoded, in bytes (the codec already checked the alphabet). */
export function decodedSize(contentBase64: string): number {
  const padding = contentBase64.endsWith('==') ? 2 : contentBase64.endsWith('=') ? 1 : 0;
  return (contentBase64.length / 4) * 3 - padding;
}

function tooLarge(field: string, message: string): CustomizationTooLarge {
  return { type: 'CustomizationTooLarge', field, message };
}

function mebibytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
}

/** The first limit a customization breaks, if any, with the attachment index and file name. */
export function checkLimits(customization: {
  readonly subject: string;
  readonly body: string;
  readonly bcc?: readonly string[];
  readonly attachments?: readonly Attachment[];
}): CustomizationTooLarge | undefined {
  const limits = customizationLimits;
  if (customization.subject.length > limits.subjectCharacters) {
    return tooLarge('subject', `subject: at most ${limits.subjectCharacters} characters; this one has ${customization.subject.length}`);
  }
  const bodyBytes = Buffer.byteLength(customization.body, 'utf8');
  if (bodyBytes > limits.bodyBytes) {
    return tooLarge('body', `body: at most ${limits.bodyBytes} bytes (100 KB); this one has ${bodyBytes}`);
  }
  const bcc = customization.bcc ?? [];
  if (bcc.length > limits.bcc) {
    return tooLarge('bcc', `bcc: at most ${limits.bcc} addresses; this one lists ${bcc.length}`);
  }
  const attachments = customization.attachments ?? [];
  if (attachments.length > limits.attachments) {
    const extra = attachments[limits.attachments];
    return tooLarge(
      `attachments.${limits.attachments}`,
      `attachments.${limits.attachments} (${extra?.filename ?? ''}): at most ${limits.attachments} attachments per notification; this one has ${attachments.length}`,
    );
  }
  let total = 0;
  for (const [index, attachment] of attachments.entries()) {
    const size = decodedSize(attachment.contentBase64);
    if (size > limits.attachmentBytes) {
      return tooLarge(
        `attachments.${index}`,
        `attachments.${index} (${attachment.filename}): ${mebibytes(size)}; each attachment may be at most ${mebibytes(limits.attachmentBytes)}`,
      );
    }
    total += size;
    if (total > limits.totalAttachmentBytes) {
      return tooLarge(
        `attachments.${index}`,
        `attachments.${index} (${attachment.filename}): brings the attachments to ${mebibytes(total)}; together they may be at most ${mebibytes(limits.totalAttachmentBytes)}`,
      );
    }
  }
  return undefined;
}
