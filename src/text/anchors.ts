/** Stable anchors of the generated error guide: one per code, usable as a catalog entry's `docsUrl`. */

/** SESSION_NOT_FOUND → session-not-found (the `id` of the code's section in docs/errors.md). */
export function anchorOf (code: string): string {
  return code.toLowerCase().replace(/_/g, '-')
}

/** The anchor of a category's section. */
export function categoryAnchorOf (category: string): string {
  return `category-${category}`
}
