/** A parameter of the page's address, e.g. `?persona=worker-rm`. */
export function urlParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** Sets (or, with `null`, removes) a parameter without a new history entry. */
export function replaceUrlParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  window.history.replaceState(null, '', url);
}
