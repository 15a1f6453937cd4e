import type { AccountEvent } from '@rendezvous/domain';
import { customPairs } from '../rendering/templates';

/** The id of account `a`. */
export const accountId = (a: number): string => `acc-${a}`;

/**
 * Every account's setup, all of it before the first booking: branding (a quarter Dutch by
 * default), every pair customized, and one account in five with review requests switched off.
 */
export function accountEvents(count: number, at: string): AccountEvent[] {
  const events: AccountEvent[] = [];
  for (let a = 0; a < count; a++) {
    const id = accountId(a);
    const branding = { accountId: id, companyName: `Firm ${a} & Partners`, hostname: `meet${a}.example.com` };
    events.push({ type: 'BrandingConfigured', occurredAt: at, data: a % 4 === 0 ? { ...branding, defaultLocale: 'nl' } : branding });
    for (const { audience, notification, subject, body } of customPairs) {
      events.push({ type: 'NotificationCustomized', occurredAt: at, data: { accountId: id, audience, notification, subject, body } });
    }
    if (a % 5 === 1) events.push({ type: 'NotificationDisabled', occurredAt: at, data: { accountId: id, audience: 'guest', notification: 'review' } });
  }
  return events;
}
