import type { Guest, Host } from '@rendezvous/domain';
import type { Random } from './random';

// Names with apostrophes, accents and ampersands on purpose: escaping (HTML, ICS, subjects)
// is part of the work being measured, and a benchmark of ASCII-only names would flatter it.
const firstNames = ['Hanna', 'Sam', 'Zoë', 'Luuk', 'Aïcha', 'Mark', 'Noor', 'Seán', 'Iris', 'Bram', 'Eva', 'Jonas'];
const lastNames = ["O'Brien", 'de Vries', 'Jansen', 'Müller', 'Bakker', 'Smith & Sons', 'van Dijk', 'Peeters', 'Østergaard'];
const zones = ['Europe/Amsterdam', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/Berlin'];
const jobTitles = ['Account Manager', 'Sales <Lead>', 'Advisor', 'Customer Success'];

/** A full name from the lists above. */
export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

/** The host users of the history: user `u-<n>`, about a third with every optional field. */
export function makeHosts(count: number, random: Random): Host[] {
  return Array.from({ length: count }, (_, n): Host => {
    const base: Host = { userId: `u-${n}`, name: personName(random), email: `host${n}@example.com`, timezone: random.pick(zones) };
    if (n % 3 !== 0) return n % 2 === 0 ? { ...base, locale: 'nl' } : base;
    return {
      ...base,
      phone: `+31 20 555 ${String(n % 10000).padStart(4, '0')}`,
      jobTitle: random.pick(jobTitles),
      location: { name: 'Head office', city: 'Amsterdam', postcode: '1012 AB', country: 'Netherlands' },
    };
  });
}

/** Guest `k` of meeting `i`: some with their own zone and locale, some with a phone. */
export function makeGuest(i: number, k: number, random: Random): Guest {
  const guest: Guest = { guestId: `g-${i}-${k}`, name: personName(random), email: `guest${i}.${k}@example.org` };
  const zone = random.chance(0.4) ? { timezone: random.pick(zones) } : {};
  const locale = random.chance(0.3) ? { locale: 'nl' } : {};
  const phone = random.chance(0.3) ? { phone: `+44 20 7946 ${String(k).padStart(4, '0')}` } : {};
  return { ...guest, ...zone, ...locale, ...phone };
}
