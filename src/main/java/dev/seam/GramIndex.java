package dev.seam;

/**
 * A multimap from window hashes to (slot id, offset) postings in primitive arrays: open
 * addressing with linear probing over {@code long} keys, postings in a pooled linked list.
 *
 * <p>A boxed {@code HashMap<Long, List<Slot>>} costs about 130 bytes per window; this costs about
 * 30 per indexed window, and only winnowed windows are indexed, which is what keeps peak heap
 * within a small multiple of the input.
 *
 * <p>Each key keeps at most {@link #CAP} postings, so a window shared by thousands of units costs
 * a bounded amount to look up. A unit added to a full key is not posted; once removals empty a
 * key, it leaves the table, and the next unit with that window is posted again (a key is never
 * left present but with no postings, so text kept and removed many times stays findable).
 */
final class GramIndex {
  static final int CAP = 8;
  /** Stands for a key of 0, which marks an empty table entry. */
  private static final long ZERO = 0x9E3779B97F4A7C15L;
  private static final int NIL = -1;

  /**
   * Entry {@code i} is a key at {@code 2 * i} and the first posting of its list at {@code 2 * i +
   * 1}: a probe that finds its key reads the head from the same cache line, not from a second
   * array of the same size.
   */
  private long[] table;

  private int capacity;
  private int used;

  /**
   * One bit per hash, set for every key added since the table last grew: most windows a query
   * probes are in no kept text, and this answers them from an array a sixteenth the table's size
   * that stays in a core's own cache, which the table itself outgrows (2 MB for the 10 MB
   * corrupted benchmark, twice this machine's L2). A removed key leaves its bit set (a later
   * probe then reads the table), so a clear bit always means absent; the bits are rebuilt from
   * the live keys when the table grows, or once as many keys were added as it has entries (text
   * kept and replaced over and over would otherwise set every bit).
   */
  private long[] filter;

  /** Keys added since the filter was last built. */
  private int marked;

  /**
   * Postings as (slot, offset, next) triples side by side: a lookup in a large index misses the
   * cache on every array it reads, so one array is one miss per posting instead of three.
   */
  private int[] posts;
  private int postTop;
  private int postFree = NIL;

  GramIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    this.capacity = capacity;
    table = new long[2 * capacity];
    filter = new long[Math.max(1, capacity / 16)];
    posts = new int[3 * Math.max(16, expected)];
  }

  /** Posts {@code gram} as found in slot {@code slot} at key offset {@code offset}. */
  void add(long gram, int slot, int offset) {
    long k = gram == 0 ? ZERO : gram;
    // At most half full: a lookup that misses, the common case, then probes about two entries.
    if ((used + 1) * 2L > capacity) {
      grow();
    }
    int at = find(k);
    if (table[2 * at] == 0) {
      table[2 * at] = k;
      table[2 * at + 1] = NIL;
      used++;
      if (++marked > capacity) {
        rebuildFilter();
      } else {
        mark(k);
      }
    }
    int length = 0;
    int tail = NIL;
    for (int p = (int) table[2 * at + 1]; p != NIL; p = posts[3 * p + 2]) {
      if (posts[3 * p] == slot) {
        return;
      }
      length++;
      tail = p;
    }
    if (length >= CAP) {
      return;
    }
    int p = newPost(slot, offset);
    if (tail == NIL) {
      table[2 * at + 1] = p;
    } else {
      posts[3 * tail + 2] = p;
    }
  }

  /** Removes the posting of {@code slot} under {@code gram}, and the key once it has none. */
  void remove(long gram, int slot) {
    long k = gram == 0 ? ZERO : gram;
    int at = find(k);
    if (table[2 * at] == 0) {
      return;
    }
    int previous = NIL;
    int p = (int) table[2 * at + 1];
    while (p != NIL) {
      int next = posts[3 * p + 2];
      if (posts[3 * p] == slot) {
        if (previous == NIL) {
          table[2 * at + 1] = next;
        } else {
          posts[3 * previous + 2] = next;
        }
        freePost(p);
      } else {
        previous = p;
      }
      p = next;
    }
    if (table[2 * at + 1] == NIL) {
      delete(at);
    }
  }

  /** The first posting of {@code gram}, or {@code -1} (iterate with {@link #next}). */
  int first(long gram) {
    long k = gram == 0 ? ZERO : gram;
    if (!maybe(k)) {
      return NIL;
    }
    int at = find(k);
    return table[2 * at] == 0 ? NIL : (int) table[2 * at + 1];
  }

  int next(int posting) {
    return posts[3 * posting + 2];
  }

  int slot(int posting) {
    return posts[3 * posting];
  }

  int offset(int posting) {
    return posts[3 * posting + 1];
  }

  int size() {
    return used;
  }

  /** Whether no key has a posting. */
  boolean isEmpty() {
    return used == 0;
  }

  private int find(long k) {
    int mask = capacity - 1;
    int at = spread(k) & mask;
    while (table[2 * at] != 0 && table[2 * at] != k) {
      at = (at + 1) & mask;
    }
    return at;
  }

  private static int spread(long k) {
    return (int) (k ^ (k >>> 29) ^ (k >>> 47));
  }

  /** The filter's bit for {@code k}, from other bits of the hash than the table's slot. */
  private int bit(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & (filter.length * 64 - 1);
  }

  private void mark(long k) {
    int b = bit(k);
    filter[b >>> 6] |= 1L << b;
  }

  private boolean maybe(long k) {
    int b = bit(k);
    return (filter[b >>> 6] & (1L << b)) != 0;
  }

  /** Backward-shift deletion, so lookups never need tombstones. */
  private void delete(int at) {
    int mask = capacity - 1;
    int hole = at;
    int i = at;
    while (true) {
      i = (i + 1) & mask;
      if (table[2 * i] == 0) {
        break;
      }
      int home = spread(table[2 * i]) & mask;
      // Move entry i into the hole unless its home lies cyclically in (hole, i].
      boolean stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!stays) {
        table[2 * hole] = table[2 * i];
        table[2 * hole + 1] = table[2 * i + 1];
        hole = i;
      }
    }
    table[2 * hole] = 0;
    used--;
  }

  private void grow() {
    long[] old = table;
    capacity *= 2;
    table = new long[2 * capacity];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        int at = find(old[i]);
        table[2 * at] = old[i];
        table[2 * at + 1] = old[i + 1];
      }
    }
    rebuildFilter();
  }

  private void rebuildFilter() {
    filter = new long[Math.max(1, capacity / 16)];
    marked = 0;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != 0) {
        mark(table[i]);
        marked++;
      }
    }
  }

  private int newPost(int slot, int offset) {
    int p;
    if (postFree != NIL) {
      p = postFree;
      postFree = posts[3 * p + 2];
    } else {
      if (3 * postTop == posts.length) {
        posts = java.util.Arrays.copyOf(posts, posts.length * 2);
      }
      p = postTop++;
    }
    posts[3 * p] = slot;
    posts[3 * p + 1] = offset;
    posts[3 * p + 2] = NIL;
    return p;
  }

  private void freePost(int p) {
    posts[3 * p + 2] = postFree;
    postFree = p;
  }
}
