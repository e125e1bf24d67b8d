/**
 * The reader's address, for budgets that a fresh socket must not reset. Behind `trustedProxies`
 * load balancers, each of which appends the address it saw to X-Forwarded-For, the client is the
 * entry that many places from the end; entries further left came from the client and are not trusted.
 */
export function clientAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  trustedProxies: number,
): string {
  if (trustedProxies === 0) return handshake.address;
  const header = handshake.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const hops = [...forwarded, handshake.address];
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}
