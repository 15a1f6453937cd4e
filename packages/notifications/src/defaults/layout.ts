// Every email, built-in or customized, is its CONTENT (template source in the language admins
// type) placed in one branded FRAME: the company name on a white card, the content, a footer.
// The built-in emails are content we ship, so they take the one path customizations take.
// Tables and inline styles throughout: many mail clients render nothing else reliably.

/** A label and a value row of the details table; `when` names a variable that must be non-empty. */
export interface DetailRow {
  readonly label: string;
  readonly value: string;
  readonly when?: string;
}

/** A call to action. `href` is template source such as `{{ links.meeting }}`; `when` names a variable that must be non-empty. */
export interface Action {
  readonly label: string;
  readonly href: string;
  readonly when?: string;
}

/** A paragraph of template source, or one shown only when the variable `when` is non-empty. */
export type Paragraph = string | { readonly text: string; readonly when: string };

/** The content of one built-in email, every string template source (labels are HTML-safe text). */
export interface EmailContent {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly Paragraph[];
  readonly details?: readonly DetailRow[];
  /** A boxed quotation between the paragraphs and the details: a reason, a note. */
  readonly quote?: { readonly label?: string; readonly value: string };
  readonly button?: Action;
  readonly links?: readonly Action[];
}

/** Words every email of a language shares. */
export interface LayoutWords {
  readonly lang: string;
  readonly greeting: string;
  readonly footer: string;
}

const font = 'font-family:Arial,Helvetica,sans-serif;';
const text = `${font}font-size:16px;line-height:24px;color:#1f2937;`;
// Margins inline, because Outlook adds its own paragraph margins otherwise; block elements (not
// bare text) so the plain-text part gets blank lines between blocks.
const para = (style: string, inner: string): string => `<p style="margin:0;${style}">${inner}</p>`;
const spaced = (top: number, inner: string): string => `<div style="padding-top:${top}px;">${inner}</div>`;

// Labels wrap and values break anywhere: a long address beside a label must never push the
// card wider than a 320 px phone.
function detailsTable(rows: readonly DetailRow[]): string {
  const body = rows
    .map((row) => {
      const tr =
        `<tr><td valign="top" width="30%" style="${font}font-size:14px;line-height:22px;color:#6b7280;padding:4px 12px 4px 0;">${row.label}:</td>` +
        `<td valign="top" style="${font}font-size:14px;line-height:22px;color:#111827;padding:4px 0;overflow-wrap:anywhere;word-break:break-word;">${row.value}</td></tr>`;
      return row.when === undefined ? tr : `{% if ${row.when} %}${tr}{% endif %}`;
    })
    .join('\n');
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="width:100%;border-top:1px solid #e5e7eb;border-bottom:1px solid #e5e7eb;">\n${body}\n</table>`;
}

function quoteBlock(quote: { label?: string; value: string }): string {
  return (
    (quote.label === undefined ? '' : para(`${font}font-size:14px;line-height:22px;color:#6b7280;padding-bottom:4px;`, `${quote.label}:`)) +
    para(`${text}background-color:#f9fafb;border-left:4px solid #2563eb;padding:12px 16px;`, quote.value)
  );
}

function paragraphBlock(p: Paragraph): string {
  if (typeof p === 'string') return spaced(12, para(text, p));
  return `{% if ${p.when} %}${spaced(12, para(text, p.text))}{% endif %}`;
}

// A "bulletproof" button: a table cell with a background colour, so it shows as a button even
// in clients that ignore padding on links (Outlook).
function buttonBlock(action: Action): string {
  const button =
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td align="center" bgcolor="#2563eb" style="border-radius:6px;background-color:#2563eb;">` +
    `<a href="${action.href}" target="_blank" style="display:inline-block;padding:12px 24px;${font}font-size:16px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${action.label}</a>` +
    `</td></tr></table>`;
  // The spacing goes with the button: a button left out leaves no gap either.
  const block = spaced(24, button);
  return action.when === undefined ? block : `{% if ${action.when} %}${block}{% endif %}`;
}

function linkRow(actions: readonly Action[]): string {
  return actions
    .map((a) => `<a href="${a.href}" target="_blank" style="color:#2563eb;text-decoration:underline;">${a.label}</a>`)
    .join(' &nbsp;&middot;&nbsp; ');
}

/**
 * The content source of a built-in email: what an admin starts from in the Email Editor, and
 * what {@link frame} places in the card. Uses only HTML the editor's allowlist accepts.
 */
export function content(email: EmailContent, words: LayoutWords): string {
  const blocks = [
    `<h1 style="margin:0;${font}font-size:22px;line-height:30px;font-weight:bold;color:#111827;">${email.heading}</h1>`,
    spaced(16, para(text, words.greeting)),
    ...email.paragraphs.map(paragraphBlock),
    ...(email.quote === undefined ? [] : [spaced(20, quoteBlock(email.quote))]),
    ...(email.details === undefined ? [] : [spaced(20, detailsTable(email.details))]),
    ...(email.button === undefined ? [] : [buttonBlock(email.button)]),
    ...(email.links === undefined || email.links.length === 0 ? [] : [spaced(20, para(`${font}font-size:14px;line-height:22px;color:#6b7280;`, linkRow(email.links)))]),
  ];
  return `${blocks.join('\n')}\n`;
}

/** The branded frame around an email's content, as template source before and after it. */
export interface FrameSource {
  readonly top: string;
  readonly bottom: string;
}

/** The frame of a language: company name above the content, the footer below, on a white card. */
export function frame(words: LayoutWords): FrameSource {
  const top = [
    '<body style="margin:0;padding:0;background-color:#f3f4f6;">',
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="width:100%;background-color:#f3f4f6;">',
    '<tr><td class="rv-outer" align="center" style="padding:24px 12px;">',
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600" style="width:100%;max-width:600px;table-layout:fixed;background-color:#ffffff;border-radius:8px;">',
    `<tr><td class="rv-pad" style="padding:24px 32px 0 32px;">${para(`${font}font-size:14px;line-height:20px;font-weight:bold;color:#6b7280;`, '{{ company.name }}')}</td></tr>`,
    `<tr><td class="rv-pad rv-content" style="padding:16px 32px 0 32px;${text}overflow-wrap:anywhere;word-break:break-word;">`,
    '',
  ].join('\n');
  const bottom = [
    '',
    '</td></tr>',
    `<tr><td class="rv-pad" style="padding:32px 32px 24px 32px;">${para(`${font}font-size:12px;line-height:18px;color:#9ca3af;border-top:1px solid #f3f4f6;padding-top:16px;`, words.footer)}</td></tr>`,
    '</table>',
    '</td></tr>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { top, bottom };
}

// Clients that keep <style> (Apple Mail, Gmail, most phones) get narrower margins on small
// screens and images that never overflow the card; the rest get the inline styles.
const responsive =
  '<style>@media screen and (max-width:480px){.rv-outer{padding:12px 6px !important}.rv-pad{padding-left:18px !important;padding-right:18px !important}}' +
  '.rv-content img{max-width:100% !important;height:auto !important}.rv-content table{max-width:100% !important}</style>';

/** The document head of every email: language, charset, viewport and the title (already HTML-escaped). */
export function documentHead(lang: string, escapedTitle: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${escapedTitle}</title>${responsive}</head>`,
    '',
  ].join('\n');
}
