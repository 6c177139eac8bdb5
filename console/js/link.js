// A value a link carries in its hash ('#token=…&province=…'), taken once into this tab's storage and
// then removed from the address bar, so it is not bookmarked, shared or kept in the history.
export function takeFromLink(param, key) {
  const match = new RegExp(`(^#|&)${param}=([^&]+)`).exec(location.hash);
  if (!match) return;
  sessionStorage.setItem(key, decodeURIComponent(match[2]));
  const rest = location.hash.replace(new RegExp(`(^#|&)${param}=[^&]+`), '$1').replace(/^#&/, '#').replace(/^#$/, '');
  history.replaceState(null, '', location.pathname + location.search + rest);
}
