// Stands in for VitePress's app/composables/codeGroups.js (see
// .vitepress/gitbook/unused-parts.ts): no page of a GitBook space has a code group.
export function useCodeGroups(): void {}
