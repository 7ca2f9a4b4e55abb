# The API and the website for docker compose: the TypeScript sources run through @swc-node/register, and the
# website is built into the image (next build), so a container starts without building anything.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# Development dependencies too: next build type-checks the website with TypeScript.
RUN npm ci --no-audit --no-fund --strict-allow-scripts
COPY tsconfig.base.json tsconfig.json tsconfig.server.json codegen.cjs ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
RUN node -r @swc-node/register -e "require('./libs/server/src/web/web-build').ensureWebBuild(console.log)" \
  && chown -R node:node apps/web/.next
ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
