// A real nginx on 127.0.0.1 serving a built site under its base path, with the
// very file operators deploy (deploy/nginx.conf), only its paths and port
// replaced.
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

/**
 * deploy/nginx.conf for `dist` served under `base` on 127.0.0.1:`port`: the
 * three values its header tells operators to adapt, and nothing else.
 */
export function deployConfig(dist: string, base: string, port: number): string {
  let conf = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
  const listen = /^( *)listen 80;$/m
  if (!listen.test(conf) || !conf.includes('/srv/manuel/') || !conf.includes('/ressources/')) {
    throw new Error('deploy/nginx.conf: the values the tests replace (listen 80;, /srv/manuel/, /ressources/) are gone')
  }
  // At the root there is no bare base path to complete with a slash.
  if (base === '/') conf = conf.replace(/\n *location = \/ressources \{[^}]*\}\n/, '\n')
  return conf
    .replace(listen, `$1listen 127.0.0.1:${port};`)
    .replaceAll('/srv/manuel/', dist.replace(/\/?$/, '/'))
    .replaceAll('/ressources/', base)
    .replaceAll('/ressources', base.replace(/\/$/, ''))
}

/** Serve `dist` at `http://127.0.0.1:<port><base>` with nginx. */
export async function serveWithNginx(dist: string, base: string): Promise<Served> {
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'))
  const site = deployConfig(dist, base, port)
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
