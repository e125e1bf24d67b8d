// The auditor's token and the calls made with it. The token stays in sessionStorage: it lives as
// long as this tab, is not sent with other tabs' requests and is never written to a cookie.
const TOKEN_KEY = 'dateline.auditorToken';

export interface Account {
  readonly name: string;
  readonly role: string;
}

export const session: {
  token(): string | null;
  keep(token: string): void;
  forget(): void;
  account: Account | null;
} = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  keep: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  forget: () => sessionStorage.removeItem(TOKEN_KEY),
  /** Signed in with an account at /signin: with no token, calls go with the session cookie alone. */
  account: null,
};

/** Who the token names, read from its payload for display only: the server checks the signature. */
export function bearerOf(token: string): Account | null {
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload));
    return { name: String(claims.name ?? '?'), role: String(claims.role ?? '?') };
  } catch {
    return null;
  }
}

/** A refused call, with a message fit to show the auditor. `status` 0 means the server did not answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** The token itself was refused: signing in again is the way out. */
  get signInAgain(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

const MAKE_TOKEN = 'make one with: npm run token -- --role auditor --name "Your Name"';

/** GET with the bearer token; answers the Response, or throws an ApiError that says what to do. */
export interface GetOptions {
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

export async function authorisedGet(
  path: string,
  { accept = 'application/json', signal }: GetOptions = {},
): Promise<Response> {
  const token = session.token();
  if (!token && !session.account) throw new ApiError(401, `Sign in with an auditor token first (${MAKE_TOKEN}).`);
  const headers: Record<string, string> = token
    ? { Authorization: `Bearer ${token}`, Accept: accept }
    : { Accept: accept };
  let response: Response;
  try {
    response = await fetch(path, { headers, ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'The server did not answer. Is it still running?');
  }
  if (response.ok) return response;
  throw new ApiError(response.status, await refusal(response));
}

export async function getJson<T>(path: string, options?: GetOptions): Promise<T> {
  return (await authorisedGet(path, options)).json() as Promise<T>;
}

async function refusal(response: Response): Promise<string> {
  const said = await response
    .json()
    .then((problem: { message?: string | string[] }) =>
      Array.isArray(problem.message) ? problem.message.join('; ') : (problem.message ?? null),
    )
    .catch(() => null);
  switch (response.status) {
    case 401:
      return session.token()
        ? `The token was refused (${said ?? 'not valid'}). Paste a current one; ${MAKE_TOKEN}.`
        : `Your sign-in has ended (${said ?? 'expired'}). Sign in again, or paste a token; ${MAKE_TOKEN}.`;
    case 403:
      return (
        `${session.token() ? 'This token' : 'Your account'} cannot audit (${said ?? 'wrong role'}). ` +
        `It needs the role auditor or admin; ${MAKE_TOKEN}.`
      );
    case 404:
      return said ?? 'Not found.';
    default:
      return said ?? `The server answered ${response.status}.`;
  }
}
