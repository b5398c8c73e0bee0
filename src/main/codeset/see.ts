// Resolves an Index "see" reference ("Infarct, myocardium") to the code the Index gives at the place it
// points to, the way a coder follows it: main term first, then each subterm, looking through a "with" /
// "in" / "due to" level when the subterm sits under one.

export interface IndexNode {
  path: string;
  term: string;
  code: string | null;
  see: string | null;
}

const CONNECTORS = new Set(['with', 'in', 'due to', 'without', 'as', 'of', 'by']);

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function termMatches(t: string, part: string): boolean {
  return t === part || t.startsWith(`${part},`) || t.startsWith(`${part} (`) || t.startsWith(`${part} nec`) || t.startsWith(`${part} nos`);
}

interface Keyed extends IndexNode {
  key: string;
}

export class SeeResolver {
  private readonly children = new Map<string, Keyed[]>();
  /** Main terms by their first word group ("infarct" for "Infarct, infarction"). */
  private readonly mainTerms = new Map<string, Keyed[]>();

  constructor(nodes: Iterable<IndexNode>) {
    for (const raw of nodes) {
      const node: Keyed = { ...raw, key: norm(raw.term) };
      const cut = node.path.lastIndexOf(' > ');
      if (cut < 0) {
        const head = node.key.split(/,| \(/)[0].trim();
        const list = this.mainTerms.get(head);
        if (list) list.push(node);
        else this.mainTerms.set(head, [node]);
        continue;
      }
      const parent = node.path.slice(0, cut);
      const list = this.children.get(parent);
      if (list) list.push(node);
      else this.children.set(parent, [node]);
    }
  }

  /** The code the reference leads to, or null when the Index does not resolve it to one code. */
  resolve(see: string, depth = 0): string | null {
    if (depth > 3) return null;
    const parts = see.split(/,\s*/).map(norm).filter((p) => p !== '');
    if (parts.length === 0) return null;
    let node: Keyed | undefined = this.pick(this.mainTerms.get(parts[0]) ?? [], parts[0]);
    for (let i = 1; node && i < parts.length; i++) node = this.child(node, parts[i]);
    if (!node) return null;
    if (node.code) return node.code;
    return node.see ? this.resolve(node.see, depth + 1) : null;
  }

  private pick(candidates: readonly Keyed[], part: string): Keyed | undefined {
    return candidates.find((c) => c.key === part) ?? candidates.find((c) => termMatches(c.key, part));
  }

  private child(node: Keyed, part: string): Keyed | undefined {
    const kids = this.children.get(node.path) ?? [];
    const direct = this.pick(kids, part);
    if (direct) return direct;
    for (const kid of kids) {
      if (!CONNECTORS.has(kid.key)) continue;
      const under = this.pick(this.children.get(kid.path) ?? [], part);
      if (under) return under;
    }
    return undefined;
  }
}
