/**
 * One walk over a serialized draft body collecting what the checklist reads: pictures, links and
 * headings, each with the index of the top-level block that holds it, so a failing rule can jump
 * there. The body comes from storage or from the live editor: read defensively.
 */
export interface ScannedImage {
  block: number;
  altText: string;
  caption: string;
}
export interface ScannedLink {
  block: number;
  url: string;
}
export interface ScannedHeading {
  block: number;
  level: number;
}
export interface BodyScan {
  images: ScannedImage[];
  links: ScannedLink[];
  headings: ScannedHeading[];
}

type Node = { type?: unknown; children?: unknown; url?: unknown; tag?: unknown; altText?: unknown; caption?: unknown };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function scanBody(body: unknown): BodyScan {
  const scan: BodyScan = { images: [], links: [], headings: [] };
  const root = (body as { root?: { children?: unknown } } | null)?.root;
  const blocks = Array.isArray(root?.children) ? (root.children as unknown[]) : [];
  const visit = (n: unknown, block: number) => {
    if (!n || typeof n !== 'object') return;
    const node = n as Node;
    if (node.type === 'image') scan.images.push({ block, altText: str(node.altText), caption: str(node.caption) });
    else if (node.type === 'link' || node.type === 'autolink') scan.links.push({ block, url: str(node.url) });
    else if (node.type === 'heading') {
      const m = /^h([1-6])$/.exec(str(node.tag));
      if (m) scan.headings.push({ block, level: Number(m[1]) });
    }
    if (Array.isArray(node.children)) for (const c of node.children) visit(c, block);
  };
  blocks.forEach(visit);
  return scan;
}
