import type { OutboxEntry } from './outbox-entry';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const href = (file: string) => escapeHtml(encodeURIComponent(file));
const people = (list: readonly { readonly name: string; readonly email: string }[]) =>
  list.map((p) => (p.name ? `${p.name} <${p.email}>` : p.email)).join(', ');

function row(e: OutboxEntry): string {
  const cells = [
    `<td><time datetime="${escapeHtml(e.sentAt)}">${escapeHtml(e.sentAt)}</time></td>`,
    `<td>${escapeHtml(e.notification)}</td>`,
    `<td>${escapeHtml(e.audience)}</td>`,
    `<td>${escapeHtml(people(e.to))}</td>`,
    `<td>${escapeHtml(e.bcc.join(', '))}</td>`,
    `<td><a href="${href(`${e.stem}.html`)}">${escapeHtml(e.subject) || '(no subject)'}</a></td>`,
    `<td>${escapeHtml([e.calendarMethod ? `invite (${e.calendarMethod})` : '', ...e.attachments.map((a) => a.filename)].filter(Boolean).join(', '))}</td>`,
    `<td><a href="${href(`${e.stem}.eml`)}">.eml</a></td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

/** The outbox's index.html: one row per email in the order given (oldest first), every value escaped. */
export function renderOutboxIndex(entries: readonly OutboxEntry[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // The page only links; nothing on it needs to run or load.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>Rendezvous outbox (${entries.length})</title>`,
    '<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}</style>',
    '</head><body>',
    `<h1>Rendezvous outbox</h1><p>${entries.length} email${entries.length === 1 ? '' : 's'}, oldest first. Open a subject to see the email as HTML.</p>`,
    '<table><thead><tr><th>When (UTC)</th><th>Notification</th><th>Audience</th><th>To</th><th>Bcc</th><th>Subject</th><th>Attached</th><th>Raw</th></tr></thead><tbody>',
    ...entries.map(row),
    '</tbody></table></body></html>',
    '',
  ].join('\n');
}
