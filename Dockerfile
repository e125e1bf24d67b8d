# Two stages: build with the dev tools and a compiler (better-sqlite3 builds from source), then run
# on a slim image with production dependencies only, as the unprivileged `node` user.

FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The workspace (packages/client, the typed client) is part of the lock: npm ci needs its package.json.
COPY packages/client/package.json packages/client/
# Install scripts stay off (see allowScripts in package.json); the one the runtime needs is the
# SQLite binding, built here against this image's Node.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts
# What the server reads at run time: the build, its dependencies, the reference story, and the
# page templates and assets where this version has them.
RUN mkdir /runtime \
  && cp -r dist node_modules package.json events /runtime/ \
  && for dir in views public; do if [ -d "$dir" ]; then cp -r "$dir" /runtime/; fi; done

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
COPY --from=build /runtime ./
# The embedded store and a generated token secret live here; the volume keeps the node user's ownership.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 3000
USER node
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
