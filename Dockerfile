# syntax=docker/dockerfile:1
# The awscheck bot and CLI: compiled in a build stage, run with production dependencies only, as a non-root
# user. `npm start` and `npx awscheck` both work in the image (scripts/build-if-dev.js skips the compiler).
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Compile TypeScript to dist/ with the dev dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are not needed to compile (and `prepare` would build before the sources are here).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies, with the native SQLite binding built for this platform.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3 && npm cache clean --force

# 3. Runtime: node, the compiled code and production dependencies; nothing to compile, nothing as root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
# Fonts for the text of rendered charts (resvg draws with system fonts; the slim image has none).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY bin ./bin
COPY scripts ./scripts
USER node
# `npm start`'s command without npm in between, so SIGTERM from ECS reaches node (test/deploy checks they agree).
CMD ["node", "--optimize-for-size", "dist/src/main.js"]
