// Sign-in for the Email Editor when ADMIN_TOKEN is set. A browser cannot add a header to a page
// it navigates to, so this page (GET /admin/sign-in, open) asks for the token, fetches /admin
// with it (same query: account, audience, language), and puts the editor in its place.
// The token stays in sessionStorage: gone when the tab closes, never in a cookie or the URL.
(function () {
  'use strict';
  const key = 'rendezvous-admin-token';
  const $ = (id) => document.getElementById(id);

  async function open(token) {
    const res = await fetch('/admin' + location.search, { headers: { authorization: 'Bearer ' + token, accept: 'text/html' } });
    if (res.status !== 200) {
      sessionStorage.removeItem(key);
      $('sign-in').hidden = false;
      $('error').textContent = res.status === 401 ? 'That is not the admin token of this service.' : 'The editor could not be loaded (HTTP ' + res.status + ').';
      return;
    }
    sessionStorage.setItem(key, token);
    const html = await res.text();
    // The editor's inline script is allowed by its hash in this page's policy too.
    document.open();
    document.write(html);
    document.close();
  }

  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (token !== '') open(token).catch((error) => { $('error').textContent = String(error); });
  });
  // A tab that signed in before opens the editor straight away; the form shows only when needed.
  const saved = sessionStorage.getItem(key);
  if (saved) open(saved).catch(() => { $('sign-in').hidden = false; });
  else $('sign-in').hidden = false;
})();
