// Resolves a node reference written as a string: an id, a unique name, or a path suffix such as 'animal/bat'.

export type LookupResult = { node: number } | { ambiguous: number[] } | { unknown: true };

export class NodeLookup {
  private readonly byId = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();

  constructor(
    private readonly names: readonly string[],
    ids: readonly string[],
    private readonly parents: ArrayLike<number>,
    private readonly separator: string,
  ) {
    ids.forEach((id, i) => this.byId.set(id, i));
    names.forEach((name, i) => {
      const list = this.byName.get(name);
      if (list) list.push(i);
      else this.byName.set(name, [i]);
    });
  }

  /** Nodes carrying this display name. */
  named(name: string): readonly number[] {
    return this.byName.get(name) ?? [];
  }

  find(ref: string): LookupResult {
    const byId = this.byId.get(ref);
    if (byId !== undefined) return { node: byId };
    const sep = this.separator;
    const found = new Set<number>();
    // Every split of `ref` at a separator gives a candidate last name; its ancestors must spell the rest.
    let cut = -1;
    do {
      const tail = cut < 0 ? ref : ref.slice(cut + sep.length);
      const head = cut < 0 ? '' : ref.slice(0, cut);
      for (const node of this.byName.get(tail) ?? []) {
        if (this.ancestorsSpell(node, head)) found.add(node);
      }
      cut = ref.indexOf(sep, cut < 0 ? 0 : cut + sep.length);
    } while (cut >= 0);
    if (found.size === 1) return { node: [...found][0] };
    if (found.size > 1) return { ambiguous: [...found].sort((a, b) => a - b) };
    return { unknown: true };
  }

  /** True when the ancestors of `node`, nearest last, end with the path `head` ('' matches anything). */
  private ancestorsSpell(node: number, head: string): boolean {
    const sep = this.separator;
    let rest = head;
    let current = node;
    while (rest !== '') {
      const parent = this.parents[current];
      if (parent < 0) return false;
      const name = this.names[parent];
      if (rest === name) return true;
      if (!rest.endsWith(sep + name)) return false;
      rest = rest.slice(0, rest.length - sep.length - name.length);
      current = parent;
    }
    return true;
  }
}
