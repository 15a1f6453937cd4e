import { adminPage } from '../admin/page';
import type { Route } from '../http/route';

/** `GET /admin`: the Email Editor page (CONTRACT §5), which then speaks only the public API. */
export function adminRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/admin',
      body: 'none',
      async handle() {
        const page = adminPage();
        return { status: 200, text: page.html, headers: page.headers };
      },
    },
  ];
}
