import type { ClusterState } from '../../src/cluster/cluster-state.js';

/**
 * What two nodes of one deployment see of each other's readers, budgets and locks. `open` makes
 * one node's view; every call in one test shares the deployment (the same database, or nothing).
 * A 'cluster' implementation must share everything; a 'node' one must share nothing.
 */
export function clusterStateContract(name: string, open: () => Promise<ClusterState>, staleAfterMs: number) {
  describe(`${name} keeps the cluster-state contract`, () => {
    const opened: ClusterState[] = [];
    const node = async () => {
      const state = await open();
      opened.push(state);
      return state;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((state) => state.close()));
    });
    const counts = (entries: [string, number][]) => new Map(entries);

    it('answers this node’s own readers at least', async () => {
      const a = await node();
      expect(await a.presence.report(counts([['bishkek', 2]]))).toEqual(counts([['bishkek', 2]]));
      expect(await a.presence.report(counts([]))).toEqual(counts([]));
    });

    it('counts every node’s readers of a blog, or only its own when state is per node', async () => {
      const [a, b] = [await node(), await node()];
      await a.presence.report(
        counts([
          ['bishkek', 2],
          ['osh', 1],
        ]),
      );
      const seenByB = await b.presence.report(counts([['bishkek', 3]]));
      expect(seenByB).toEqual(counts([['bishkek', a.scope === 'cluster' ? 5 : 3]]));
      await a.presence.report(counts([['osh', 1]]));
      expect(await b.presence.report(counts([['bishkek', 3]]))).toEqual(counts([['bishkek', 3]]));
    });

    it('stops counting a node that closed, and one that stopped reporting', async () => {
      const [a, b, c] = [await node(), await node(), await node()];
      await a.presence.report(counts([['bishkek', 2]]));
      await b.presence.report(counts([['bishkek', 4]]));
      const shared = a.scope === 'cluster';
      expect(await c.presence.report(counts([['bishkek', 1]]))).toEqual(counts([['bishkek', shared ? 7 : 1]]));
      await a.close();
      opened.splice(opened.indexOf(a), 1);
      expect(await c.presence.report(counts([['bishkek', 1]]))).toEqual(counts([['bishkek', shared ? 5 : 1]]));
      await new Promise((resolve) => setTimeout(resolve, staleAfterMs + 500));
      expect(await c.presence.report(counts([['bishkek', 1]]))).toEqual(counts([['bishkek', 1]]));
    });

    it('spends one budget per key across nodes, or one per node', async () => {
      const [a, b] = [await node(), await node()];
      const budget = { points: 3, durationSeconds: 10 };
      const [onA, onB] = [a.rateLimit('test', budget), b.rateLimit('test', budget)];
      const spent = [
        await onA.consume('203.0.113.7'),
        await onA.consume('203.0.113.7'),
        await onB.consume('203.0.113.7'),
      ];
      expect(spent).toEqual([true, true, true]);
      expect(await onB.consume('203.0.113.7')).toBe(a.scope === 'node');
      expect(await onA.consume('198.51.100.1')).toBe(true);
      expect(await a.rateLimit('other', budget).consume('203.0.113.7')).toBe(true);
    });

    it('tells how long to wait once a budget is spent, and keeps refusing until then', async () => {
      const limit = (await node()).rateLimit('take', { points: 2, durationSeconds: 30 });
      expect([await limit.take('203.0.113.7'), await limit.take('203.0.113.7')]).toEqual([0, 0]);
      const waits = [await limit.take('203.0.113.7'), await limit.take('203.0.113.7')];
      for (const wait of waits) {
        expect(wait).toBeGreaterThanOrEqual(1);
        expect(wait).toBeLessThanOrEqual(30);
      }
      expect(await limit.take('198.51.100.1')).toBe(0);
    });

    it('runs work under one name on one node at a time', async () => {
      const [a, b] = [await node(), await node()];
      const log: string[] = [];
      const job = (who: string) => async () => {
        log.push(`${who} starts`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        log.push(`${who} ends`);
        return who;
      };
      const second = a.scope === 'cluster' ? b : a;
      const results = await Promise.all([a.exclusive('seed', job('first')), second.exclusive('seed', job('second'))]);
      expect(results).toEqual(['first', 'second']);
      const [one, other] = log[0] === 'first starts' ? ['first', 'second'] : ['second', 'first'];
      expect(log).toEqual([`${one} starts`, `${one} ends`, `${other} starts`, `${other} ends`]);
    });

    it('lets one holder have a lease until it runs out or is given up', async () => {
      const [a, b] = [await node(), await node()];
      const other = a.scope === 'cluster' ? b : a;
      expect(await a.lease('webhook:one', 'node-a', 1)).toBe(true);
      expect(await other.lease('webhook:one', 'node-b', 1)).toBe(false);
      expect(await a.lease('webhook:one', 'node-a', 1)).toBe(true);
      expect(await other.lease('webhook:two', 'node-b', 30)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(await other.lease('webhook:one', 'node-b', 30)).toBe(true);
      expect(await a.lease('webhook:one', 'node-a', 30)).toBe(false);
      await other.releaseLease('webhook:one', 'node-b');
      await a.releaseLease('webhook:two', 'node-a');
      expect(await a.lease('webhook:one', 'node-a', 30)).toBe(true);
      expect(await a.lease('webhook:two', 'node-a', 30)).toBe(false);
    });
  });
}
