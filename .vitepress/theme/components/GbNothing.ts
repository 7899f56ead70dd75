// Stands in for the default theme's parts this site never shows (see
// .vitepress/gitbook/unused-parts.ts). A render function returning null, not
// an empty SFC template: the server then writes the same empty comment the
// browser expects, so hydration matches.
import { defineComponent } from 'vue'

export default defineComponent({ name: 'GbNothing', inheritAttrs: false, setup: () => () => null })
