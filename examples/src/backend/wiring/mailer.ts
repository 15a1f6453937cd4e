import { createEmlFolderMailer } from '@rendezvous/adapters/eml';
import { createSmtpMailer } from '@rendezvous/adapters/smtp';
import { type Mailer } from '@rendezvous/adapters';
import type { BackendConfig } from '../config';

/** The mailer: SMTP when SMTP_URL is set, else .eml files in the outbox folder. */
export function openMailer(config: BackendConfig): { mailer: Mailer; description: string } {
  if (config.smtpUrl !== undefined) {
    // The URL may carry a password: describe the server only.
    const { protocol, host } = new URL(config.smtpUrl);
    return { mailer: createSmtpMailer({ url: config.smtpUrl }), description: `SMTP ${protocol}//${host}` };
  }
  const dir = config.outboxDir ?? 'outbox';
  return { mailer: createEmlFolderMailer({ dir }), description: `.eml files in ${dir}` };
}
