/** A binary min-heap of (key, id) with ties broken by the smaller id, so that searches are deterministic. */
export class NodeHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  size = 0;

  constructor(initialCapacity: number) {
    this.keys = new Float64Array(initialCapacity);
    this.ids = new Int32Array(initialCapacity);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, id: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && ids[parent]! < id)) break;
      keys[i] = pk;
      ids[i] = ids[parent]!;
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
  }

  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const top = ids[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n]!;
    const id = ids[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (keys[right]! < keys[child]! || (keys[right] === keys[child] && ids[right]! < ids[child]!))
      ) {
        child = right;
      }
      const ck = keys[child]!;
      if (key < ck || (key === ck && id < ids[child]!)) break;
      keys[i] = ck;
      ids[i] = ids[child]!;
      i = child;
    }
    keys[i] = key;
    ids[i] = id;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    keys.set(this.keys);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }
}

/** Keys within this distance of the last popped key go to buckets; farther ones wait in a heap. */
const BUCKET_WINDOW = 4096;

/**
 * A monotone priority queue for Dijkstra with integer keys (reduced costs are integers): a window of
 * buckets from the last popped key, O(1) per push and pop, and a heap for keys beyond the window (the
 * searches that end only at the scale of the cardinality bonus). Within a bucket the last pushed comes
 * first, which is deterministic. Keys pushed must not be below the last popped key.
 */
export class BucketQueue {
  private itemKey = new Float64Array(1024);
  private itemId = new Int32Array(1024);
  private itemNext = new Int32Array(1024);
  private items = 0;
  private readonly head = new Int32Array(BUCKET_WINDOW).fill(-1);
  /** The key of bucket 0. */
  private base = 0;
  /** The lowest bucket that may hold items, and one past the highest used since the last clear. */
  private cursor = 0;
  private usedBuckets = 0;
  private inBuckets = 0;
  private readonly far = new NodeHeap(64);
  /** The key of the item the last pop returned. */
  lastKey = 0;

  get size(): number {
    return this.inBuckets + this.far.size;
  }

  clear(): void {
    if (this.inBuckets > 0) this.head.fill(-1, this.cursor, this.usedBuckets);
    this.usedBuckets = 0;
    this.items = 0;
    this.inBuckets = 0;
    this.far.clear();
    this.base = 0;
    this.cursor = 0;
  }

  push(key: number, id: number): void {
    const offset = key - this.base;
    if (offset >= BUCKET_WINDOW) {
      this.far.push(key, id);
      return;
    }
    this.addToBucket(Math.max(offset, this.cursor), key, id);
  }

  pop(): number {
    if (this.inBuckets === 0) this.refill();
    let bucket = this.cursor;
    while (this.head[bucket] === -1) bucket++;
    this.cursor = bucket;
    const item = this.head[bucket]!;
    this.head[bucket] = this.itemNext[item]!;
    this.inBuckets--;
    this.lastKey = this.itemKey[item]!;
    return this.itemId[item]!;
  }

  /** Moves the window to the smallest far key and brings the keys inside it into buckets. */
  private refill(): void {
    this.items = 0;
    this.usedBuckets = 0;
    this.cursor = 0;
    this.base = this.far.topKey();
    while (this.far.size > 0 && this.far.topKey() - this.base < BUCKET_WINDOW) {
      const key = this.far.topKey();
      this.addToBucket(key - this.base, key, this.far.pop());
    }
  }

  private addToBucket(bucket: number, key: number, id: number): void {
    if (this.items === this.itemKey.length) this.grow();
    const item = this.items++;
    this.itemKey[item] = key;
    this.itemId[item] = id;
    this.itemNext[item] = this.head[bucket]!;
    this.head[bucket] = item;
    this.inBuckets++;
    if (bucket >= this.usedBuckets) this.usedBuckets = bucket + 1;
  }

  private grow(): void {
    const size = this.itemKey.length * 2;
    const keys = new Float64Array(size);
    keys.set(this.itemKey);
    this.itemKey = keys;
    const ids = new Int32Array(size);
    ids.set(this.itemId);
    this.itemId = ids;
    const next = new Int32Array(size);
    next.set(this.itemNext);
    this.itemNext = next;
  }
}
