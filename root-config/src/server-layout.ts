// The server lays out the page for its URL (platform/gateway/compose.ts) as single-spa-layout's engine would:
// the active routes' elements, in order, with each application's container. Here that DOM is handed to the
// engine — each route node is connected to the element the server made — so the engine keeps it (and the
// teams' server-rendered parts inside it) instead of building its own. If the DOM is not what the layout
// says, nothing is adopted: the server's frame is removed and the engine builds the page as without a server.
import type { constructRoutes } from 'single-spa-layout';

type ResolvedRoutesConfig = ReturnType<typeof constructRoutes>;
type Route = ResolvedRoutesConfig['routes'][number];
interface RouteNode {
  readonly type?: string;
  readonly name?: string;
  readonly routes?: readonly Route[];
  activeWhen?: (location: Location) => boolean;
  connectedNode?: Node;
}

const isBlank = (node: Node) => node.nodeType === Node.TEXT_NODE && !node.textContent?.trim();

/** Pairs each active route node with the server's node, or returns undefined on the first mismatch. */
function pair(
  parent: Node,
  routes: readonly Route[],
  location: Location,
): [RouteNode & Node, Node][] | undefined {
  const pairs: [RouteNode & Node, Node][] = [];
  const children = [...parent.childNodes].filter((n) => !isBlank(n));
  let at = 0;
  const walk = (nodes: readonly Route[]): boolean => {
    for (const route of nodes as readonly (RouteNode & Partial<Node>)[]) {
      if (route.type === 'route') {
        if (route.activeWhen?.(location) && !walk(route.routes ?? [])) return false;
      } else if (route.type === 'application') {
        const node = children[at++];
        if (!(node instanceof HTMLElement) || node.id !== `single-spa-application:${route.name}`)
          return false;
      } else if (route instanceof Node) {
        const domRoute = route as RouteNode & Node;
        const node = children[at++];
        if (!node || node.nodeName !== domRoute.nodeName) return false;
        pairs.push([domRoute, node]);
        if (domRoute.routes?.length) {
          const inner = pair(node, domRoute.routes, location);
          if (!inner) return false;
          pairs.push(...inner);
        }
      }
    }
    return true;
  };
  return walk(routes) ? pairs : undefined;
}

/** Connects the server's layout DOM to the routes; true when the page was laid out by the server. */
export function adoptServerLayout(
  config: ResolvedRoutesConfig,
  location: Location = window.location,
): boolean {
  const body = document.body;
  if (!body.hasAttribute('data-ssr-layout')) return false;
  body.removeAttribute('data-ssr-layout');
  const pairs = pair(body, config.routes, location);
  if (!pairs) {
    console.warn('The server’s layout does not match this page’s routes: laying it out again.');
    for (const node of [...body.childNodes]) {
      if (node instanceof HTMLTemplateElement || node instanceof HTMLScriptElement) break;
      node.remove();
    }
    return false;
  }
  for (const [route, node] of pairs) route.connectedNode = node;
  return true;
}
