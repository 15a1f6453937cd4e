// The Email Editor: plain browser JavaScript over the backend's public HTTP API (no framework).
// The preview panes are iframes sandboxed WITHOUT allow-scripts: whatever HTML a preview holds,
// no script in it runs (and the backend refuses script at save and preview anyway).
(function () {
  'use strict';
  const catalogue = JSON.parse(document.getElementById('catalogue').textContent);
  const $ = (id) => document.getElementById(id);
  const names = { 'meeting-scheduled': 'Meeting scheduled', 'meeting-rescheduled': 'Meeting rescheduled', 'meeting-cancelled': 'Meeting cancelled', 'meeting-starts-soon': 'Meeting starts soon', 'wrap-up': 'Wrap-up note', review: 'Review request' };
  const state = { account: '', audience: 'user', language: 'en', overview: undefined, pair: undefined, attachments: [], previewSeq: 0, lastField: 'body', error: undefined };
  const token = () => $('token').value.trim() || sessionStorage.getItem('rendezvous-admin-token') || '';

  async function api(method, path, json) {
    const headers = {};
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (token() !== '') headers.authorization = 'Bearer ' + token();
    const res = await fetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    const text = await res.text();
    let body;
    try { body = text === '' ? {} : JSON.parse(text); } catch { body = { detail: text }; }
    return { status: res.status, ok: res.ok, body };
  }

  const accountPath = () => '/accounts/' + encodeURIComponent(state.account) + '/notifications';
  const pairPath = (n) => accountPath() + '/' + state.audience + '/' + n;
  const previewLocale = () => state.language || (state.overview && state.overview.locale) || 'en';
  const say = (text) => { $('status').textContent = text; };
  const problemText = (r) => (r.body && (r.body.detail || r.body.title)) || 'HTTP ' + r.status;

  async function loadOverview() {
    // attachments=content: the stored files come back whole, so saving the text keeps them.
    const query = '?attachments=content' + (state.language === '' ? '' : '&locale=' + encodeURIComponent(state.language));
    const r = await api('GET', accountPath() + query);
    if (!r.ok) { say(problemText(r)); return false; }
    say('');
    state.overview = r.body;
    renderOverview();
    return true;
  }

  function renderOverview() {
    const tab = state.overview[state.audience];
    $('total').textContent = tab.total;
    $('active').textContent = tab.active;
    $('disabled').textContent = tab.disabled;
    const list = $('pairs');
    list.replaceChildren();
    for (const pair of tab.pairs) {
      const li = document.createElement('li');
      li.dataset.notification = pair.notification;
      if (state.pair === pair.notification) li.className = 'current';
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'open';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = names[pair.notification] || pair.notification;
      const badge = document.createElement('span');
      badge.className = pair.customized ? 'badge custom' : 'badge';
      badge.textContent = badgeText(pair);
      open.append(name, badge);
      open.addEventListener('click', () => openPair(pair.notification));
      const toggle = document.createElement('input');
      toggle.type = 'checkbox';
      toggle.className = 'switch';
      toggle.setAttribute('role', 'switch');
      toggle.checked = pair.enabled;
      toggle.setAttribute('aria-label', (pair.enabled ? 'Turn off ' : 'Turn on ') + (names[pair.notification] || pair.notification));
      toggle.addEventListener('change', () => setEnabled(pair.notification, toggle.checked, toggle));
      li.append(open, toggle);
      list.append(li);
    }
  }

  function badgeText(pair) {
    const locales = (pair.customizedLocales || []).map((l) => (l === null ? 'all' : l));
    if (!pair.customized) return locales.length === 0 ? 'built-in' : 'built-in here · custom: ' + locales.join(', ');
    return 'customized' + (pair.template.locale ? ' (' + pair.template.locale + ')' : ' (all languages)');
  }

  async function setEnabled(notification, on, input) {
    input.disabled = true;
    const r = await api('POST', pairPath(notification) + (on ? '/enable' : '/disable'));
    input.disabled = false;
    if (!r.ok) { input.checked = !on; say(problemText(r)); return; }
    await loadOverview();
  }

  function currentPair() {
    return state.overview && state.overview[state.audience].pairs.find((p) => p.notification === state.pair);
  }

  function openPair(notification) {
    state.pair = notification;
    const pair = currentPair();
    if (pair === undefined) return;
    $('editor').hidden = false;
    $('preview').hidden = false;
    $('pair-title').textContent = (names[notification] || notification) + ' · ' + (state.audience === 'user' ? 'hosts' : 'guests');
    const t = pair.template;
    const lang = state.language === '' ? 'every language without its own text' : $('language').selectedOptions[0].textContent;
    $('pair-note').textContent = !pair.customized
      ? 'Built-in email. Saving creates a customization for ' + lang + '.'
      : t.locale === undefined && state.language !== ''
        ? 'This is the customization for every language; saving creates one for ' + lang + '.'
        : 'Customized for ' + lang + '.';
    $('subject').value = t.subject;
    $('body').value = t.body;
    $('bcc').value = (t.bcc || []).join(', ');
    state.attachments = (t.attachments || []).map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.contentBase64, bytes: a.bytes }));
    renderAttachments();
    renderVariables(notification);
    $('saved').textContent = '';
    renderOverview();
    schedulePreview(0);
  }

  function renderVariables(notification) {
    const box = $('variables');
    box.replaceChildren();
    for (const v of catalogue.variables) {
      if (v.only && !v.only.includes(notification)) continue;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = v.name;
      b.title = v.description;
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the cursor where it is
      b.addEventListener('click', () => insert('{{ ' + v.name + ' }}'));
      box.append(b);
    }
  }

  function insert(text) {
    const field = $(state.lastField);
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
    field.focus();
    schedulePreview();
  }

  function renderAttachments() {
    const list = $('attachments');
    list.replaceChildren();
    state.attachments.forEach((a, i) => {
      const li = document.createElement('li');
      li.textContent = a.filename + ' (' + a.contentType + ', ' + a.bytes + ' bytes)';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.addEventListener('click', () => { state.attachments.splice(i, 1); renderAttachments(); schedulePreview(); });
      li.append(remove);
      list.append(li);
    });
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  const bccList = () => $('bcc').value.split(/[,;\s]+/).map((s) => s.trim()).filter((s) => s !== '');
  const attachmentsForApi = () => state.attachments.filter((a) => a.contentBase64 !== undefined).map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.contentBase64 }));
  const draft = () => ({ subject: $('subject').value, body: $('body').value, bcc: bccList(), attachments: attachmentsForApi() });

  let timer;
  function schedulePreview(delay = 250) {
    clearTimeout(timer);
    timer = setTimeout(runPreview, delay);
  }

  async function runPreview() {
    if (state.pair === undefined) return;
    const seq = ++state.previewSeq;
    const r = await api('POST', pairPath(state.pair) + '/preview', { locale: previewLocale(), ...draft() });
    if (seq !== state.previewSeq) return; // a newer keystroke already asked again
    if (!r.ok) { showError(r); return; }
    showError(undefined);
    const email = r.body;
    $('preview-subject').textContent = email.subject;
    $('preview-to').textContent = email.to.map((t) => t.name + ' <' + t.email + '>').join(', ');
    const extra = [];
    if (email.bcc.length > 0) extra.push('Bcc ' + email.bcc.join(', '));
    if (email.attachments.length > 0) extra.push('Attachments ' + email.attachments.map((a) => a.filename).join(', '));
    $('preview-extra').textContent = extra.length === 0 ? '' : ' · ' + extra.join(' · ');
    // srcdoc into a sandbox without allow-scripts: the email shows as a recipient sees it, inert.
    $('preview-desktop').srcdoc = email.html;
    $('preview-phone').srcdoc = email.html;
    document.body.dataset.previewed = String(seq);
  }

  function showError(r) {
    const box = $('error');
    if (r === undefined) { box.hidden = true; state.error = undefined; return; }
    const p = r.body || {};
    state.error = p;
    box.hidden = false;
    $('error-text').textContent = problemText(r);
    const field = p.field === 'subject' ? 'subject' : p.field === 'body' ? 'body' : undefined;
    const located = field !== undefined && typeof p.line === 'number' && typeof p.column === 'number';
    $('error-go').hidden = !located;
    $('error-line').textContent = located ? sourceLine($(field).value, p.line, p.column) : '';
    const fix = $('error-fix');
    fix.hidden = !(located && p.suggestion && p.construct);
    if (!fix.hidden) fix.textContent = 'Use ' + p.suggestion;
  }

  // Line and column count characters (code points), as the backend does.
  function offsetOf(text, line, column) {
    let l = 1, c = 1, i = 0;
    while (i < text.length && (l < line || (l === line && c < column))) {
      const ch = text.codePointAt(i);
      if (ch === 10) { l += 1; c = 1; } else c += 1;
      i += ch > 0xffff ? 2 : 1;
    }
    return i;
  }

  function sourceLine(text, line, column) {
    const shown = text.split('\n')[line - 1] ?? '';
    return 'line ' + line + ': ' + shown + '\n' + ' '.repeat(('line ' + line + ': ').length + Math.max(0, column - 1)) + '^';
  }

  function goToError() {
    const p = state.error;
    if (!p) return;
    const field = $(p.field === 'subject' ? 'subject' : 'body');
    const at = offsetOf(field.value, p.line, p.column);
    field.focus();
    field.setSelectionRange(at, at + (p.construct ? locateLength(field.value, at, p.construct) : 0));
  }

  // The construct starts at the tag ("{{ meeting.usr.name }}" for a variable); select up to its end.
  function locateLength(text, at, construct) {
    const found = text.indexOf(construct, at);
    if (found === -1) return 0;
    const close = text.slice(at).match(/^\{[{%][^]*?[}%]\}/);
    return close ? close[0].length : found - at + construct.length;
  }

  function applySuggestion() {
    const p = state.error;
    if (!p || !p.suggestion || !p.construct) return;
    const id = p.field === 'subject' ? 'subject' : 'body';
    const field = $(id);
    const at = offsetOf(field.value, p.line, p.column);
    const found = field.value.indexOf(p.construct, at);
    if (found === -1) return;
    field.setRangeText(p.suggestion, found, found + p.construct.length, 'end');
    schedulePreview(0);
  }

  async function save() {
    if (state.pair === undefined) return;
    $('save').disabled = true;
    const body = { ...(state.language === '' ? {} : { locale: state.language }), ...draft() };
    const r = await api('PUT', pairPath(state.pair), body);
    $('save').disabled = false;
    if (!r.ok) { showError(r); $('saved').textContent = ''; return; }
    const notification = state.pair;
    await loadOverview();
    state.pair = notification;
    renderOverview();
    openPairKeepingText();
    $('saved').textContent = r.body.changed ? 'Saved.' : 'Saved (no change).';
  }

  // After a save, the overview changed but the editor keeps what the admin typed.
  function openPairKeepingText() {
    const pair = currentPair();
    if (pair === undefined) return;
    $('pair-note').textContent = 'Customized for ' + (state.language === '' ? 'every language without its own text' : $('language').selectedOptions[0].textContent) + '.';
  }

  function resetToBuiltIn() {
    const pair = currentPair();
    if (pair === undefined) return;
    $('subject').value = pair.builtIn.subject;
    $('body').value = pair.builtIn.body;
    $('bcc').value = '';
    state.attachments = [];
    renderAttachments();
    $('saved').textContent = 'The built-in text is back in the editor; Save to use it.';
    schedulePreview(0);
  }

  async function open(event) {
    if (event) event.preventDefault();
    state.account = $('account').value.trim();
    state.audience = $('audience').value;
    state.language = $('language').value;
    if ($('token').value.trim() !== '') sessionStorage.setItem('rendezvous-admin-token', $('token').value.trim());
    if (state.account === '') return;
    const url = new URL(location.href);
    url.searchParams.set('account', state.account);
    url.searchParams.set('audience', state.audience);
    url.searchParams.set('language', state.language);
    history.replaceState(null, '', url);
    const keep = state.pair;
    if (await loadOverview()) {
      const tab = state.overview[state.audience].pairs;
      const next = tab.some((p) => p.notification === keep) ? keep : tab[0].notification;
      openPair(next);
    }
  }

  function start() {
    const params = new URL(location.href).searchParams;
    $('account').value = params.get('account') || 'demo';
    if (params.get('audience')) $('audience').value = params.get('audience');
    if (params.has('language')) $('language').value = params.get('language');
    $('choose').addEventListener('submit', open);
    $('audience').addEventListener('change', () => open());
    $('language').addEventListener('change', () => open());
    for (const id of ['subject', 'body']) {
      $(id).addEventListener('input', () => schedulePreview());
      $(id).addEventListener('focus', () => { state.lastField = id; });
    }
    $('bcc').addEventListener('input', () => schedulePreview());
    $('attach').addEventListener('change', async () => {
      for (const file of $('attach').files) {
        state.attachments.push({ filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await readFile(file), bytes: file.size });
      }
      $('attach').value = '';
      renderAttachments();
      schedulePreview(0);
    });
    $('error-go').addEventListener('click', goToError);
    $('error-fix').addEventListener('click', applySuggestion);
    $('save').addEventListener('click', save);
    $('reset').addEventListener('click', resetToBuiltIn);
    open();
  }

  start();
})();
