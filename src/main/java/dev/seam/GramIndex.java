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

  private long[] keys;
  private int[] heads;
  private int used;

  /**
   * Postings as (slot, offset, next) triples side by side: a lookup in a large index misses the
   * cache on every array it reads, so one array is one miss per posting instead of three.
   */
  private int[] posts;
  private int postTop;
  private int postFree = NIL;

  GramIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[capacity];
    heads = new int[capacity];
    posts = new int[3 * Math.max(16, expected)];
  }

  /** Posts {@code gram} as found in slot {@code slot} at key offset {@code offset}. */
  void add(long gram, int slot, int offset) {
    long k = gram == 0 ? ZERO : gram;
    // At most half full: a lookup that misses, the common case, then probes about two entries.
    if ((used + 1) * 2L > keys.length) {
      grow();
    }
    int at = find(k);
    if (keys[at] == 0) {
      keys[at] = k;
      heads[at] = NIL;
      used++;
    }
    int length = 0;
    int tail = NIL;
    for (int p = heads[at]; p != NIL; p = posts[3 * p + 2]) {
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
      heads[at] = p;
    } else {
      posts[3 * tail + 2] = p;
    }
  }

  /** Removes the posting of {@code slot} under {@code gram}, and the key once it has none. */
  void remove(long gram, int slot) {
    long k = gram == 0 ? ZERO : gram;
    int at = find(k);
    if (keys[at] == 0) {
      return;
    }
    int previous = NIL;
    int p = heads[at];
    while (p != NIL) {
      int next = posts[3 * p + 2];
      if (posts[3 * p] == slot) {
        if (previous == NIL) {
          heads[at] = next;
        } else {
          posts[3 * previous + 2] = next;
        }
        freePost(p);
      } else {
        previous = p;
      }
      p = next;
    }
    if (heads[at] == NIL) {
      delete(at);
    }
  }

  /** The first posting of {@code gram}, or {@code -1} (iterate with {@link #next}). */
  int first(long gram) {
    long k = gram == 0 ? ZERO : gram;
    int at = find(k);
    return keys[at] == 0 ? NIL : heads[at];
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
    int mask = keys.length - 1;
    int at = spread(k) & mask;
    while (keys[at] != 0 && keys[at] != k) {
      at = (at + 1) & mask;
    }
    return at;
  }

  private static int spread(long k) {
    return (int) (k ^ (k >>> 29) ^ (k >>> 47));
  }

  /** Backward-shift deletion, so lookups never need tombstones. */
  private void delete(int at) {
    int mask = keys.length - 1;
    int hole = at;
    int i = at;
    while (true) {
      i = (i + 1) & mask;
      if (keys[i] == 0) {
        break;
      }
      int home = spread(keys[i]) & mask;
      // Move entry i into the hole unless its home lies cyclically in (hole, i].
      boolean stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!stays) {
        keys[hole] = keys[i];
        heads[hole] = heads[i];
        hole = i;
      }
    }
    keys[hole] = 0;
    used--;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    keys = new long[oldKeys.length * 2];
    heads = new int[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int at = find(oldKeys[i]);
        keys[at] = oldKeys[i];
        heads[at] = oldHeads[i];
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
