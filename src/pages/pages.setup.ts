import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import type { AppConfig } from '../config/index.js';
import { projectRoot } from '../shared/index.js';
import { helmetHeaders, securityHeadersHook } from './security-headers.js';

/**
 * Libraries the pages load in the browser, served by the app itself from node_modules (no CDN:
 * a page must work with no internet). Each is one folder and the files a page may ask for.
 */
const VENDOR_ASSETS = [
  {
    prefix: '/assets/vendor/socket.io/',
    folder: 'node_modules/socket.io-client/dist',
    files: ['socket.io.esm.min.js'],
  },
  // The UMD build sets globalThis.Chart, also when loaded as a module; it needs no eval and injects no <style>.
  { prefix: '/assets/vendor/chart.js/', folder: 'node_modules/chart.js/dist', files: ['chart.umd.min.js'] },
] as const;

/**
 * Every response, pages and API alike, carries the usual security headers; pages run no inline
 * script and load nothing from outside the app. Images of updates may come from any https host
 * (an update's `media.url` is https only); connections go back to the app only (Socket.IO).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // A local `npm start` serves plain http: upgrading its requests to https would break every asset.
  upgradeInsecureRequests: null,
};

/**
 * Eta escapes every `<%= %>` (`& < > " '`); `<%~ %>` is raw and used only for sanitised bodies,
 * partials and the script-safe JSON-LD. A missing optional field prints nothing rather than "null".
 */
const TEMPLATE_SETTINGS = {
  autoEscape: true,
  autoFilter: true,
  filterFunction: (value: unknown) => (value === null || value === undefined ? '' : String(value)),
  autoTrim: false as const,
};

/**
 * An onRequest hook putting the security headers on every response, pages, API, assets and errors
 * alike: the CSP above everywhere but Swagger UI (/docs), which ships inline styles, and the
 * embed, which sites in EMBED_ORIGINS may frame.
 */
export function securityHeaders(config: AppConfig) {
  const headers = (directives: typeof CONTENT_SECURITY_POLICY, framed = false) =>
    helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives },
      crossOriginEmbedderPolicy: false,
      // frame-ancestors 'none' says the same to browsers that read the policy. X-Frame-Options cannot
      // name a list of sites, so the embed sends none and its frame-ancestors alone decides.
      frameguard: framed ? false : { action: 'deny' },
      crossOriginResourcePolicy: { policy: framed ? 'cross-origin' : 'same-origin' },
      // Sent only over https (src/ops/http-hooks.ts): on plain http it would pin a site that has no https.
      strictTransportSecurity: false,
    });
  const everywhere = headers(CONTENT_SECURITY_POLICY);
  // Swagger UI (/docs) ships inline <style> elements; every other page keeps styles to its own files.
  const docs = headers({ ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] });
  // The embed is made to be framed by other sites: those EMBED_ORIGINS names (any, by default).
  const framed = headers({ ...CONTENT_SECURITY_POLICY, frameAncestors: [...config.embed.origins] }, true);
  return securityHeadersHook((url) =>
    url.startsWith('/embed/') ? framed : url.startsWith('/docs') ? docs : everywhere,
  );
}

/** Templates (views/, Eta, escaping `<%= %>`) and static assets (public/ at /assets/, the vendor libraries). */
export async function configurePages(app: NestFastifyApplication): Promise<void> {
  await app.setViewEngine({
    engine: { eta: new Eta(TEMPLATE_SETTINGS) },
    templates: join(projectRoot, 'views'),
  });
  await app.register(fastifyStatic, {
    root: join(projectRoot, 'public'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '1h',
  });
  for (const vendor of VENDOR_ASSETS) {
    await app.register(fastifyStatic, {
      root: join(projectRoot, vendor.folder),
      prefix: vendor.prefix,
      decorateReply: false,
      index: false,
      allowedPath: (path) => (vendor.files as readonly string[]).includes(path.replace(/^\//, '')),
      maxAge: '1h',
    });
  }
}
