# The API for docker compose: runs the TypeScript sources through @swc-node/register (no separate build step).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --strict-allow-scripts
COPY tsconfig.base.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
