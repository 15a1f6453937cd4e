/**
 * The SMTP mailer, through nodemailer (an optional peer dependency).
 *
 * @module @rendezvous/adapters/smtp
 */
export * from './mail/smtp/smtp-mailer';
export { classifySmtpError } from './mail/smtp/classify';
