// Keeps the k best of a stream without sorting the whole stream: a bounded min-heap.

/** Collects (key, id) pairs and returns the ids of the k largest keys, best first; equal keys keep the smaller id. */
export class TopK {
  private readonly keys: number[] = [];
  private readonly ids: number[] = [];

  constructor(private readonly k: number) {}

  /** True when (a, ka) ranks below (b, kb). */
  private static worse(ka: number, a: number, kb: number, b: number): boolean {
    return ka < kb || (ka === kb && a > b);
  }

  push(key: number, id: number): void {
    const { keys, ids } = this;
    if (keys.length < this.k) {
      keys.push(key);
      ids.push(id);
      this.up(keys.length - 1);
    } else if (TopK.worse(keys[0]!, ids[0]!, key, id)) {
      keys[0] = key;
      ids[0] = id;
      this.down(0);
    }
  }

  /** Ids, best first. */
  result(): number[] {
    const order = this.ids.map((_, i) => i);
    order.sort((a, b) => (TopK.worse(this.keys[a]!, this.ids[a]!, this.keys[b]!, this.ids[b]!) ? 1 : -1));
    return order.map((i) => this.ids[i]!);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!TopK.worse(this.keys[i]!, this.ids[i]!, this.keys[parent]!, this.ids[parent]!)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < n && TopK.worse(this.keys[l]!, this.ids[l]!, this.keys[least]!, this.ids[least]!)) least = l;
      if (r < n && TopK.worse(this.keys[r]!, this.ids[r]!, this.keys[least]!, this.ids[least]!)) least = r;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
  }
}
