// GitBook spaces name Font Awesome Pro icons (front matter `icon:`, `<i
// class="fa-…">`), which we may not ship. The one table of the closest free
// icon (fa6 solid, regular or brands: icons.ts) for each Pro name seen or
// likely in a handbook; a name not here is reported as unknown, as before.
// tests/unit/icon-aliases.test.ts checks every target exists and no key does.

/** Pro icon name → closest free one. A few Font Awesome 5 names renamed in 6 too. */
export const ICON_ALIASES: Readonly<Record<string, string>> = {
  // Pro variants of a free icon
  'house-blank': 'house',
  'book-open-cover': 'book-open',
  'rocket-launch': 'rocket',
  'gear-complex': 'gear',
  'lightbulb-on': 'lightbulb',
  'lock-keyhole': 'lock',
  'key-skeleton': 'key',
  'star-sharp': 'star',
  'bell-on': 'bell',
  'fire-flame': 'fire',
  'bullseye-arrow': 'bullseye',
  'code-simple': 'code',
  'chart-mixed': 'chart-simple',
  'chart-line-up': 'chart-line',
  'chart-pie-simple': 'chart-pie',
  'puzzle-piece-simple': 'puzzle-piece',
  'user-tie-hair': 'user-tie',
  'user-group-simple': 'user-group',
  'people-simple': 'users',
  'triangle-person-digging': 'person-digging',
  'message-lines': 'message',
  messages: 'comments',
  'comments-question': 'comments',
  books: 'book',
  'book-sparkles': 'book',
  'hand-wave': 'hand',
  // Same meaning, another drawing
  sparkles: 'wand-magic-sparkles',
  memo: 'file-lines',
  'memo-circle-check': 'clipboard-check',
  'clipboard-list-check': 'clipboard-check',
  'shield-check': 'shield-halved',
  'badge-check': 'circle-check',
  'hexagon-check': 'circle-check',
  'square-info': 'circle-info',
  'block-question': 'circle-question',
  'file-magnifying-glass': 'magnifying-glass',
  'file-certificate': 'certificate',
  'calendar-clock': 'calendar-days',
  'calendar-star': 'calendar-check',
  'list-timeline': 'timeline',
  'diagram-sankey': 'diagram-project',
  'diagram-venn': 'diagram-project',
  'folder-gear': 'folder',
  'presentation-screen': 'person-chalkboard',
  'screen-users': 'users-rectangle',
  'user-headset': 'headset',
  'display-code': 'laptop-code',
  'rectangle-history': 'layer-group',
  'objects-column': 'table-columns',
  'square-kanban': 'table-columns',
  'table-layout': 'table-columns',
  'grid-2': 'table-cells-large',
  grid: 'table-cells',
  browser: 'window-maximize',
  'arrow-up-right': 'arrow-up-right-from-square',
  // Font Awesome 5 names
  home: 'house',
  unlink: 'link-slash',
  mouse: 'computer-mouse',
}

/**
 * Pro-only styles: a class (`fa-duotone`) or a path prefix (`light/rocket`)
 * that says how to draw, not what. The free sets draw the icon in their style.
 */
export const PRO_STYLES: readonly string[] = ['light', 'thin', 'duotone', 'sharp', 'sharp-solid', 'sharp-regular', 'sharp-light', 'sharp-duotone-solid']
