import type { Deps } from '@heard/domain';

/**
 * The use cases' deps for one request that only reads (GET, HEAD). A page's loaders each check that
 * the reader may see the insight they show (the page itself, its comments, its history, its privacy
 * panel), so one insight page read the same row several times; here the first read is shared.
 * Never for a form's action: it must see its own writes.
 */
export function depsForOneRead(deps: Deps): Deps {
  const insights = new Map<string, ReturnType<Deps['insights']['findById']>>();
  return {
    ...deps,
    insights: {
      ...deps.insights,
      findById(id) {
        let found = insights.get(id);
        if (!found) {
          found = deps.insights.findById(id);
          insights.set(id, found);
        }
        return found;
      },
    },
  };
}
