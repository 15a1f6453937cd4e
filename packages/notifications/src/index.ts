export * from './email/outgoing';
export * from './planning/email-to-send';
export * from './links/index';
export { invitationFor, carriesInvitation } from './ics/invitation';
export * from './templates/catalogue';
export type { TemplateError, TemplatePart } from './templates/errors';
