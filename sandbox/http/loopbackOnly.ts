import type { MiddlewareHandler } from "hono";

/** Host names that can only mean this machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "::1"]);

/** The host name of a `Host` header or an origin's authority, without port or IPv6 brackets. */
function hostName(authority: string): string {
  const withoutPort = authority.startsWith("[")
    ? authority.slice(1, authority.indexOf("]"))
    : authority.replace(/:\d*$/, "");
  return withoutPort.toLowerCase();
}

function isLoopbackOrigin(origin: string): boolean {
  const authority = /^https?:\/\/([^/]+)/i.exec(origin)?.[1];
  return authority !== undefined && LOOPBACK_HOSTS.has(hostName(authority));
}

/**
 * Keeps the sandbox's servers (the Vitable emulator, the preview) to the developer's own tools.
 * They listen on 127.0.0.1, but a web page the developer visits could still reach them: through
 * DNS rebinding (its own name resolving to 127.0.0.1, so the `Host` header names it) or with a
 * cross-site form post (an `Origin` of another site, a body that is not JSON, which a browser
 * sends without asking the server first). Both are refused.
 */
export function loopbackOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host");
    if (host !== undefined && !LOOPBACK_HOSTS.has(hostName(host))) {
      return c.text(`This sandbox server answers only to 127.0.0.1 or localhost, not ${host}.`, 421);
    }
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== "null" && !isLoopbackOrigin(origin)) {
      return c.text("This sandbox server does not answer web pages of other sites.", 403);
    }
    const hasBody = (c.req.header("content-length") ?? "0") !== "0" || c.req.header("transfer-encoding") !== undefined;
    if (hasBody && !(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      return c.text("This sandbox server takes JSON bodies only.", 415);
    }
    await next();
  };
}
