/**
 * The `.eml` folder mailer: each email as the file a mail server would receive, with an index.html.
 * Builds messages with nodemailer (an optional peer dependency).
 *
 * @module @rendezvous/adapters/eml
 */
export { createEmlFolderMailer, type EmlFolderMailerOptions } from './mail/eml/eml-folder-mailer';
