/**
 * The suggestions panel's list, kept up to date from the editor's mutations of suggestion nodes
 * and the suggestions each update leaves dirty.
 * Typing in suggestion mode changes one insertion per keystroke: re-reading the whole draft for
 * that (a walk of every node of a 36,000-word body, then a new entry for each of 500 suggestions,
 * each re-rendered) was most of what a keystroke cost in a draft under review. A node whose
 * suggestion, parent and neighbours stay the same only re-reads its own suggestion's words, and
 * every other entry stays the same object, so the panel re-renders one item. Anything else (a
 * suggestion made, removed, merged or moved) reads the whole list again, in text order, as
 * $pendingSuggestions does.
 */
import { $getNodeByKey, type NodeKey, type NodeMutation } from 'lexical';
import { $isSuggestionNode, type AnySuggestionNode } from '../../../common/editor/nodes/SuggestionNodes';
import { $allSuggestionNodes, $pendingSuggestions, type PendingSuggestion } from '../../../common/editor/suggestion-edits';

const KIND = { 'suggestion-insert': 'insertion', 'suggestion-delete': 'deletion', 'suggestion-format': 'format' } as const;

/** Where a suggestion node sits: its suggestion, parent and siblings, to tell an edit inside it from a move. */
interface Place {
  id: string;
  parent: NodeKey | null;
  prev: NodeKey | null;
  next: NodeKey | null;
}

function $placeOf(node: AnySuggestionNode): Place {
  return { id: node.getSuggestionId(), parent: node.getParent()?.getKey() ?? null, prev: node.getPreviousSibling()?.getKey() ?? null, next: node.getNextSibling()?.getKey() ?? null };
}

/** One entry from the nodes of one suggestion, in text order: its first node's meta, all their words. */
function $entry(nodes: AnySuggestionNode[]): PendingSuggestion {
  const meta = nodes[0].getMeta();
  return {
    id: meta.suggestionId,
    kind: KIND[nodes[0].getType() as keyof typeof KIND],
    authorId: meta.author.id,
    authorName: meta.author.name,
    at: meta.at,
    quote: nodes.map((n) => n.getTextContent()).join(' '),
  };
}

export class PendingList {
  private list: PendingSuggestion[] = [];
  private places = new Map<NodeKey, Place>();
  private keysById = new Map<string, NodeKey[]>();
  /**
   * Suggestions that also list others made apart on the same words (their `also`, see
   * same-words.ts): those entries share the node's words, so a change to such a node reads all.
   */
  private hosts = new Set<string>();
  /** Suggestions whose words changed since the last read; null: read everything again. */
  private touched: Set<string> | null = null;

  /** Takes a mutation listener's report (inside a read of the editor state). */
  $note(mutations: Map<NodeKey, NodeMutation>): void {
    for (const [key, mutation] of mutations) {
      if (this.touched === null) return;
      const known = this.places.get(key);
      const node = $getNodeByKey(key);
      if (mutation !== 'updated' || !known || !$isSuggestionNode(node) || !samePlace(known, $placeOf(node))) this.touched = null;
      else this.touched.add(known.id);
    }
  }

  /**
   * Takes an update's dirty elements: typing inside a suggestion changes its text node only, and
   * Lexical reports no mutation of the suggestion around it (it is dirty, not cloned), so its
   * words are re-read from here. True when a known suggestion is among them.
   */
  noteDirty(dirtyElements: Map<NodeKey, boolean>): boolean {
    if (this.touched === null) return true;
    let any = false;
    for (const key of dirtyElements.keys()) {
      const known = this.places.get(key);
      if (known) (this.touched.add(known.id), (any = true));
    }
    return any;
  }

  /** Whether the next read walks the whole draft (a suggestion made, removed or moved), not just re-reads some words. */
  needsWalk(): boolean {
    return this.touched === null;
  }

  /** The list now (inside a read of the editor state). */
  $read(): PendingSuggestion[] {
    if (this.touched === null) return this.$readAll();
    if (this.touched.size === 0) return this.list;
    const fresh = new Map<string, PendingSuggestion>();
    for (const id of this.touched) {
      const nodes = (this.keysById.get(id) ?? []).map((k) => $getNodeByKey(k));
      if (nodes.length === 0 || !nodes.every((n): n is AnySuggestionNode => $isSuggestionNode(n) && n.isAttached())) return this.$readAll();
      if (this.hosts.has(id) || nodes.some((n) => n.getAlso().length > 0)) return this.$readAll();
      fresh.set(id, $entry(nodes));
    }
    this.touched = new Set();
    this.list = this.list.map((s) => fresh.get(s.id) ?? s);
    return this.list;
  }

  private $readAll(): PendingSuggestion[] {
    const byId = new Map<string, AnySuggestionNode[]>();
    this.places = new Map();
    this.hosts = new Set();
    for (const n of $allSuggestionNodes()) {
      const place = $placeOf(n);
      this.places.set(n.getKey(), place);
      if (n.getAlso().length > 0) this.hosts.add(place.id);
      const nodes = byId.get(place.id);
      if (nodes) nodes.push(n);
      else byId.set(place.id, [n]);
    }
    this.keysById = new Map([...byId].map(([id, nodes]) => [id, nodes.map((n) => n.getKey())]));
    const previous = new Map(this.list.map((s) => [s.id, s]));
    // An entry that reads the same stays the same object, so its item is not re-rendered.
    this.list = $pendingSuggestions().map((next) => {
      const was = previous.get(next.id);
      return was && sameEntry(was, next) ? was : next;
    });
    this.touched = new Set();
    return this.list;
  }
}

const samePlace = (a: Place, b: Place) => a.id === b.id && a.parent === b.parent && a.prev === b.prev && a.next === b.next;

const sameEntry = (a: PendingSuggestion, b: PendingSuggestion) =>
  a.kind === b.kind && a.authorId === b.authorId && a.authorName === b.authorName && a.at === b.at && a.quote === b.quote;
