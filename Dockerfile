# One image definition for every shopstream service (docker-compose.yml builds it once per app).
#   build    : full install, Prisma clients generated, every project compiled (also runs migrations)
#   runtime  : production dependencies + dist/ + docs/; APP picks the service
# Not built on our CI machines (no Docker engine there); `docker-compose config -q` validates the
# compose file in CI. See README "docker compose".
FROM node:20-bookworm-slim AS build
WORKDIR /repo
COPY package.json package-lock.json ./
# Our postinstall (prisma generate through nx) needs the sources: run it after the copy below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx nx run-many -t prisma-generate --outputStyle=static \
 && npx nx run-many -t build --outputStyle=static --exclude=stack,bench,tools

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /repo/dist ./dist
COPY --from=build /repo/docs ./docs
# Writable state of a service (promo-counter snapshots, label files) lives under /app/var,
# owned by the unprivileged user the service runs as; compose mounts volumes there.
RUN mkdir -p /app/var && chown node:node /app/var
ARG APP
ENV APP=${APP}
USER node
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
