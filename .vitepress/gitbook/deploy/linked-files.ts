// Space files the pages link to (a PDF, a spreadsheet), copied into the built
// site at their path in the space: the build's links (site.ts) and the
// Markdown twins' (twins.ts) both point there.
import fs from 'node:fs'
import path from 'node:path'

/** Copy each of `files` (absolute, under `root`) to the same path under `outDir`, unless something is already there. */
export function copyLinkedFiles(outDir: string, root: string, files: Iterable<string>): void {
  for (const abs of files) {
    const dest = path.join(outDir, path.relative(root, abs))
    // A page of the site keeps its address: a linked file never replaces it.
    if (fs.existsSync(dest)) continue
    fs.mkdirSync(path.dirname(dest), { recursive: true })
    fs.copyFileSync(abs, dest)
  }
}
