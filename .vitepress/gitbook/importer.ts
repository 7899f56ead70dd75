// Copies a GitBook export into the handbook folder, repairing mojibake page by
// page. A clean page is copied byte for byte.
import fs from 'node:fs'
import path from 'node:path'
import { repairMojibake, type MojibakeCodec } from './mojibake'

export interface ImportedFile {
  /** Path relative to the export folder. */
  file: string
  /** Set when the page was mojibake and has been repaired. */
  repaired?: { codec: MojibakeCodec; lines: number }
}

const CODEC_NAMES: Record<MojibakeCodec, string> = { macintosh: 'Mac OS Roman', win1252: 'Windows-1252' }

export function describeRepair(f: ImportedFile): string {
  return `repaired ${f.file}: UTF-8 that had been read as ${CODEC_NAMES[f.repaired!.codec]} (${f.repaired!.lines} lines changed)`
}

/** Copy every file of `src` into `dest` (created if needed); returns what was done. */
export function importSpace(src: string, dest: string): ImportedFile[] {
  const out: ImportedFile[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name)
      if (entry.name === '.git' || entry.name === 'node_modules') continue
      if (entry.isDirectory()) {
        walk(abs)
        continue
      }
      const rel = path.relative(src, abs)
      const target = path.join(dest, rel)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      const record: ImportedFile = { file: rel.split(path.sep).join('/') }
      if (/\.md$/i.test(entry.name)) {
        const text = fs.readFileSync(abs, 'utf8')
        const repair = repairMojibake(text)
        if (repair) {
          const before = text.split('\n')
          const after = repair.text.split('\n')
          record.repaired = { codec: repair.codec, lines: after.filter((l, i) => l !== before[i]).length }
          fs.writeFileSync(target, repair.text)
        } else {
          fs.copyFileSync(abs, target)
        }
      } else {
        fs.copyFileSync(abs, target)
      }
      out.push(record)
    }
  }
  walk(src)
  return out
}
