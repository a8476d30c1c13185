import { $getDocument, type EditorConfig } from 'lexical';

/**
 * The editor's DOM element for one of our nodes, with the class the editor theme gives it under
 * `key` (the renderer's theme sets them; the headless exporter has none and gets a bare element).
 */
export function themedElement(tag: string, config: EditorConfig, key: string): HTMLElement {
  const el = $getDocument().createElement(tag);
  const cls = (config.theme as Record<string, unknown>)[key];
  if (typeof cls === 'string') el.className = cls;
  return el;
}
