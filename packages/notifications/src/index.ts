export * from './email/outgoing';
export * from './planning/email-to-send';
export * from './links/index';
export { invitationFor, carriesInvitation } from './ics/invitation';
