/**
 * An image stored with the draft. `src` is `asset:<id>` (a row in assets) or, for imports not yet
 * stored, a data: URL. Alt text is required by the editor's insert dialog; the caption is optional.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { SerializedImage } from '../serialized';
import { renderDecorator } from './decorator-renderer';
import { themedElement } from './themed-element';

export interface ImagePayload {
  src: string;
  altText: string;
  caption?: string;
  width?: number | null;
  height?: number | null;
}

export const ASSET_PREFIX = 'asset:';

/** The asset id in `asset:<id>`, or null for any other src. */
export function assetIdOf(src: string): string | null {
  return src.startsWith(ASSET_PREFIX) ? src.slice(ASSET_PREFIX.length) : null;
}

function toDimension(value: string | null): number | null {
  if (!value) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Only images we can keep offline: our own assets and inline data. Remote images are dropped, never fetched. */
function isKeepableSrc(src: string): boolean {
  return src.startsWith(ASSET_PREFIX) || /^data:image\/(png|jpeg|gif|webp);base64,/i.test(src);
}

function imageFromElement(img: HTMLImageElement, caption: string): ImageNode | null {
  const src = img.getAttribute('src') ?? '';
  if (!isKeepableSrc(src)) return null;
  return $createImageNode({
    src,
    altText: img.getAttribute('alt') ?? '',
    caption,
    width: toDimension(img.getAttribute('width')),
    height: toDimension(img.getAttribute('height')),
  });
}

function $convertImg(el: HTMLElement): DOMConversionOutput {
  return { node: imageFromElement(el as HTMLImageElement, '') };
}

/** A <figure> becomes one image block with its caption; nothing inside it is read again. */
function $convertFigure(el: HTMLElement): DOMConversionOutput {
  const img = el.querySelector('img');
  const caption = el.querySelector('figcaption')?.textContent?.trim() ?? '';
  return { node: img ? imageFromElement(img, caption) : null, forChild: () => null };
}

export class ImageNode extends DecoratorNode<unknown> {
  __src: string;
  __altText: string;
  __caption: string;
  __width: number | null;
  __height: number | null;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(
      { src: node.__src, altText: node.__altText, caption: node.__caption, width: node.__width, height: node.__height },
      node.__key,
    );
  }

  static override importJSON(json: Record<string, unknown>): ImageNode {
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const dim = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : null);
    return $createImageNode({ src: str(json.src), altText: str(json.altText), caption: str(json.caption), width: dim(json.width), height: dim(json.height) });
  }

  static override importDOM(): DOMConversionMap {
    return {
      img: () => ({ conversion: $convertImg, priority: 1 }),
      figure: (el: HTMLElement) => (el.querySelector('img') ? { conversion: $convertFigure, priority: 1 } : null),
    };
  }

  constructor(p: ImagePayload = { src: '', altText: '' }, key?: NodeKey) {
    super(key);
    this.__src = p.src;
    this.__altText = p.altText;
    this.__caption = p.caption ?? '';
    this.__width = p.width ?? null;
    this.__height = p.height ?? null;
  }

  override exportJSON(): SerializedImage {
    return {
      type: 'image',
      version: 1,
      src: this.__src,
      altText: this.__altText,
      caption: this.__caption,
      width: this.__width,
      height: this.__height,
    };
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const figure = doc.createElement('figure');
    const img = doc.createElement('img');
    img.setAttribute('src', this.__src);
    img.setAttribute('alt', this.__altText);
    if (this.__width) img.setAttribute('width', String(this.__width));
    if (this.__height) img.setAttribute('height', String(this.__height));
    figure.append(img);
    if (this.__caption) {
      const caption = doc.createElement('figcaption');
      caption.textContent = this.__caption;
      figure.append(caption);
    }
    return { element: figure };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const el = themedElement('div', config, 'image');
    return el;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.__caption ? `${this.__caption}\n` : '';
  }

  getSrc(): string {
    return this.getLatest().__src;
  }
  getAltText(): string {
    return this.getLatest().__altText;
  }
  getCaption(): string {
    return this.getLatest().__caption;
  }

  setAltText(altText: string): this {
    const self = this.getWritable();
    self.__altText = altText;
    return self;
  }

  setCaption(caption: string): this {
    const self = this.getWritable();
    self.__caption = caption;
    return self;
  }

  override decorate(): unknown {
    return renderDecorator(this);
  }
}

export function $createImageNode(p: ImagePayload): ImageNode {
  return $applyNodeReplacement(new ImageNode(p));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
