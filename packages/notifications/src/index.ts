export * from './email/outgoing';
export * from './planning/email-to-send';
export * from './links/index';
export { invitationFor, carriesInvitation } from './ics/invitation';
export * from './templates/catalogue';
export type { TemplateError, TemplatePart } from './templates/errors';
export type { SourcePosition } from './templates/locate';
export type * from './templates/syntax';
export { parseTemplate, maxIfDepth } from './templates/parse';
