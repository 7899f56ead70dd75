// The dev server, in a Node process without tsx's module hooks (as
// bin/build.mjs, and for the same reason: the first page answered 2.8× later
// than plain VitePress's under them). bin/gitbook.ts starts it, and starts it
// again when SUMMARY.md or .gitbook.yaml changes. Options arrive as GITBOOK_*
// environment variables; GITBOOK_PORT is the port.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vitepress'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

async function start(port) {
  // VitePress calls the restart callback when the config or its imports change.
  const server = await createServer(root, { port }, async () => {
    await server.close()
    await start(server.config.server.port)
  })
  await server.listen()
  server.printUrls()
}

await start(process.env.GITBOOK_PORT ? Number(process.env.GITBOOK_PORT) : undefined)
