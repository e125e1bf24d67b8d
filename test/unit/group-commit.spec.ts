import { GroupCommit, type Outcome } from '../../src/event-store/sqlite/group-commit.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A group commit that records each group it commits and answers every request with itself. */
function recording() {
  const groups: string[][] = [];
  const commits = new GroupCommit<string, string>((requests) => {
    groups.push([...requests]);
    return requests.map((request): Outcome<string> => ({ ok: true, value: request }));
  });
  return { groups, commits };
}

describe('group commit', () => {
  it('commits the requests of this turn and the next in one group', async () => {
    // given
    const { groups, commits } = recording();
    // when: one writer now, two in the next turn of the event loop
    const first = commits.submit('a');
    await nextTurn();
    const later = [commits.submit('b'), commits.submit('c')];
    // then
    expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c']);
    expect(groups).toEqual([['a', 'b', 'c']]);
  });

  it('answers nobody before the group is committed, and starts a new group after', async () => {
    // given
    const { groups, commits } = recording();
    let answered = false;
    const first = commits.submit('a').then(() => (answered = true));
    // when
    await nextTurn();
    // then
    expect(answered).toBe(false);
    expect(groups).toEqual([]);
    await first;
    expect(await commits.submit('b')).toBe('b');
    expect(groups).toEqual([['a'], ['b']]);
  });
});
