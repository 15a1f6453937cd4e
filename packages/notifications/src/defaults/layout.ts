// The built-in emails are template SOURCE in the same language admins type, so they take the
// one rendering path customizations take. This file builds that source from a few blocks:
// a table layout with inline styles (what mail clients render reliably; many strip <style>).

/** A label and a value row of the details table; `when` names a variable that must be non-empty. */
export interface DetailRow {
  readonly label: string;
  readonly value: string;
  readonly when?: string;
}

/** A call to action. `href` is template source such as `{{ links.meeting }}`. */
export interface Action {
  readonly label: string;
  readonly href: string;
}

/** The content of one built-in email, every string template source (labels are HTML-safe text). */
export interface EmailContent {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
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
const cell = (padding: string, inner: string): string => `<tr><td style="padding:${padding};">${inner}</td></tr>`;
// Block elements (not bare text in cells) so the plain-text part gets blank lines between
// blocks; margin:0 inline because Outlook adds its own paragraph margins otherwise.
const para = (style: string, inner: string): string => `<p style="margin:0;${style}">${inner}</p>`;

function detailsTable(rows: readonly DetailRow[]): string {
  const body = rows
    .map((row) => {
      const tr =
        `<tr><td valign="top" style="${font}font-size:14px;line-height:22px;color:#6b7280;padding:4px 16px 4px 0;white-space:nowrap;">${row.label}:</td>` +
        `<td valign="top" style="${font}font-size:14px;line-height:22px;color:#111827;padding:4px 0;">${row.value}</td></tr>`;
      return row.when === undefined ? tr : `{% if ${row.when} %}${tr}{% endif %}`;
    })
    .join('\n');
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-top:1px solid #e5e7eb;border-bottom:1px solid #e5e7eb;">\n${body}\n</table>`;
}

function quoteBlock(quote: { label?: string; value: string }): string {
  return (
    (quote.label === undefined ? '' : para(`${font}font-size:14px;line-height:22px;color:#6b7280;padding-bottom:4px;`, `${quote.label}:`)) +
    para(`${text}background-color:#f9fafb;border-left:4px solid #2563eb;padding:12px 16px;`, quote.value)
  );
}

// A "bulletproof" button: a table cell with a background colour, so it shows as a button even
// in clients that ignore padding on links (Outlook).
function buttonBlock(action: Action): string {
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td align="center" bgcolor="#2563eb" style="border-radius:6px;background-color:#2563eb;">` +
    `<a href="${action.href}" target="_blank" style="display:inline-block;padding:12px 28px;${font}font-size:16px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${action.label}</a>` +
    `</td></tr></table>`
  );
}

function linkRow(actions: readonly Action[]): string {
  return actions
    .map((a) => `<a href="${a.href}" target="_blank" style="color:#2563eb;text-decoration:underline;">${a.label}</a>`)
    .join(' &nbsp;&middot;&nbsp; ');
}

/** The body source of a built-in email. */
export function layout(content: EmailContent, words: LayoutWords): string {
  const rows = [
    cell('24px 32px 0 32px', para(`${font}font-size:14px;line-height:20px;font-weight:bold;color:#6b7280;`, '{{ company.name }}')),
    cell('16px 32px 0 32px', `<h1 style="margin:0;${font}font-size:22px;line-height:30px;font-weight:bold;color:#111827;">${content.heading}</h1>`),
    cell('16px 32px 0 32px', para(text, words.greeting)),
    ...content.paragraphs.map((p) => cell('12px 32px 0 32px', para(text, p))),
    ...(content.quote === undefined ? [] : [cell('20px 32px 0 32px', quoteBlock(content.quote))]),
    ...(content.details === undefined ? [] : [cell('20px 32px 0 32px', detailsTable(content.details))]),
    ...(content.button === undefined ? [] : [cell('24px 32px 0 32px', buttonBlock(content.button))]),
    ...(content.links === undefined || content.links.length === 0
      ? []
      : [cell('20px 32px 0 32px', para(`${font}font-size:14px;line-height:22px;color:#6b7280;`, linkRow(content.links)))]),
    cell('32px 32px 24px 32px', para(`${font}font-size:12px;line-height:18px;color:#9ca3af;border-top:1px solid #f3f4f6;padding-top:16px;`, words.footer)),
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${words.lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    '<body style="margin:0;padding:0;background-color:#f3f4f6;">',
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="background-color:#f3f4f6;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600" style="width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;">',
    ...rows,
    '</table>',
    '</td></tr>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
