// A camp's network of tanks (CampDetail.network): which tank feeds which, each with the water that entered
// and left it today. Tanks that feed none are where people draw; those no tank feeds are where water comes in.

import { litres } from '../format.js';
import { t } from '../i18n.js';

const TEXT = {
  title: t('network.title'),
  caption: t('network.caption'),
  in: (v) => t('network.in', { v }),
  out: (v) => t('network.out', { v }),
  drawn: (v) => t('network.drawn', { v }),
  metered: t('network.metered'),
  feeds: t('network.feeds'),
};

function node(tank, byId, seen) {
  const li = document.createElement('li');
  li.className = 'network-tank';
  li.dataset.tankId = tank.tankId;
  const name = document.createElement('strong');
  name.textContent = tank.name || tank.tankId;
  const figures = document.createElement('span');
  figures.className = 'num muted';
  const leaf = !(tank.feeds?.length > 0);
  figures.textContent = ` · ${TEXT.in(litres(tank.inL))} · ${(leaf ? TEXT.drawn : TEXT.out)(litres(tank.outL))}`
    + (tank.metered ? ` · ${TEXT.metered}` : '');
  li.append(name, figures);
  const children = (tank.feeds ?? []).map((id) => byId.get(id)).filter((t) => t && !seen.has(t.tankId));
  if (children.length > 0) {
    const ul = document.createElement('ul');
    ul.setAttribute('aria-label', `${tank.name || tank.tankId} ${TEXT.feeds}`);
    for (const child of children) {
      seen.add(child.tankId);
      ul.append(node(child, byId, seen));
    }
    li.append(ul);
  }
  return li;
}

export function createNetworkView() {
  const el = document.createElement('section');
  el.className = 'card network';
  el.setAttribute('aria-labelledby', 'network-title');
  const h2 = document.createElement('h2');
  h2.id = 'network-title';
  h2.textContent = TEXT.title;
  const caption = document.createElement('p');
  caption.className = 'muted small';
  caption.textContent = TEXT.caption;
  const list = document.createElement('ul');
  list.className = 'network-tree';
  el.append(h2, caption, list);
  el.hidden = true;
  return {
    el,
    /** @param {object[]|undefined} network  [{ tankId, name, feeds, inL, outL, metered }] */
    update(network) {
      const tanks = network ?? [];
      el.hidden = !tanks.some((t) => t.feeds?.length > 0);
      if (el.hidden) return;
      const byId = new Map(tanks.map((t) => [t.tankId, t]));
      const fed = new Set(tanks.flatMap((t) => t.feeds ?? []));
      const seen = new Set();
      const roots = tanks.filter((t) => !fed.has(t.tankId));
      for (const root of roots) seen.add(root.tankId);
      list.replaceChildren(...roots.map((t) => node(t, byId, seen)));
    },
  };
}
