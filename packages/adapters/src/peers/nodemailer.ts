import type Nodemailer from 'nodemailer';
import { requirePeer } from './require-peer';

// The one place that loads `nodemailer`, for the SMTP and .eml mailers (see peers/pg.ts).
const nodemailer = requirePeer<typeof Nodemailer>('nodemailer', '@rendezvous/adapters/smtp (or /eml)');

export const createTransport = nodemailer.createTransport.bind(nodemailer);
