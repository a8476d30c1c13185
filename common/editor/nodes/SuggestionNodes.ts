/**
 * Pending suggestions as Lexical nodes in the draft body (the rules are in ../suggestions.ts).
 * Three inline elements wrap the words a suggestion is about: `suggestion-insert` (words proposed
 * for addition), `suggestion-delete` (words proposed for removal, still shown struck through) and
 * `suggestion-format` (words whose format is proposed to change; `formatMask` holds the flipped
 * format bits, so the original format of each text inside is `format ^ formatMask`).
 *
 * `also` lists further suggestions on exactly these words: where two members suggested on the same
 * words apart, the merge keeps the words once, in one of the two elements, and the other's
 * suggestion moves here (common/editor/merged-copies.ts). Format bits of those suggestions are
 * already applied to the text too.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { themedElement } from './themed-element';

export interface SuggestionAuthor {
  /** The member's id (a workspace member, or this laptop's chosen person; 'local' when none is chosen). */
  id: string;
  name: string;
}

export interface SuggestionMeta {
  suggestionId: string;
  author: SuggestionAuthor;
  /** ISO 8601 UTC time of the suggestion. */
  at: string;
}

/** A further suggestion on the same words as the element that lists it in `also`. */
export interface SameWordsSuggestion {
  type: 'suggestion-delete' | 'suggestion-format';
  suggestionId: string;
  authorId: string;
  authorName: string;
  at: string;
  /** For a format change: the TextFormat bits it flips. */
  formatMask: number;
}

export type SerializedSuggestionNode = Spread<
  { suggestionId: string; authorId: string; authorName: string; at: string; formatMask?: number; also?: SameWordsSuggestion[] },
  SerializedElementNode
>;

const VERB = { 'suggestion-insert': 'Suggested insertion', 'suggestion-delete': 'Suggested deletion', 'suggestion-format': 'Suggested format change' } as const;
const TAG = { 'suggestion-insert': 'ins', 'suggestion-delete': 'del', 'suggestion-format': 'span' } as const;
type SuggestionType = keyof typeof VERB;

/**
 * Built once, on first use: `toLocaleDateString` with options builds a new Intl formatter on every
 * call, and every suggestion's mark calls this as it is drawn (60 ms of a 500-suggestion draft's open).
 */
let tooltipDay: Intl.DateTimeFormat | null = null;

/** The time as people read it in a tooltip: "7 Dec 2026, 13:20 UTC". */
function readableTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  tooltipDay ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${tooltipDay.format(d)}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** The shared fields and behaviour; each kind is its own registered class below. */
abstract class SuggestionNode extends ElementNode {
  __suggestionId: string;
  __authorId: string;
  __authorName: string;
  __at: string;
  __also: readonly SameWordsSuggestion[];

  constructor(meta?: SuggestionMeta, key?: NodeKey) {
    super(key);
    this.__suggestionId = meta?.suggestionId ?? '';
    this.__authorId = meta?.author.id ?? '';
    this.__authorName = meta?.author.name ?? '';
    this.__at = meta?.at ?? '';
    this.__also = [];
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__suggestionId = prev.__suggestionId;
    this.__authorId = prev.__authorId;
    this.__authorName = prev.__authorName;
    this.__at = prev.__at;
    this.__also = prev.__also;
  }

  getMeta(): SuggestionMeta {
    const self = this.getLatest();
    return { suggestionId: self.__suggestionId, author: { id: self.__authorId, name: self.__authorName }, at: self.__at };
  }

  getSuggestionId(): string {
    return this.getLatest().__suggestionId;
  }

  getAuthorId(): string {
    return this.getLatest().__authorId;
  }

  /** Other members' suggestions on exactly these words (see the file's comment). */
  getAlso(): readonly SameWordsSuggestion[] {
    return this.getLatest().__also;
  }

  setAlso(also: readonly SameWordsSuggestion[]): this {
    const self = this.getWritable();
    self.__also = also;
    return self;
  }

  /** Keeps words merged into one suggestion under the older one's id, author and time. */
  setMeta(meta: SuggestionMeta): this {
    const self = this.getWritable();
    self.__suggestionId = meta.suggestionId;
    self.__authorId = meta.author.id;
    self.__authorName = meta.author.name;
    self.__at = meta.at;
    return self;
  }

  /** The sentence a tooltip and a screen reader give: "Suggested deletion by Ann Editor, 7 Dec 2026, 13:20 UTC". */
  describe(): string {
    const self = this.getLatest();
    const one = (type: SuggestionType, name: string, at: string) => `${VERB[type]} by ${name || 'someone'}, ${readableTime(at)}`;
    return [one(self.getType() as SuggestionType, self.__authorName, self.__at), ...self.__also.map((s) => one(s.type, s.authorName, s.at))].join('; ');
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const type = this.getType() as SuggestionType;
    const el = themedElement(TAG[type], config, type);
    this.decorate(el);
    return el;
  }

