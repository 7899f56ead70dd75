// The thread of startSpaceHistory (history.ts): reads and replays the space's
// git history while the build's main thread bundles and renders.
// config-bundle.mjs compiles it beside the configuration.
import { parentPort, workerData } from 'node:worker_threads'
import { walkSpaceHistory, type HistoryMode } from './history'

const { dir, mode } = workerData as { dir: string; mode: HistoryMode }
parentPort!.postMessage(walkSpaceHistory(dir, mode))
