/** What TreePane.vue exposes to its page (through a template ref). */
export interface TreePaneApi {
  setCurrentKey(key: number): void;
  /** Opens the node's branch (the node itself, when it has children). */
  expand(key: number): void;
  /** Applies the typed filter again, after the data was replaced. */
  refilter(): void;
}
