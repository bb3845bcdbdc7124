/** The audience window's address: this page, following `session`, keeping the test switch. */
export function audienceUrl(href: string, session: string): string {
  const from = new URL(href);
  const url = new URL(from.pathname, from.origin);
  url.searchParams.set('audience', session);
  if (from.searchParams.has('testhooks')) url.searchParams.set('testhooks', '');
  return url.href.replace(/([?&]testhooks)=(?=&|$)/, '$1');
}
