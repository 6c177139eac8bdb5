// Which province of the node the console shows: chosen from the national board on a node serving
// several, kept for the tab; every province route and socket then carries ?province=. On a node of
// one province nothing is chosen and paths stay as they are.
import { takeFromLink } from './link.js';

const KEY = 'borderwatch-province';

export const province = () => sessionStorage.getItem(KEY);

// A link may name the province ('#province=lai-chau', beside '#token=…'); taken once, then dropped.
export const takeProvinceFromLink = () => takeFromLink('province', KEY);

export function chooseProvince(id) {
  if (id) sessionStorage.setItem(KEY, id);
  else sessionStorage.removeItem(KEY);
}

// The node's own routes (tokens, who-am-I, the national view and its socket) are nobody's province.
const NODE_ROUTES = /^\/(api\/v1\/(tokens|whoami|national)|ws\/national)(\/|\?|$)/;

export function withProvince(path, chosen = province()) {
  if (!chosen || NODE_ROUTES.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}province=${encodeURIComponent(chosen)}`;
}
