// A real nginx on 127.0.0.1 serving a built site under its base path, with the
// configuration operators are given (tests/e2e/nginx.conf).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './build'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface Served {
  origin: string
  stop(): Promise<void>
}

const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'

/** Serve `dist` at `http://127.0.0.1:<port><base>` with nginx. */
export async function serveWithNginx(dist: string, base: string): Promise<Served> {
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'))
  const site = fs
    .readFileSync(path.join(ROOT, 'tests/e2e/nginx.conf'), 'utf8')
    .replaceAll('__BASE__', base)
    .replaceAll('__DIST__', dist.replace(/\/?$/, '/'))
    .replaceAll('__PORT__', String(port))
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${site}
}
`
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf)
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' })
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`)
  const proc: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' })
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${origin}/`)
      break
    } catch {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve())
        proc.kill('SIGQUIT')
      }),
  }
}
