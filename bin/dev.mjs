// The dev server, in a Node process without tsx's module hooks (as
// bin/build.mjs, and for the same reason: the first page answered 2.8× later
// than plain VitePress's under them). bin/gitbook.ts starts it, and starts it
// again when SUMMARY.md or .gitbook.yaml changes. Options arrive as GITBOOK_*
// environment variables; GITBOOK_PORT is the port.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vitepress'
import { bundleConfig } from '../.vitepress/config-bundle.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** @param {number | undefined} port */
async function start(port) {
  let restarting = false
  const restart = async () => {
    if (restarting) return
    restarting = true
    await server.close()
    await start(server.config.server.port)
  }
  // VitePress calls the restart callback when .vitepress/config.js changes.
  const server = await createServer(root, { port }, restart)
  // It does not see config.ts and the engine behind it (config-bundle.mjs
  // compiles them): an edit there restarts the server too, as before.
  const { inputs } = await bundleConfig()
  server.watcher.add(inputs)
  server.watcher.on('change', (file) => {
    if (inputs.includes(path.resolve(file))) void restart()
  })
  await server.listen()
  server.printUrls()
}

await start(process.env.GITBOOK_PORT ? Number(process.env.GITBOOK_PORT) : undefined)
