// The branded frame every email is placed in (company name on a white card, the footer below),
// written out by hand for the baseline: the same markup the library's layout produces, and the
// plain-text lines its HTML-to-text pass makes of it.

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

const font = 'font-family:Arial,Helvetica,sans-serif;';
const responsive =
  '<style>@media screen and (max-width:480px){.rv-outer{padding:12px 6px !important}.rv-pad{padding-left:18px !important;padding-right:18px !important}}' +
  '.rv-content img{max-width:100% !important;height:auto !important}.rv-content table{max-width:100% !important}</style>';

/** The framed HTML document and plain text around an email's content. */
export function framed(content: { html: string; text: string }, subject: string, lang: string, company: string, hostname: string): { html: string; text: string } {
  const dutch = lang.split('-')[0]?.toLowerCase() === 'nl';
  const sentBy = dutch ? 'Verstuurd door' : 'Sent by';
  const html =
    `<!DOCTYPE html>\n<html lang="${esc(lang)}">\n` +
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${esc(subject)}</title>${responsive}</head>\n` +
    '<body style="margin:0;padding:0;background-color:#f3f4f6;">\n' +
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="width:100%;background-color:#f3f4f6;">\n' +
    '<tr><td class="rv-outer" align="center" style="padding:24px 12px;">\n' +
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600" style="width:100%;max-width:600px;table-layout:fixed;background-color:#ffffff;border-radius:8px;">\n' +
    `<tr><td class="rv-pad" style="padding:24px 32px 0 32px;"><p style="margin:0;${font}font-size:14px;line-height:20px;font-weight:bold;color:#6b7280;">${esc(company)}</p></td></tr>\n` +
    `<tr><td class="rv-pad rv-content" style="padding:16px 32px 0 32px;${font}font-size:16px;line-height:24px;color:#1f2937;overflow-wrap:anywhere;word-break:break-word;">\n` +
    content.html +
    '\n</td></tr>\n' +
    `<tr><td class="rv-pad" style="padding:32px 32px 24px 32px;"><p style="margin:0;${font}font-size:12px;line-height:18px;color:#9ca3af;border-top:1px solid #f3f4f6;padding-top:16px;">` +
    `${sentBy} ${esc(company)} &middot; <a href="https://${esc(hostname)}/" style="color:#9ca3af;">${esc(hostname)}</a></p></td></tr>\n` +
    '</table>\n</td></tr>\n</table>\n</body>\n</html>\n';
  const text = `${company}\n\n${content.text}\n\n${sentBy} ${company} · ${hostname} (https://${hostname}/)`;
  return { html, text };
}
