declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, any>
  export default component
}

// VitePress's own helpers, as its default theme imports them (no types are shipped for these files).
declare module 'vitepress/dist/client/shared.js' {
  export const EXTERNAL_URL_RE: RegExp
  export function isActive(currentPath: string, matchPath?: string, asRegex?: boolean): boolean
  export function normalize(path: string): string
}
declare module 'vitepress/dist/client/theme-default/support/utils.js' {
  export function normalizeLink(url: string): string
}
declare module 'vitepress/dist/client/theme-default/support/sidebar.js' {
  import type { DefaultTheme } from 'vitepress'
  export function getSidebar(sidebar: DefaultTheme.Sidebar | undefined, path: string): DefaultTheme.SidebarItem[]
  export function getSidebarGroups(sidebar: DefaultTheme.SidebarItem[]): DefaultTheme.SidebarItem[]
}

// gray-matter's default engines: matter.ts wraps its YAML one (js-yaml).
declare module 'gray-matter/lib/engines.js' {
  interface Engine {
    parse(input: string, options?: object): object
    stringify(data: object, options?: object): string
  }
  const engines: { yaml: Engine; json: Engine; javascript: Engine }
  export default engines
}
