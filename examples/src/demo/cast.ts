import type { Guest, Host } from '@rendezvous/domain';

// The people of the demo. Every address is under example.com/.org (RFC 2606): the .eml files
// can be opened or relayed without reaching anyone.

/** The account the story happens in. */
export const account = {
  accountId: 'northwind',
  companyName: 'Northwind Advisory',
  hostname: 'meet.northwind.example',
} as const;

/** Anna hosts two meetings; her My Account change shows in her next emails. */
export const anna: Host = {
  userId: 'u-anna',
  name: 'Anna Berg',
  email: 'anna@northwind.example.com',
  timezone: 'Europe/Amsterdam',
  jobTitle: 'Advisor',
};

/** Ben hosts the meeting that is later reassigned, and the one that is cancelled. */
export const ben: Host = { userId: 'u-ben', name: 'Ben Okafor', email: 'ben@northwind.example.com', timezone: 'Europe/London' };

/** Chloé takes over Ben's meeting although her calendar says she is busy. */
export const chloe: Host = { userId: 'u-chloe', name: 'Chloé Martin', email: 'chloe@northwind.example.com', timezone: 'Europe/Paris' };

/** A guest in New York: his emails show New York times. */
export const sam: Guest = { guestId: 'g-sam', name: 'Sam Carter', email: 'sam@client.example.org', timezone: 'America/New_York' };

/** A Dutch guest: her emails use the built-in Dutch templates where the account has not customized them. */
export const lotte: Guest = { guestId: 'g-lotte', name: 'Lotte Jansen', email: 'lotte@client.example.org', locale: 'nl' };

/** A guest without a zone of her own: she sees her host's. */
export const priya: Guest = { guestId: 'g-priya', name: 'Priya Shah', email: 'priya@client.example.org' };

/** The guest whose meeting moves at short notice. */
export const tom: Guest = { guestId: 'g-tom', name: 'Tom Weber', email: 'tom@client.example.org', timezone: 'Europe/Berlin' };

/** Everyone by id, to name recipients in the timeline. */
export const people: ReadonlyMap<string, string> = new Map([
  ...[anna, ben, chloe].map((h) => [h.userId, h.name] as const),
  ...[sam, lotte, priya, tom].map((g) => [g.guestId, g.name] as const),
]);
