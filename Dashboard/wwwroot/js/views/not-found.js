// Any address that is not a page of the dashboard.

import { template } from '../dom.js';
import { t } from '../i18n.js';

const makePage = template(`
<section class="page" aria-labelledby="page-title">
  <h1 id="page-title" tabindex="-1" data-i18n="notFound.title"></h1>
  <p><span data-i18n="notFound.text"></span> <a href="#/" data-i18n="notFound.link"></a></p>
</section>`);

export function mount(root, _params, app) {
  root.replaceChildren(makePage());
  app.setTitle(t('notFound.title'));
  return { unmount() {} };
}
