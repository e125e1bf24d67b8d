import type { FastifyInstance } from 'fastify';
import { JwtService } from '@nestjs/jwt';
import { bearer, startApp, TEST_SECRET, type TestApp } from '../support/app.js';
import { connectReader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

/** The story whose retracted update must not leak; writes go to another, so they cannot disturb it. */
const BLOG = 'roles-story';
const WRITES = 'roles-writes';
const RETRACTED_BODY = 'Twelve dead at the depot, says an unconfirmed post';
const RETRACTION_REASON = 'The post was a hoax by a private account';

/** What a caller must get from a route: served (past the guard), a status, or sent to sign in. */
const OK = 'served';
const SIGN_IN = 'sign-in';
type Outcome = typeof OK | typeof SIGN_IN | 401 | 403 | 303;

const CALLERS = ['anonymous', 'bad signature', 'expired', 'no exp', 'wrong audience', 'editor', 'auditor', 'admin'];

/**
 * Every route the app serves (HEAD aside: Fastify answers it as the GET), and what each caller
 * gets, in the order of CALLERS. A route the app serves that is missing here fails the test, as
 * does a row for a route that no longer exists.
 */
// biome-ignore format: a table reads best aligned
const ROUTES: Record<string, readonly Outcome[]> = {
  //                                                     anon     badsig   expired  no exp   aud      editor  auditor admin
  'GET /':                                              [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /live/:id':                                      [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /live/:id/updates/:updateId':                    [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /embed/:id':                                     [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /oembed':                                        [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /live/:id/feed.atom':                            [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /live/:id/feed.json':                            [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /assets/*':                                      [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /assets/vendor/socket.io/*':                     [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /assets/vendor/chart.js/*':                      [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs':                                          [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs/':                                         [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs/*':                                        [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs/index.html':                               [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs/LICENSE':                                  [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs/swagger-ui-init.js':                       [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs/docs/swagger-ui-init.js':                  [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs-json':                                     [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /docs-yaml':                                     [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /asyncapi.json':                                 [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /health':                                        [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /health/live':                                   [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /health/ready':                                  [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  // Not a role's: METRICS_ALLOW or METRICS_TOKEN admits a scraper; from the callers' addresses, no one.
  'GET /metrics':                                       [403,     403,     403,     403,     403,     403,    403,    403],
  'GET /signin':                                        [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'POST /signin':                                       [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'POST /signout':                                      [303,     303,     303,     303,     303,     303,    303,    303],
  // Readers' API: public.
  'GET /api/live-blogs':                                [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /api/live-blogs/:id':                            [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /api/live-blogs/:id/updates':                    [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /api/live-blogs/:id/changes':                    [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /api/live-blogs/:id/checkpoint':                 [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /.well-known/dateline-keys.json':                [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  // Readers ask and follow: public writes, each with its own budget per address.
  'POST /api/live-blogs/:id/questions':                 [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /api/push/vapid-public-key':                     [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'POST /api/live-blogs/:id/push-subscriptions':        [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'DELETE /api/live-blogs/:id/push-subscriptions':      [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  // Editors' API.
  'POST /api/live-blogs':                               [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/updates':                   [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/updates/:updateId/corrections': [401, 401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/updates/:updateId/retraction':  [401, 401,     401,     401,     401,     OK,     403,    OK],
  'PUT /api/live-blogs/:id/updates/:updateId/pin':      [401,     401,     401,     401,     401,     OK,     403,    OK],
  'DELETE /api/live-blogs/:id/updates/:updateId/pin':   [401,     401,     401,     401,     401,     OK,     403,    OK],
  'PUT /api/live-blogs/:id/updates/:updateId/key-event':    [401, 401,     401,     401,     401,     OK,     403,    OK],
  'DELETE /api/live-blogs/:id/updates/:updateId/key-event': [401, 401,     401,     401,     401,     OK,     403,    OK],
  'PUT /api/live-blogs/:id/headline':                   [401,     401,     401,     401,     401,     OK,     403,    OK],
  'PUT /api/live-blogs/:id/summary':                    [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/casualty-figures':          [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/timeline':                  [401,     401,     401,     401,     401,     OK,     403,    OK],
  'PUT /api/live-blogs/:id/locations/:place':           [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/close':                     [401,     401,     401,     401,     401,     OK,     403,    OK],
  'GET /api/newsroom/live-blogs/:id/activity':          [401,     401,     401,     401,     401,     OK,     403,    OK],
  // The newsroom's workflow (DESIGN §3b): editors act, auditors may read; contributors: submissions.e2e.
  'GET /api/live-blogs/:id/scheduled':                  [401,     401,     401,     401,     401,     OK,     OK,     OK],
  'PATCH /api/live-blogs/:id/scheduled/:updateId':      [401,     401,     401,     401,     401,     OK,     403,    OK],
  'DELETE /api/live-blogs/:id/scheduled/:updateId':     [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/submissions':               [401,     401,     401,     401,     401,     OK,     403,    OK],
  'GET /api/live-blogs/:id/submissions':                [401,     401,     401,     401,     401,     OK,     OK,     OK],
  'POST /api/live-blogs/:id/submissions/:submissionId/approval':  [401, 401, 401, 401, 401,    OK,     403,    OK],
  'POST /api/live-blogs/:id/submissions/:submissionId/rejection': [401, 401, 401, 401, 401,    OK,     403,    OK],
  'GET /api/live-blogs/:id/questions':                  [401,     401,     401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/questions/:questionId/answer':    [401, 401,   401,     401,     401,     OK,     403,    OK],
  'POST /api/live-blogs/:id/questions/:questionId/dismissal': [401, 401,   401,     401,     401,     OK,     403,    OK],
  'GET /newsroom':                                      [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, OK,     403,    OK],
  'GET /newsroom/:id':                                  [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, OK,     403,    OK],
  // Auditors' API and page: the only places retracted text and reasons are shown.
  'GET /api/live-blogs/:id/events':                     [401,     401,     401,     401,     401,     403,    OK,     OK],
  'GET /api/live-blogs/:id/as-of':                      [401,     401,     401,     401,     401,     403,    OK,     OK],
  'GET /api/live-blogs/:id/diff':                       [401,     401,     401,     401,     401,     403,    OK,     OK],
  'GET /api/live-blogs/:id/casualty-figures/history':   [401,     401,     401,     401,     401,     403,    OK,     OK],
  'GET /api/live-blogs/:id/integrity':                  [401,     401,     401,     401,     401,     403,    OK,     OK],
  'GET /api/live-blogs/:id/evidence':                   [401,     401,     401,     401,     401,     403,    OK,     OK],
  'POST /api/live-blogs/:id/checkpoint/verification':   [401,     401,     401,     401,     401,     403,    OK,     OK],
  'GET /audit/:id':                                     [OK,      OK,      OK,      OK,      OK,      OK,     OK,     OK],
  'GET /audit/:id/as-of':                               [401,     401,     401,     401,     401,     403,    OK,     OK],
  // Admins' API.
  'GET /api/accounts':                                  [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/accounts':                                 [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/accounts/:username/disable':               [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/accounts/:username/enable':                [401,     401,     401,     401,     401,     403,    403,    OK],
  'PUT /api/accounts/:username/password':               [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/live-blogs/:id/updates/:updateId/redaction': [401,   401,     401,     401,     401,     403,    403,    OK],
  'GET /api/webhooks':                                  [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/webhooks':                                 [401,     401,     401,     401,     401,     403,    403,    OK],
  'GET /api/webhooks/:id':                              [401,     401,     401,     401,     401,     403,    403,    OK],
  'DELETE /api/webhooks/:id':                           [401,     401,     401,     401,     401,     403,    403,    OK],
  'GET /api/webhooks/:id/deliveries':                   [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/webhooks/:id/secret':                      [401,     401,     401,     401,     401,     403,    403,    OK],
  'POST /api/webhooks/:id/resume':                      [401,     401,     401,     401,     401,     403,    403,    OK],
  'DELETE /api/live-blogs/:id/questions/:questionId':   [401,     401,     401,     401,     401,     403,    403,    OK],
};

/** Concrete URLs for routes whose parameters or query need more than the defaults below. */
const SAMPLES: Record<string, string> = {
  'GET /assets/*': '/assets/css/site.css',
  'GET /assets/vendor/socket.io/*': '/assets/vendor/socket.io/socket.io.esm.min.js',
  'GET /assets/vendor/chart.js/*': '/assets/vendor/chart.js/chart.umd.min.js',
  'GET /docs/*': '/docs/swagger-ui.css',
  'GET /api/live-blogs/:id/changes': `/api/live-blogs/${BLOG}/changes?afterRevision=0`,
  'GET /api/newsroom/live-blogs/:id/activity': `/api/newsroom/live-blogs/${BLOG}/activity?afterRevision=0`,
  // Revision 1 is the update before its retraction (2): the record as it stood holds its text.
  'GET /api/live-blogs/:id/as-of': `/api/live-blogs/${BLOG}/as-of?revision=1`,
  'GET /api/live-blogs/:id/diff': `/api/live-blogs/${BLOG}/diff?from=0&to=2`,
  'GET /audit/:id/as-of': `/audit/${BLOG}/as-of?revision=1&view=record`,
};

function urlOf(route: string): string {
  const [method, path] = route.split(' ') as [string, string];
  const story = method === 'GET' ? BLOG : WRITES;
  return (
    SAMPLES[route] ??
    path.replace(':id', story).replace(':updateId', 'u1').replace(':place', 'Osh').replace(':username', 'nobody')
  );
}

/** The app's own route list, read from Fastify's router at run time (HEAD left out: it mirrors GET). */
function servedRoutes(fastify: FastifyInstance): string[] {
  const routes: string[] = [];
  const prefixes: string[] = [];
  for (const line of fastify.printRoutes().split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + match[2];
    prefixes[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

/**
 * DESIGN §6: each route admits exactly the callers its row says, whatever token a caller holds,
 * and no route but the auditors' shows a retracted update's text or why it was retracted.
 */
describe('who may call what', () => {
  let t: TestApp;
  const tokens = new Map<string, string | undefined>();

  beforeAll(async () => {
    // Each caller has its own address, so the bad-token budget of one does not turn another's 401 into 429.
    t = await startApp({ env: { TRUST_PROXY: '1' } });
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'probe', name: 'Probe', role: 'admin', iss: 'dateline', aud: 'dateline-api', iat: now };
    const sign = (payload: object, secret = TEST_SECRET) => new JwtService({ secret }).sign(payload);
    tokens.set('anonymous', undefined);
    tokens.set('bad signature', sign({ ...claims, exp: now + 600 }, 'a-different-secret-long-enough-for-hs256'));
    tokens.set('expired', sign({ ...claims, iat: now - 7200, exp: now - 3600 }));
    tokens.set('no exp', sign(claims));
    tokens.set('wrong audience', sign({ ...claims, aud: 'another-api', exp: now + 600 }));
    tokens.set('editor', t.token('editor', 'Ed Itor'));
    tokens.set('auditor', t.token('auditor', 'Ann Auditor'));
    tokens.set('admin', t.token('admin', 'Ada Admin'));

    const editor = bearer(t.token('editor', 'Setup Editor'));
    for (const id of [BLOG, WRITES]) await givenLiveBlog(t, { id, title: 'Roles' }, { headers: editor });
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .send({ updateId: 'u1', kind: 'report', body: RETRACTED_BODY })
      .expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/u1/retraction`)
      .set(editor)
      .send({ reason: RETRACTION_REASON })
      .expect(201);
  });
  afterAll(() => t.close());

  it('lists every route the app serves, and no other', () => {
    const served = servedRoutes(t.app.getHttpAdapter().getInstance() as FastifyInstance);
    expect(served.filter((route) => !(route in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('admits each caller exactly as the table says, and shows retracted text and reasons to auditors and admins only', async () => {
    const wrong: string[] = [];
    let checked = 0;
    let auditorsSawRetraction = 0;
    for (const [route, outcomes] of Object.entries(ROUTES)) {
      for (const [index, caller] of CALLERS.entries()) {
        const response = await call(route, caller, index);
        checked++;
        const got = outcomeOf(response, outcomes[index]!);
        if (got !== outcomes[index])
          wrong.push(`${route} as ${caller}: ${response.status} ${response.text.slice(0, 120)}`);
        const shows = response.text.includes(RETRACTED_BODY) || response.text.includes(RETRACTION_REASON);
        if (shows && caller !== 'auditor' && caller !== 'admin')
          wrong.push(`${route} as ${caller} leaks the retraction`);
        if (shows) auditorsSawRetraction++;
      }
    }
    console.log(`${Object.keys(ROUTES).length} routes × ${CALLERS.length} callers checked (${checked} requests)`);
    expect(wrong).toEqual([]);
    // The leak check can see a leak: the auditors' routes do show both.
    expect(auditorsSawRetraction).toBeGreaterThanOrEqual(4);
  });

  it('keeps retracted text and reasons out of every socket catch-up', async () => {
    const reader = await connectReader(t.url);
    try {
      const fresh = await reader.subscribe(BLOG);
      const resumed = await reader.subscribe(BLOG, { afterRevision: 0, epoch: t.store.epoch });
      // A retraction since the reader's revision makes the catch-up a redraw from the article, not events.
      expect(resumed).toMatchObject({ ok: true });
      expect(fresh).toMatchObject({ ok: true });
      for (const ack of [fresh, resumed]) {
        expect(JSON.stringify(ack)).not.toContain(RETRACTED_BODY);
        expect(JSON.stringify(ack)).not.toContain(RETRACTION_REASON);
      }
    } finally {
      reader.close();
    }
  });

  function call(route: string, caller: string, index: number) {
    const [method] = route.split(' ') as [string, string];
    const token = tokens.get(caller);
    const request = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](urlOf(route))
      .set('X-Forwarded-For', `198.51.100.${index + 1}`)
      // The sign-in form and signed-in writes are refused from another site; these come from this one.
      .set('Origin', t.url);
    if (token) request.set(bearer(token));
    return method === 'GET' ? request : request.send({});
  }
});

/** What a response means for the table: the guard's refusals by status, a sign-in redirect, or served. */
function outcomeOf(response: { status: number; headers: Record<string, string> }, expected: Outcome): Outcome | number {
  const location = response.headers.location ?? '';
  if (response.status === 303 && location.startsWith('/signin')) return expected === 303 ? 303 : SIGN_IN;
  if (response.status === 401 || response.status === 403 || response.status >= 429) return response.status;
  return expected === 303 && response.status === 303 ? 303 : OK;
}
