// Any address that is not a page of the dashboard.

import { template } from '../dom.js';

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <h1 id="page-title" tabindex="-1">Page not found</h1>
  <p>There is no page at this address. <a href="#/">Go to all camps</a>.</p>
</section>`);

export function mount(root, _params, app) {
  root.replaceChildren(makePage());
  app.setTitle('Page not found');
  return { unmount() {} };
}
