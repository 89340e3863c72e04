/**
 * Nodes whose outgoing link must be dropped so that following `next` from any node ends: each node
 * has at most one link (a parent, a manager), so every loop is a simple cycle and dropping one link
 * per cycle is enough. Walks start in `nodes` order, and a cycle drops the link that closed it
 * (the last node on the walk) when `cuttable`, else the nearest earlier one that is — so the same
 * graph always loses the same links.
 * @throws when a cycle has no cuttable node (the caller promised otherwise).
 */
export function linksClosingCycles<K>(nodes: Iterable<K>, next: (node: K) => K | null, cuttable: (node: K) => boolean): Set<K> {
  const done = new Set<K>();
  const cut = new Set<K>();
  for (const start of nodes) {
    const path: K[] = [];
    const onPath = new Set<K>();
    let node: K | null = start;
    while (node !== null && !done.has(node) && !onPath.has(node)) {
      path.push(node);
      onPath.add(node);
      node = cut.has(node) ? null : next(node);
    }
    if (node !== null && onPath.has(node)) {
      const cycle = path.slice(path.indexOf(node));
      const victim = cycle.reverse().find(cuttable);
      if (victim === undefined) throw new Error('a cycle with no link that may be dropped');
      cut.add(victim);
    }
    for (const visited of path) done.add(visited);
  }
  return cut;
}
