// The OAuth2 client's only I/O: a form POST to a token endpoint (Node's fetch), and a one-shot listener on
// 127.0.0.1 for the loopback redirect (node:http). Messages name the endpoint, never a form value.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage, FollowthruError } from '../errors.js';
import type { FormRequest, HttpReply } from './oauth2.js';

export type PostForm = (request: FormRequest) => Promise<HttpReply>;

const TIMEOUT_MS = 30_000;

/** Where a request went, without its query (a URL could carry a code). */
const endpoint = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
};

export const postForm: PostForm = async ({ url, form }) => {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const reason = cause instanceof Error ? cause.message : errorMessage(error);
    throw new FollowthruError('EOAUTH', `cannot reach the sign-in server ${endpoint(url)}: ${reason}`, {
      cause: error,
    });
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: parseTokenReply reports it by status
  }
  if (response.status >= 500) {
    throw new FollowthruError(
      'EOAUTH',
      `the sign-in server ${endpoint(url)} failed (HTTP ${response.status}); try again later`,
    );
  }
  return { status: response.status, body };
};

export interface LoopbackListener {
  redirectUri: string;
  /** The query of the first request to the redirect path; the browser is told to go back to the terminal. */
  nextRedirect(): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port (RFC 8252 §7.3: any port, the provider must accept it). */
export async function listenLoopback(): Promise<LoopbackListener> {
  let deliver: (query: URLSearchParams) => void = () => undefined;
  const arrived = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('followthru: you can close this tab and go back to the terminal.\n');
    deliver(url.searchParams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    nextRedirect: () => arrived,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