  override updateDOM(prev: this, el: HTMLElement): boolean {
    if (prev.__authorId !== this.__authorId || prev.__at !== this.__at || prev.__authorName !== this.__authorName || prev.__suggestionId !== this.__suggestionId || prev.__also !== this.__also) this.decorate(el);
    return false;
  }

  /**
   * Author and time for the eye (title on hover) and for screen readers (aria-description, read
   * with the <ins>/<del> role). An attribute, not visually-hidden generated text: 500 clipped,
   * absolutely positioned ::before boxes in a long draft made every frame's paint and hit-testing
   * several times dearer while typing (issue 17, item 7).
   */
  private decorate(el: HTMLElement): void {
    const description = this.describe();
    el.title = description;
    el.setAttribute('aria-description', description);
    el.dataset.suggestion = this.__suggestionId;
    el.dataset.author = this.__authorId;
  }

  override exportJSON(): SerializedSuggestionNode {
    const self = this.getLatest();
    const also = self.__also.length ? { also: [...self.__also] } : {};
    return { ...super.exportJSON(), suggestionId: self.__suggestionId, authorId: self.__authorId, authorName: self.__authorName, at: self.__at, ...also };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedSuggestionNode>): this {
    return super
      .updateFromJSON(json)
      .setMeta({ suggestionId: json.suggestionId, author: { id: json.authorId, name: json.authorName }, at: json.at })
      .setAlso(Array.isArray(json.also) ? json.also : []);
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  /** A copy carries the words, never the pending suggestion around them. */
  override excludeFromCopy(destination?: 'clone' | 'html'): boolean {
    return destination !== 'clone';
  }
}

export class SuggestedInsertionNode extends SuggestionNode {
  static override getType(): string {
    return 'suggestion-insert';
  }

  static override clone(node: SuggestedInsertionNode): SuggestedInsertionNode {
    return new SuggestedInsertionNode(node.getMeta(), node.__key);
  }

  static override importJSON(json: SerializedSuggestionNode): SuggestedInsertionNode {
    return $applyNodeReplacement(new SuggestedInsertionNode()).updateFromJSON(json);
  }
}

export class SuggestedDeletionNode extends SuggestionNode {
  static override getType(): string {
    return 'suggestion-delete';
  }

  static override clone(node: SuggestedDeletionNode): SuggestedDeletionNode {
    return new SuggestedDeletionNode(node.getMeta(), node.__key);
  }

  static override importJSON(json: SerializedSuggestionNode): SuggestedDeletionNode {
    return $applyNodeReplacement(new SuggestedDeletionNode()).updateFromJSON(json);
  }

  // Words typed beside a proposed deletion are not part of it.
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }
}

export class SuggestedFormatNode extends SuggestionNode {
  __formatMask: number;

  constructor(meta?: SuggestionMeta, formatMask = 0, key?: NodeKey) {
    super(meta, key);
    this.__formatMask = formatMask;
  }

  static override getType(): string {
    return 'suggestion-format';
  }

  static override clone(node: SuggestedFormatNode): SuggestedFormatNode {
    return new SuggestedFormatNode(node.getMeta(), node.__formatMask, node.__key);
  }

  static override importJSON(json: SerializedSuggestionNode): SuggestedFormatNode {
    return $applyNodeReplacement(new SuggestedFormatNode()).updateFromJSON(json);
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__formatMask = prev.__formatMask;
  }

  /** The TextFormat bits this suggestion flips (the original format is `text.format ^ mask`). */
  getFormatMask(): number {
    return this.getLatest().__formatMask;
  }

  setFormatMask(mask: number): this {
    const self = this.getWritable();
    self.__formatMask = mask;
    return self;
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), formatMask: this.getLatest().__formatMask };
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedSuggestionNode>): this {
    return super.updateFromJSON(json).setFormatMask(typeof json.formatMask === 'number' ? json.formatMask : 0);
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }
}

export type AnySuggestionNode = SuggestedInsertionNode | SuggestedDeletionNode | SuggestedFormatNode;

export function $createSuggestedInsertionNode(meta: SuggestionMeta): SuggestedInsertionNode {
  return $applyNodeReplacement(new SuggestedInsertionNode(meta));
}

export function $createSuggestedDeletionNode(meta: SuggestionMeta): SuggestedDeletionNode {
  return $applyNodeReplacement(new SuggestedDeletionNode(meta));
}

export function $createSuggestedFormatNode(meta: SuggestionMeta, formatMask: number): SuggestedFormatNode {
  return $applyNodeReplacement(new SuggestedFormatNode(meta, formatMask));
}

export const $isSuggestedInsertionNode = (n: LexicalNode | null | undefined): n is SuggestedInsertionNode => n instanceof SuggestedInsertionNode;
export const $isSuggestedDeletionNode = (n: LexicalNode | null | undefined): n is SuggestedDeletionNode => n instanceof SuggestedDeletionNode;
export const $isSuggestedFormatNode = (n: LexicalNode | null | undefined): n is SuggestedFormatNode => n instanceof SuggestedFormatNode;
export const $isSuggestionNode = (n: LexicalNode | null | undefined): n is AnySuggestionNode => n instanceof SuggestionNode;
