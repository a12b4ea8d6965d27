package dev.seam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The document being built: an ordered list of slots with order labels, an index from exact keys
 * to slots, and an index from 8-grams of keys to slots for containment and near matches.
 *
 * <p>Candidate pairs come only from the indexes, never from comparing all units; one gram yields
 * at most {@link #POSTING_CAP} candidates, so a gram shared by many units (a common phrase, a
 * paragraph repeated a thousand times) cannot make matching quadratic.
 *
 * <p>Only winnowed windows are indexed (the smallest hash of every {@link #W} consecutive
 * windows, about one window in five), and a query probes all of its windows: a kept key the
 * query contains is always found, since its anchors are among the query's windows, and so is
 * any shared run of at least {@code K + W - 1} chars. The candidates found are then compared
 * window by window on their own keys, so coverage and chains are exact for them.
 */
final class Doc {
  /** Gram length in key chars: long enough that a gram is rare by chance, short enough for CJK. */
  static final int K = 8;

  /** The shortest cut that {@link #opensAlike} compares with the start of a kept sentence. */
  static final int MIN_PREFIX_CUT = 6 * K;

  static final int POSTING_CAP = GramIndex.CAP;
  /** Winnowing window: one anchor among every W consecutive windows. */
  static final int W = 8;
  /**
   * At most this many kept units, plus one per {@link #CANDIDATES_PER_CHAR} key chars, are
   * compared with one key: enough for a context line that glues a whole article.
   */
  private static final int MIN_CANDIDATES = 64;

  private static final int CANDIDATES_PER_CHAR = 8;
  private static final int MAX_EXACT = 32;
  /** Seeds a candidate may extend at another alignment inside text it already covers. */
  private static final int MAX_OFF_DIAGONAL = 2;
  /** Later places of a seed's window in one kept key that a seed tries. */
  private static final int MAX_LATER_PLACES = 4;
  /** Chars of kept keys that the search for later places may read, per char of the key. */
  private static final long PLACE_BUDGET_PER_CHAR = 8;
  private static final long PLACE_BUDGET_BASE = 256;
  private static final long GAP = 1L << 32;
  private static final long BASE = 0x100000001B3L;

  final Slot begin = new Slot(null, "", false);
  final Slot end = new Slot(null, "", false);
  /** Key to its slot, or to a list of slots when kept more than once (most keys are kept once). */
  private SplitMap<Object> exact;
  private GramIndex grams;
  /** The windows of the key being matched; one document is matched by one thread at a time. */
  private long[] queryGrams = new long[64];
  /**
   * Windows and anchors of the key being indexed or unindexed: every kept unit passes through
   * both, and arrays made per key were a third of what a long document allocates.
   */
  private long[] indexGrams = new long[64];
  private int[] indexAnchors = new int[64];
  /**
   * The per-match tables of {@link #match(String, int, Candidates, Runs, double)}, cleared over
   * what each match uses: made per match, they were a fifth of what a long document allocates.
   */
  private boolean[] matchCovered = new boolean[64];
  private int[] matchShared = new int[16];
  private int[] matchHeads = new int[64];
  private boolean[] matchInChains = new boolean[16];
  /** The kept units of the chain being followed, filtered in place window by window. */
  private int[] chainScratch = new int[POSTING_CAP];
  private final Candidates candidateScratch = new Candidates();
  /** One window's postings, read before any is seeded to know whether the window is full. */
  private final int[] postedScratch = new int[GramIndex.CAP];
  private final Runs runScratch = new Runs();
  private final List<Slot> byId = new ChunkedList<>();
  private int size;
  private int relabels;

  Doc() {
    this(1024);
  }

  /** A document sized for about {@code chars} chars of kept text, so its indexes rarely grow. */
  Doc(int chars) {
    exact = new SplitMap<>(Math.max(16, chars / 32));
    // Not sized from the input: repeated text adds no windows, and the index doubles as it fills.
    grams = new GramIndex(1024);
    begin.next = end;
    end.prev = begin;
    begin.label = Long.MIN_VALUE;
    end.label = Long.MAX_VALUE;
  }

  int size() {
    return size;
  }

  /**
   * Sizes the exact index for {@code units} units before any is kept, so that it never rehashes:
   * rehashing a large table is a pass of cache misses, the cost that grew fastest with 100,000
   * tiny fragments.
   */
  void expectUnits(int units) {
    if (exact.isEmpty()) {
      exact = new SplitMap<>(units);
    }
  }

  /**
   * Drops both indexes once no more text will be matched: rendering and the report need only the
   * slots, and the output and the report are built while this document is still alive.
   */
  void releaseIndexes() {
    exact = new SplitMap<>(16);
    grams = new GramIndex(16);
  }

  /** How many times labels were respread; labels held elsewhere are stale when this changes. */
  int relabels() {
    return relabels;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Inserts {@code u} right after {@code anchor} (which may be {@link #begin}). */
  Slot insertAfter(Slot anchor, Unit u, String sep) {
    anchor = live(anchor);
    Slot s = new Slot(u, sep, true);
    s.id = byId.size();
    byId.add(s);
    Slot next = anchor.next;
    s.prev = anchor;
    s.next = next;
    anchor.next = s;
    next.prev = s;
    size++;
    label(s);
    index(s, u);
    return s;
  }

  Slot insertBefore(Slot anchor, Unit u, String sep) {
    return insertAfter(live(anchor).prev, u, sep);
  }

  /**
   * Takes a slot out of the document and the indexes; anything still pointing at it is forwarded
   * to {@code into}, the slot that now holds its text.
   */
  void remove(Slot s, Slot into) {
    unindex(s, s.unit);
    s.prev.next = s.next;
    s.next.prev = s.prev;
    s.forward = into;
    size--;
  }

  /** The live slot standing for {@code s}: itself, or where a removed slot forwarded to. */
  static Slot live(Slot s) {
    Slot at = s;
    for (int hops = 0; at != null && at.forward != null && hops < 1_000_000; hops++) {
      at = at.forward;
    }
    return at;
  }

  /** A set of window hashes in a primitive table: the windows of a few units, to compare with. */
  static final class WindowSet {
    private long[] keys = new long[64];
    private boolean hasZero;
    private int size;

    /** Adds every window of {@code key}. */
    WindowSet addAll(String key) {
      for (long g : grams(key)) {
        add(g);
      }
      return this;
    }

    void add(long g) {
      if (g == 0) {
        hasZero = true;
        return;
      }
      if ((size + 1) * 2 > keys.length) {
        long[] old = keys;
        keys = new long[old.length * 2];
        size = 0;
        for (long k : old) {
          if (k != 0) {
            add(k);
          }
        }
      }
      int mask = keys.length - 1;
      int at = (int) (g ^ (g >>> 32)) & mask;
      while (keys[at] != 0) {
        if (keys[at] == g) {
          return;
        }
        at = (at + 1) & mask;
      }
      keys[at] = g;
      size++;
    }

    boolean contains(long g) {
      if (g == 0) {
        return hasZero;
      }
      int mask = keys.length - 1;
      int at = (int) (g ^ (g >>> 32)) & mask;
      while (keys[at] != 0) {
        if (keys[at] == g) {
          return true;
        }
        at = (at + 1) & mask;
      }
      return false;
    }
  }

  /**
   * How much of one key some kept keys hold, in any order, as a share of its non-space chars:
   * by grams where both are long enough, by the whole text where one is shorter than a gram
   * ("はい。" holds three chars of a context line; a gram set holds nothing of it).
   */
  static final class Cover {
    /** A kept key shorter than this marks nothing: one char would mark every copy of it. */
    private static final int MIN_SHORT = 2;

    private final String key;
    private final long[] grams;
    private final boolean[] covered;
    private int total;
    private int hit;

    Cover(String key) {
      this.key = key;
      this.grams = key.length() < K ? new long[0] : grams(key);
      this.covered = new boolean[key.length()];
      for (int i = 0; i < key.length(); i++) {
        if (key.charAt(i) != ' ') {
          total++;
        }
      }
    }

    /** Marks what {@code kept} holds of the key; returns this. */
    Cover add(String kept) {
      if (kept.length() < K || key.length() < K) {
        if (kept.length() >= MIN_SHORT) {
          for (int at = key.indexOf(kept); at >= 0; at = key.indexOf(kept, at + 1)) {
            mark(at, at + kept.length());
          }
        }
        if (key.length() < K && !key.isEmpty() && kept.contains(key)) {
          mark(0, key.length());
        }
        return this;
      }
      WindowSet set = new WindowSet().addAll(kept);
      for (int i = 0; i < grams.length; i++) {
        if (set.contains(grams[i])) {
          mark(i, i + K);
        }
      }
      return this;
    }

    private void mark(int from, int to) {
      for (int k = from; k < to; k++) {
        if (!covered[k]) {
          covered[k] = true;
          if (key.charAt(k) != ' ') {
            hit++;
          }
        }
      }
    }

    /** The share covered so far, 0 to 1. */
    double share() {
      return total == 0 ? 0 : (double) hit / total;
    }
  }

  /**
   * Share of {@code key}'s non-space chars that lie in some gram of {@code grams}: how much of a
   * sentence another text holds, in any order.
   */
  static double coverage(String key, WindowSet grams) {
    if (key.length() < K) {
      return 0;
    }
    long[] g = grams(key);
    boolean[] covered = new boolean[key.length()];
    for (int i = 0; i < g.length; i++) {
      if (grams.contains(g[i])) {
        for (int k = i; k < i + K; k++) {
          covered[k] = true;
        }
      }
    }
    int total = 0;
    int hit = 0;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) != ' ') {
        total++;
        if (covered[i]) {
          hit++;
        }
      }
    }
    return total == 0 ? 0 : (double) hit / total;
  }

  /** Puts {@code u} in {@code s}'s place; the old unit leaves the document and the indexes. */
  void replace(Slot s, Unit u) {
    unindex(s, s.unit);
    s.unit = u;
    index(s, u);
  }

  /** Re-indexes a slot whose unit's text changed (a join). */
  void reindex(Slot s, String oldKey) {
    unindexKey(s, oldKey);
    index(s, s.unit);
  }

  static boolean before(Slot a, Slot b) {
    return a.label < b.label;
  }

  private void label(Slot s) {
    long lo = s.prev.label;
    long hi = s.next.label;
    if (s.prev == begin && s.next == end) {
      s.label = 0;
      return;
    }
    if (s.prev == begin) {
      lo = hi - 2 * GAP;
    }
    if (s.next == end) {
      hi = lo + 2 * GAP;
    }
    if (hi - lo >= 2) {
      s.label = lo + (hi - lo) / 2;
      return;
    }
    relabel();
  }

  /** Spreads labels evenly again once a gap is used up; order is preserved. */
  private void relabel() {
    relabels++;
    // Spread over the whole range: the wider the gaps, the more insertions at one place before
    // the next respread.
    long gap = Math.max(2, (Long.MAX_VALUE / 2) / (size + 1) * 2);
    long l = Long.MIN_VALUE + gap;
    for (Slot s = begin.next; s != end; s = s.next) {
      s.label = l;
      l += gap;
    }
  }

  private void index(Slot s, Unit u) {
    if (u.kind == Unit.Kind.FRONT_MATTER) {
      // Front matter is kept verbatim and never compared with body text.
      return;
    }
    exact.merge(u.key, s, Doc::addSlot);
    String key = u.key;
    if (key.length() < K) {
      return;
    }
    int n = indexAnchors(key);
    for (int k = 0; k < n; k++) {
      int i = indexAnchors[k];
      grams.add(indexGrams[i], s.id, i);
    }
  }

  /**
   * Fills {@link #indexGrams} with the windows of {@code key} (at least {@link #K} chars) and
   * {@link #indexAnchors} with its anchors, as {@link #anchors} picks them; returns how many.
   */
  private int indexAnchors(String key) {
    int windows = key.length() - K + 1;
    if (indexGrams.length < windows) {
      indexGrams = new long[Math.max(windows, indexGrams.length * 2)];
    }
    if (indexAnchors.length < windows) {
      indexAnchors = new int[Math.max(windows, indexAnchors.length * 2)];
    }
    grams(key, indexGrams);
    return anchors(indexGrams, windows, indexAnchors);
  }

  private void unindex(Slot s, Unit u) {
    unindexKey(s, u.key);
  }

  private void unindexKey(Slot s, String key) {
    if (s.unit != null && s.unit.kind == Unit.Kind.FRONT_MATTER) {
      return;
    }
    Object held = exact.get(key);
    if (held == s) {
      exact.remove(key);
    } else if (held instanceof List<?> list) {
      list.remove(s);
      if (list.size() == 1) {
        exact.put(key, list.get(0));
      }
    }
    if (key.length() < K) {
      return;
    }
    int n = indexAnchors(key);
    for (int k = 0; k < n; k++) {
      grams.remove(indexGrams[indexAnchors[k]], s.id);
    }
  }

  /**
   * Winnowing: the positions of the smallest hash in every {@link #W} consecutive windows (the
   * rightmost on ties), each once; one position when there are fewer windows. A function of the
   * key alone, so indexing and unindexing pick the same windows.
   */
  static int[] anchors(long[] g) {
    int[] out = new int[Math.max(1, g.length - W + 1)];
    return java.util.Arrays.copyOf(out, anchors(g, g.length, out));
  }

  /**
   * {@link #anchors(long[])} of the first {@code n} hashes of {@code g}, written to {@code out}
   * (room for {@code max(1, n - W + 1)}); returns how many.
   */
  private static int anchors(long[] g, int n, int[] out) {
    if (n == 0) {
      return 0;
    }
    int count = 0;
    int last = -1;
    int windows = Math.max(1, n - W + 1);
    int span = Math.min(W, n);
    int min = -1;
    for (int j = 0; j < windows; j++) {
      if (min < j) {
        min = j;
        for (int k = j + 1; k < j + span; k++) {
          if (g[k] <= g[min]) {
            min = k;
          }
        }
      } else if (g[j + span - 1] <= g[min]) {
        min = j + span - 1;
      }
      if (min != last) {
        out[count++] = min;
        last = min;
      }
    }
    return count;
  }

  /** Rolling hashes of all K-char windows of {@code key}; deterministic across runs. */
  static long[] grams(String key) {
    int n = key.length() - K + 1;
    if (n <= 0) {
      return new long[0];
    }
    return grams(key, new long[n]);
  }

  /** {@link #grams(String)} into {@code out}, which holds at least as many windows. */
  private static long[] grams(String key, long[] out) {
    int n = key.length() - K + 1;
    long pow = 1;
    for (int i = 0; i < K - 1; i++) {
      pow *= BASE;
    }
    long h = 0;
    for (int i = 0; i < K; i++) {
      h = h * BASE + key.charAt(i);
    }
    out[0] = mix(h);
    for (int i = 1; i < n; i++) {
      h = (h - key.charAt(i - 1) * pow) * BASE + key.charAt(i + K - 1);
      out[i] = mix(h);
    }
    return out;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** Adds a slot to what the exact index holds for a key: a slot, or a list from the second on. */
  @SuppressWarnings("unchecked")
  private static Object addSlot(Object held, Object s) {
    if (held instanceof List<?> list) {
      ((List<Object>) list).add(s);
      return list;
    }
    List<Object> list = new ArrayList<>(2);
    list.add(held);
    list.add(s);
    return list;
  }

  /**
   * The slot holding exactly this key that reads on from {@code head}: the first after it in the
   * document, or else the last. A key kept many times (a recurring "Note") offers its most recent
   * copies only, so one lookup costs a bounded scan, with no copy and no sort.
   */
  @SuppressWarnings("unchecked")
  private Slot exact(String key, Slot head) {
    Object held = exact.get(key);
    if (held == null || held instanceof Slot) {
      return (Slot) held;
    }
    List<Slot> list = (List<Slot>) held;
    Slot after = null;
    Slot last = null;
    for (int i = Math.max(0, list.size() - MAX_EXACT); i < list.size(); i++) {
      Slot s = list.get(i);
      if (last == null || s.label > last.label) {
        last = s;
      }
      if (s.label > head.label && (after == null || s.label < after.label)) {
        after = s;
      }
    }
    return after != null ? after : last;
  }

  /**
   * The kept slots whose key is {@code key}, at most the last {@link #MAX_EXACT} of them, in the
   * order they were indexed.
   */
  @SuppressWarnings("unchecked")
  List<Slot> copies(String key) {
    Object held = exact.get(key);
    if (held == null) {
      return List.of();
    }
    if (held instanceof Slot s) {
      return List.of(s);
    }
    List<Slot> list = (List<Slot>) held;
    return list.subList(Math.max(0, list.size() - MAX_EXACT), list.size());
  }

  /**
   * Relates {@code key} to the kept document. {@code near} is the similarity threshold; {@code
   * head} is where the reader is, to choose among equal candidates the one that reads on.
   */
  Match match(String key, Slot head, double near) {
    return match(key, head, near, false);
  }

  /**
   * As {@link #match(String, Slot, double)}; with {@code cutShort}, {@code key} is a sentence cut
   * off at a marker, and a kept sentence it is near is one whose start it is near, whatever the
   * kept one says after the point where the key stopped.
   */
  Match match(String key, Slot head, double near, boolean cutShort) {
    if (key.isEmpty()) {
      return Match.NONE;
    }
    Slot pick = exact(key, head);
    if (pick != null) {
      return new Match(Match.Relation.EXACT, pick, pick, 1.0);
    }
    if (key.length() < K) {
      return Match.NONE;
    }
    if (grams.isEmpty()) {
      return Match.NONE;
    }
    int windows = key.length() - K + 1;
    if (queryGrams.length < windows) {
      queryGrams = new long[Math.max(windows, queryGrams.length * 2)];
    }
    long[] g = grams(key, queryGrams);
    Candidates c = candidates(key, g, windows);
    if (c == null || c.count == 0) {
      return Match.NONE;
    }
    Runs runs = runScratch.fill(key, c);
    return match(key, windows, c, runs, near, cutShort);
  }

  /**
   * Kept units sharing an anchor with {@code key}, each with the runs of text it shares with the
   * key at the anchors' alignment, extended char by char as far as the two agree.
   */
  private Candidates candidates(String key, long[] g, int windows) {
    // Made at the first posting: most keys of new text share no window with the document, and
    // those should cost their probes only.
    Candidates c = null;
    int[] posted = postedScratch;
    int broughtByFull = 0;
    for (int i = 0; i < windows; i++) {
      int n = 0;
      for (int p = grams.first(g[i]); p >= 0 && n < posted.length; p = grams.next(p)) {
        posted[n++] = p;
      }
      if (n == 0) {
        continue;
      }
      if (c == null) {
        c = candidateScratch.reset(key, MIN_CANDIDATES + key.length() / CANDIDATES_PER_CHAR);
      }
      // A full window is one that many kept units share (a phrase of a template, a number's
      // first digits): which units it lists is an accident of their order, and each window of
      // that kind lists others. Such windows bring in at most one window's worth of new
      // candidates a key; past that they only extend the candidates that other windows found.
      // Otherwise the candidates of a key grow with the document until every window shared by
      // chance is full, and so does the cost per byte (corrupted-10KB 15 a key, corrupted-1MB
      // 39). Runs are extended both ways, so a unit found at a later window still gets the text
      // it shares before it.
      boolean full = n == GramIndex.CAP;
      for (int k = 0; k < n; k++) {
        int p = posted[k];
        if (full && broughtByFull >= GramIndex.CAP && !c.isCandidate(grams.slot(p))) {
          continue;
        }
        int before = c.count;
        c.seed(byId, grams.slot(p), i, grams.offset(p));
        if (full && c.count > before) {
          broughtByFull++;
        }
      }
    }
    if (c != null) {
      c.neighbours();
    }
    return c;
  }

  /**
   * Kept units compared with a key, and the runs of the key each shares with it: a run is a
   * stretch of the key equal to a stretch of the unit's key, at least {@link #K} chars long. Runs
   * come from anchors (seed and extend), so comparing costs the length of what is shared, never
   * the length of the kept unit.
   */
  private static final class Candidates {
    String key;
    int max;
    Slot[] slots = new Slot[8];
    /** For each candidate, where its runs so far end in the key (seeds come in key order). */
    private int[] coveredTo = new int[8];
    /** For each candidate, unit offset minus key offset of the run that ends at coveredTo. */
    private int[] diagonal = new int[8];
    /** For each candidate, how many seeds inside its covered stretch were extended off it. */
    private int[] offDiagonal = new int[8];
    /** For each candidate, where the run that ends at coveredTo starts in the key. */
    private int[] coveredFrom = new int[8];
    int count;
    /**
     * Chars of kept keys {@link #seedLaterPlaces} may still read for this key: a multiple of
     * its length.
     */
    private long placeBudget;
    /** Runs as (candidate, key start, key end, unit start), four ints each. */
    int[] runs = new int[32];
    int runCount;
    /**
     * Candidate numbers by slot id, open addressing (id + 1, so 0 is empty): a boxed identity map
     * here cost more than the matching it served.
     */
    private int[] ids = new int[16];
    private int[] numbers = new int[16];

    /**
     * Starts over for another key. One instance serves every match of its document, so a match
     * allocates nothing here once the arrays have grown to the document's needs.
     */
    Candidates reset(String key, int max) {
      this.key = key;
      this.max = max;
      this.placeBudget = PLACE_BUDGET_PER_CHAR * (long) key.length() + PLACE_BUDGET_BASE;
      for (int i = 0; i < count; i++) {
        clearId(slots[i]);
        slots[i] = null;
      }
      count = 0;
      runCount = 0;
      return this;
    }

    private void clearId(Slot s) {
      int mask = ids.length - 1;
      int i = mix(s.id) & mask;
      while (ids[i] != s.id + 1) {
        i = (i + 1) & mask;
      }
      // Backward-shift deletion keeps every remaining probe chain unbroken without tombstones.
      int gap = i;
      for (int j = (gap + 1) & mask; ids[j] != 0; j = (j + 1) & mask) {
        int home = mix(ids[j] - 1) & mask;
        if (((j - home) & mask) >= ((j - gap) & mask)) {
          ids[gap] = ids[j];
          numbers[gap] = numbers[j];
          gap = j;
        }
      }
      ids[gap] = 0;
    }

    /** The candidate number of the slot with this id, or -1 when it is not one. */
    private int find(int id) {
      int mask = ids.length - 1;
      for (int i = mix(id) & mask; ids[i] != 0; i = (i + 1) & mask) {
        if (ids[i] == id + 1) {
          return numbers[i];
        }
      }
      return -1;
    }

    /** Whether the slot with this id is a candidate already. */
    boolean isCandidate(int id) {
      return find(id) >= 0;
    }

    private static int mix(int id) {
      int h = id * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    private void put(Slot s, int number) {
      if ((count + 1) * 2 > ids.length) {
        int[] oldIds = ids;
        int[] oldNumbers = numbers;
        ids = new int[oldIds.length * 2];
        numbers = new int[oldIds.length * 2];
        for (int i = 0; i < oldIds.length; i++) {
          if (oldIds[i] != 0) {
            insert(oldIds[i], oldNumbers[i]);
          }
        }
      }
      insert(s.id + 1, number);
    }

    private void insert(int id1, int number) {
      int mask = ids.length - 1;
      int i = mix(id1 - 1) & mask;
      while (ids[i] != 0) {
        i = (i + 1) & mask;
      }
      ids[i] = id1;
      numbers[i] = number;
    }

    private int candidate(Slot s) {
      int known = find(s.id);
      if (known >= 0) {
        return known;
      }
      if (count == max) {
        return -1;
      }
      if (count == slots.length) {
        slots = java.util.Arrays.copyOf(slots, count * 2);
        coveredTo = java.util.Arrays.copyOf(coveredTo, count * 2);
        diagonal = java.util.Arrays.copyOf(diagonal, count * 2);
        offDiagonal = java.util.Arrays.copyOf(offDiagonal, count * 2);
        coveredFrom = java.util.Arrays.copyOf(coveredFrom, count * 2);
      }
      put(s, count);
      slots[count] = s;
      coveredTo[count] = 0;
      offDiagonal[count] = 0;
      return count++;
    }

    /** The key's window at {@code at} was found at {@code offset} of {@code s}'s key. */
    void seed(List<Slot> byId, int id, int at, int offset) {
      int known = find(id);
      // Already inside a run of this unit: seeds come in key order and runs are extended as far
      // as they go, so every run is found once, and periodic text ("la la la ...") costs its
      // length, not its length squared. Decided from the id alone, before the slot and its key
      // are read from memory.
      // A seed at another alignment is the same words where the unit says them twice ("ם mill
      // 👨‍👩 939-3-1. 河水 川 mill 👨‍👩 939-3-2."): the run found first may be the wrong one, and
      // would hide the sentence's own start (96939). A few such seeds a unit are extended too,
      // which keeps the cost linear, and kept as runs only where they start earlier.
      if (known >= 0 && at + K <= coveredTo[known]
          && (offset - at == diagonal[known] || offDiagonal[known] >= MAX_OFF_DIAGONAL)) {
        return;
      }
      boolean off = known >= 0 && at + K <= coveredTo[known];
      Slot s = byId.get(id);
      String other = s.unit.key;
      if (offset + K > other.length() || !key.regionMatches(at, other, offset, K)) {
        // A hash collision, or a window of a key that changed since it was indexed.
        return;
      }
      int c = candidate(s);
      if (c < 0) {
        return;
      }
      int from = runStart(other, at, offset);
      if (off) {
        offDiagonal[c]++;
        if (from >= coveredFrom[c]) {
          // Starts no earlier than the run that covers it: no start hidden there.
          return;
        }
      }
      int to = runEnd(other, at, offset);
      keepRun(c, from, to, offset - (at - from));
      if (!off && key.length() > K && (to - from == K
          || key.length() < 2 * (K + W - 1) && (from > 0 || to < key.length()))) {
        // The window reads on neither way where it was posted, or a short key, with few anchors,
        // is read only in part there: the key may stand at another place.
        seedLaterPlaces(c, other, at, offset);
      }
    }

    /**
     * The index posts a unit once per window, at the window's first place in the unit's key; a
     * unit that says the window again holds it at other places too, and the key may stand at one
     * of those (658052: "土のう 堤坝 é 52-1-2." at the end of "... mill 土のう é 52-1-1. 土のう 堤坝
     * é 52-1-2.", whose only anchor " é 52-1-" is posted at the "52-1-1." place; 748268: "橋 flood
     * Brücke 268-2-3." in "Deich flood Brücke 268-2-2. 橋 flood Brücke 268-2-3."). Asked only
     * for a seed that reads on neither way at its posted place, or that a short key has only in
     * part there; each later place that reads on further than the window is a run too. The search
     * is bounded by {@link #placeBudget}, so a key costs a multiple of its length however often
     * kept text repeats.
     */
    private void seedLaterPlaces(int c, String other, int at, int offset) {
      int tries = 0;
      int q = offset;
      while (tries++ < MAX_LATER_PLACES && placeBudget > 0) {
        int next = nextPlace(other, q + 1, at);
        placeBudget -= (next < 0 ? other.length() : next + K) - (q + 1);
        if (next < 0) {
          return;
        }
        q = next;
        int from = runStart(other, at, q);
        int to = runEnd(other, at, q);
        if (to - from > K) {
          keepRun(c, from, to, q - (at - from));
        }
      }
    }

    /**
     * Where the run through the key's window at {@code at}, found at {@code offset} of {@code
     * other}, starts in the key.
     */
    private int runStart(String other, int at, int offset) {
      int from = at;
      int o = offset;
      while (from > 0 && o > 0 && key.charAt(from - 1) == other.charAt(o - 1)) {
        from--;
        o--;
      }
      return from;
    }

    /** Where that run ends in the key. */
    private int runEnd(String other, int at, int offset) {
      int to = at + K;
      int end = offset + K;
      while (to < key.length() && end < other.length() && key.charAt(to) == other.charAt(end)) {
        to++;
        end++;
      }
      return to;
    }

    /** Adds a run of candidate {@code c}, and makes it the one that covers furthest if it is. */
    private void keepRun(int c, int from, int to, int unitStart) {
      addRun(c, from, to, unitStart);
      if (to > coveredTo[c]) {
        coveredTo[c] = to;
        coveredFrom[c] = from;
        diagonal[c] = unitStart - from;
      }
    }

    /** Where {@code other} next says the key's window at {@code at}, from {@code from}; or -1. */
    private int nextPlace(String other, int from, int at) {
      char first = key.charAt(at);
      for (int q = other.indexOf(first, from); q >= 0 && q + K <= other.length();
          q = other.indexOf(first, q + 1)) {
        if (other.regionMatches(q, key, at, K)) {
          return q;
        }
      }
      return -1;
    }

    private void addRun(int c, int from, int to, int unitStart) {
      if (runCount * 4 == runs.length) {
        runs = java.util.Arrays.copyOf(runs, runs.length * 2);
      }
      int b = runCount++ * 4;
      runs[b] = c;
      runs[b + 1] = from;
      runs[b + 2] = to;
      runs[b + 3] = unitStart;
    }

    /**
     * A context line may begin with the end of a kept sentence, or end with the start of one,
     * too short to hold an anchor; that sentence stands next to one found whole. Its run is found
     * by comparing from the junction (one space apart, as keys glue units).
     */
    void neighbours() {
      int found = runCount;
      for (int r = 0; r < found; r++) {
        int b = r * 4;
        Slot s = slots[runs[b]];
        int from = runs[b + 1];
        int to = runs[b + 2];
        int unitStart = runs[b + 3];
        if (unitStart == 0 && from > 1 && key.charAt(from - 1) == ' ') {
          Slot p = s.prev;
          if (p.real && p.unit.kind != Unit.Kind.FRONT_MATTER) {
            String other = p.unit.key;
            int q = from - 1;
            int o = other.length();
            while (q > 0 && o > 0 && key.charAt(q - 1) == other.charAt(o - 1)) {
              q--;
              o--;
            }
            if (from - 1 - q >= K) {
              int c = candidate(p);
              if (c >= 0) {
                addRun(c, q, from - 1, o);
              }
            }
          }
        }
        if (unitStart + (to - from) == s.unit.key.length() && to + 1 < key.length()
            && key.charAt(to) == ' ') {
          Slot n = s.next;
          if (n.real && n.unit.kind != Unit.Kind.FRONT_MATTER) {
            String other = n.unit.key;
            int q = to + 1;
            int o = 0;
            while (q < key.length() && o < other.length() && key.charAt(q) == other.charAt(o)) {
              q++;
              o++;
            }
            if (q - (to + 1) >= K) {
              int c = candidate(n);
              if (c >= 0) {
                addRun(c, to + 1, q, 0);
              }
            }
          }
        }
      }
    }
  }

  /**
   * For each window of the key, the candidates whose runs hold it, at most {@link #POSTING_CAP}
   * of them (the first found), as the document index keeps them.
   */
  private static final class Runs {
    private static final int NIL = -1;
    int[] heads = new int[64];
    private int[] candidate = new int[64];
    private int[] next = new int[64];
    private int[] length = new int[64];
    private int[] tails = new int[64];
    private int[] open = new int[65];
    private int[] lastRun = new int[16];
    private int[] earlierRun = new int[16];

    /**
     * The runs of {@code c} by window. One instance serves every match of its document: its
     * arrays grow to the longest key and are reused, so a match allocates nothing here.
     */
    Runs fill(String key, Candidates c) {
      int windows = Math.max(0, key.length() - K + 1);
      if (heads.length < windows) {
        int n = Math.max(windows, heads.length * 2);
        heads = new int[n];
        length = new int[n];
        tails = new int[n];
        open = new int[n + 1];
      }
      java.util.Arrays.fill(heads, 0, windows, NIL);
      java.util.Arrays.fill(length, 0, windows, 0);
      long posts = 0;
      for (int r = 0; r < c.runCount; r++) {
        posts += c.runs[r * 4 + 2] - c.runs[r * 4 + 1] - K + 1;
      }
      // No window holds more than POSTING_CAP: a tail every kept sentence shares ("... before
      // the bridge closed.") offers many runs, of which few are stored.
      int cap = (int) Math.max(1, Math.min(posts, (long) windows * POSTING_CAP));
      if (candidate.length < cap) {
        candidate = new int[Math.max(cap, candidate.length * 2)];
        next = new int[candidate.length];
      }
      // Each candidate's runs so far, newest first: a window one of them holds is either stored
      // for this candidate already or was full, so no list is searched to find out.
      if (lastRun.length < c.count) {
        lastRun = new int[Math.max(c.count, lastRun.length * 2)];
      }
      java.util.Arrays.fill(lastRun, 0, c.count, NIL);
      if (earlierRun.length < c.runCount) {
        earlierRun = new int[Math.max(c.runCount, earlierRun.length * 2)];
      }
      // open[i] leads to the first window at or after i that is not full: a window every
      // candidate shares fills after POSTING_CAP of them, and the runs of the rest (a long
      // prefix that every kept paragraph repeats) step over it instead of visiting it.
      for (int i = 0; i <= windows; i++) {
        open[i] = i;
      }
      int used = 0;
      for (int r = 0; r < c.runCount; r++) {
        int b = r * 4;
        int cand = c.runs[b];
        int last = c.runs[b + 2] - K;
        for (int i = nextOpen(open, c.runs[b + 1]); i <= last; i = nextOpen(open, i + 1)) {
          if (inEarlierRun(c.runs, earlierRun, lastRun[cand], i)) {
            continue;
          }
          int p = used++;
          candidate[p] = cand;
          next[p] = NIL;
          if (heads[i] == NIL) {
            heads[i] = p;
          } else {
            next[tails[i]] = p;
          }
          tails[i] = p;
          if (++length[i] == POSTING_CAP) {
            open[i] = i + 1;
          }
        }
        earlierRun[r] = lastRun[cand];
        lastRun[cand] = r;
      }
      return this;
    }

    /** The first window at or after {@code i} with room, halving the paths it walks. */
    private static int nextOpen(int[] open, int i) {
      while (open[i] != i) {
        open[i] = open[open[i]];
        i = open[i];
      }
      return i;
    }

    private static boolean inEarlierRun(int[] runs, int[] earlierRun, int run, int window) {
      for (int r = run; r != NIL; r = earlierRun[r]) {
        if (runs[r * 4 + 1] <= window && window + K <= runs[r * 4 + 2]) {
          return true;
        }
      }
      return false;
    }

    int first(int window) {
      return heads[window];
    }

    int next(int p) {
      return next[p];
    }

    int candidate(int p) {
      return candidate[p];
    }

    /** How many candidates the window whose list starts at {@code head} holds. */
    int count(int head) {
      int n = 0;
      for (int p = head; p != NIL; p = next[p]) {
        n++;
      }
      return n;
    }

    /** Whether the window whose list starts at {@code head} holds candidate {@code cand}. */
    boolean holds(int head, int cand) {
      for (int p = head; p != NIL; p = next[p]) {
        if (candidate[p] == cand) {
          return true;
        }
      }
      return false;
    }

    /** Writes the candidates of the list at {@code head} to {@code out}; returns how many. */
    int copyTo(int head, int[] out) {
      int n = 0;
      for (int p = head; p != NIL; p = next[p]) {
        out[n++] = candidate[p];
      }
      return n;
    }
  }

  /**
   * The relation of {@code key} to the candidates, from the runs each shares with it: which of
   * the key's {@code windows} windows each holds.
   */
  private Match match(
      String key, int windows, Candidates c, Runs local, double near, boolean cutShort) {
    if (matchCovered.length < key.length()) {
      matchCovered = new boolean[Math.max(key.length(), matchCovered.length * 2)];
    }
    if (matchShared.length < c.count) {
      matchShared = new int[Math.max(c.count, matchShared.length * 2)];
      matchInChains = new boolean[matchShared.length];
    }
    if (matchHeads.length < windows) {
      matchHeads = new int[Math.max(windows, matchHeads.length * 2)];
    }
    boolean[] covered = matchCovered;
    int[] shared = matchShared;
    int[] heads = matchHeads;
    java.util.Arrays.fill(covered, 0, key.length(), false);
    java.util.Arrays.fill(shared, 0, c.count, 0);
    int hits = 0;
    for (int i = 0; i < windows; i++) {
      int head = local.first(i);
      heads[i] = head;
      if (head < 0) {
        continue;
      }
      hits++;
      for (int k = i; k < i + K; k++) {
        covered[k] = true;
      }
      for (int p = head; p >= 0; p = local.next(p)) {
        shared[local.candidate(p)]++;
      }
    }
    if (hits == 0) {
      return Match.NONE;
    }
    coverShortKeys(key, covered);
    boolean fullyCovered = allCovered(key, covered);
    // Chains: runs of consecutive windows found in one kept unit. Text inside kept text is one
    // chain. A context line gluing kept units is several chains separated by windows that cross
    // a junction (kept units are compared one by one, so those windows are absent). Several
    // chains count as covered only if they are kept units glued end to end: the first a suffix
    // of a kept unit, the last a prefix, the others whole units. Words that merely occur
    // elsewhere never chain into a covered sentence. Only a covered key needs this second pass.
    boolean seamsOnSpaces = false;
    // The first and last kept slots of a key found glued from kept units in kept order, when
    // its chains alone did not show it.
    Slot[] walked = null;
    // The units the chains run through: the only ones a covered key can span.
    boolean[] inChains = matchInChains;
    java.util.Arrays.fill(inChains, 0, c.count, false);
    if (fullyCovered) {
      List<int[]> chains = new ArrayList<>();
      List<int[]> chainUnits = new ArrayList<>();
      // The chain's units so far, in the order its first window lists them, as an intersection
      // with each later window keeps them; no chain is open while chainLength is -1.
      int chainLength = -1;
      int chainStart = 0;
      int chainEnd = 0;
      for (int i = 0; i < windows; i++) {
        if (heads[i] < 0) {
          if (chainLength >= 0) {
            chains.add(new int[] {chainStart, chainEnd});
            chainUnits.add(java.util.Arrays.copyOf(chainScratch, chainLength));
            chainLength = -1;
          }
          continue;
        }
        if (chainLength < 0) {
          chainLength = openChain(local, heads[i]);
          chainStart = i;
        } else if (local.count(heads[i]) < POSTING_CAP) {
          int both = 0;
          for (int k = 0; k < chainLength; k++) {
            if (local.holds(heads[i], chainScratch[k])) {
              both++;
            }
          }
          if (both == 0) {
            chains.add(new int[] {chainStart, chainEnd});
            chainUnits.add(java.util.Arrays.copyOf(chainScratch, chainLength));
            chainLength = openChain(local, heads[i]);
            chainStart = i;
          } else if (both < chainLength) {
            int kept = 0;
            for (int k = 0; k < chainLength; k++) {
              if (local.holds(heads[i], chainScratch[k])) {
                chainScratch[kept++] = chainScratch[k];
              }
            }
            chainLength = kept;
          }
        }
        chainEnd = i + K;
      }
      if (chainLength >= 0) {
        chains.add(new int[] {chainStart, chainEnd});
        chainUnits.add(java.util.Arrays.copyOf(chainScratch, chainLength));
      }
      seamsOnSpaces = chainsAligned(key, chains, chainUnits, c)
          && chainsFit(key, chains, chainUnits, c) && shortWordsFit(key, chains, chainUnits, c);
      if (!seamsOnSpaces && chains.size() > 1) {
        walked = gluedInOrder(key, chains.get(0), chainUnits.get(0), c);
        seamsOnSpaces = walked != null;
      }
      for (int[] units : chainUnits) {
        for (int u : units) {
          inChains[u] = true;
        }
      }
    }
    // The candidates sharing most windows, best first (ties by document order); only the first
    // few are ever verified, so a bounded selection replaces a sort of all of them.
    int[] best = top(c, shared, 4);
    if (best.length == 0) {
      return Match.NONE;
    }
    Slot main = c.slots[best[0]];
    if (walked != null) {
      int a = key.length();
      int b = main.unit.key.length();
      return new Match(Match.Relation.COVERED, walked[0], walked[1],
          (double) Math.min(a, b) / Math.max(a, b));
    }
    if (seamsOnSpaces && fullyCovered) {
      Slot last = main;
      Slot first = main;
      // Every unit the key's chains run through, not only the best few: a context line spans
      // many. A unit that merely shares a word ("volunteers") is not one of them.
      for (int i = 0; i < c.count; i++) {
        Slot s = c.slots[i];
        int own = Math.max(1, s.unit.key.length() - K + 1);
        if (s == main || (inChains[i] && shared[i] > 0 && shared[i] * 2 >= own)) {
          if (s.label > last.label) {
            last = s;
          }
          if (s.label < first.label) {
            first = s;
          }
        }
      }
      // The key may end in the first words of the unit right after the last one, fewer than half
      // its windows ("... 970-0-1. é 増水 増水 volunteers 970-0-2." over the kept "... 970-0-1."
      // and "é 増水 増水 volunteers 970-0-2. ש Brücke ..."): the reader goes on in that unit.
      Slot after = last.next;
      if (after.real) {
        for (int r = 0; r < c.runCount; r++) {
          int b = r * 4;
          // A phrase long, not a word both happen to say (637897: "sandbags").
          if (c.slots[c.runs[b]] == after && c.runs[b + 2] == key.length()
              && c.runs[b + 3] == 0 && c.runs[b + 1] > 0
              && c.runs[b + 2] - c.runs[b + 1] >= 2 * K) {
            last = after;
            break;
          }
        }
      }
      // Inside kept text, the edit distance to the text around it is the length difference, so
      // the shorter-to-longer ratio is the exact similarity for a substring and cheap to get.
      int a = key.length();
      int b = main.unit.key.length();
      double sim = (double) Math.min(a, b) / Math.max(a, b);
      return new Match(Match.Relation.COVERED, first, last, sim);
    }
    Slot bestNear = null;
    double bestSim = 0;
    for (int i : best) {
      Slot v = c.slots[i];
      String vk = v.unit.key;
      // Fuller means the kept text stands inside this one as it is: a cut sentence completed, a
      // lead-in continuation that starts inside the kept sentence.
      // Also the same length, for a kept cut that stopped before its last letter's mark ("... ש
      // e", then "... ש é", 2349906): the key completes that letter.
      if ((vk.length() < key.length()
              || vk.length() == key.length() && v.unit.incomplete() && !vk.equals(key))
          && containsKept(key, v.unit)
          && !saysCutMidSentence(key, v)) {
        // Where the key holds the cut only with its last letter composed, that letter is one
        // edit more.
        int a = key.contains(vk) ? vk.length() : vk.length() - 1;
        return new Match(Match.Relation.FULLER, v, v, (double) a / key.length());
      }
      // A sentence at least 0.8 similar shares most of its windows; with fewer than a third in
      // common the bounded Levenshtein cannot succeed and is not worth running.
      int common = Math.max(1, Math.min(key.length(), vk.length()) - K + 1);
      if (shared[i] * 3 < common) {
        continue;
      }
      // A restart cut off short is compared with the start of a kept sentence: with a word more
      // in it (1529352: "... sandbags volunteers volunteers volunteers volunteers 増水 👨‍👩 Brüc"
      // over the kept "... volunteers volunteers volunteers 増水 👨‍👩 Brücke 352-3-0."), the
      // whole distance also counts the kept end that the cut never reached.
      boolean asPrefix = cutShort && opensAlike(key, vk) && numbersOpen(key, vk);
      if (!sameNumbers(key, vk) && !asPrefix) {
        // Sentences that differ in a number state different facts ("package-1", "package-2";
        // "Table 2.2", "Table 2.3"): they are never versions of each other.
        continue;
      }
      double sim = asPrefix ? prefixSimilarity(key, vk, near) : similarity(key, vk, near);
      if (sim > bestSim) {
        bestSim = sim;
        bestNear = v;
      }
    }
    if (bestNear != null && bestSim >= near) {
      return new Match(Match.Relation.NEAR, bestNear, bestNear, bestSim);
    }
    // A short kept cut shares fewer windows than long sentences that merely share words with the
    // key ("堤坝 flood brid" against three sentences with "volunteers" in them), so it can miss the
    // best few. One whose every window is shared may stand inside the key whole: look at those.
    int looked = 0;
    for (int i = 0; i < c.count && looked < 4 && c.count > best.length; i++) {
      String vk = c.slots[i].unit.key;
      if (vk.length() >= key.length() || shared[i] < vk.length() - K + 1 || contains(best, i)) {
        continue;
      }
      looked++;
      if (containsKept(key, c.slots[i].unit)) {
        return new Match(
            Match.Relation.FULLER, c.slots[i], c.slots[i], (double) vk.length() / key.length());
      }
    }
    return Match.NONE;
  }

  /**
   * Whether {@code key} says kept unit {@code kept} whole; a kept cut may have stopped between a
   * letter and its mark, whose key then has the bare letter where a fuller version has it composed.
   */
  private static boolean containsKept(String key, Unit kept) {
    return kept.incomplete() ? Keys.containsCut(key, kept.key) : key.contains(kept.key);
  }

  /**
   * Whether {@code key} says kept cut {@code v} only inside a sentence of its own, where the cut
   * opened one: a piece cut off after a sentence's first words is completed by a sentence that
   * opens with them, by one that says the kept sentence before and then them (a version that
   * glues the two), or by a lead-in line that says that sentence's end first ("…527-4-0. 土のう
   * é ..."), not by one that happens to say those words in its middle (3477259: the cut "土のう
   * council " after "... 259-1-2.", inside "river é river ם 土のう council 259-2-0." three pieces
   * on).
   */
  private static boolean saysCutMidSentence(String key, Slot v) {
    Unit cut = v.unit;
    // A cut that opens a paragraph may be a piece that began mid-sentence, and a paragraph's
    // first words may be said twice ("mill 増水 mill 増水 橋 ..."): only the sentence before it in
    // its own paragraph shows where a sentence opened.
    if (!cut.markedCut || !cut.incomplete() || cut.blockStart || !v.prev.real
        || v.prev.unit.incomplete() || Keys.startsWithCut(key, cut.key)) {
      return false;
    }
    // A cut's last letter composed with its mark is as long as the bare letter in a key.
    int at = Keys.lastEndOfCut(key, cut.key) - cut.key.length();
    String before = key.substring(0, Math.max(0, at)).strip();
    String prev = v.prev.unit.key;
    return !(prev.endsWith(before) || before.endsWith(prev));
  }

  private static boolean contains(int[] indexes, int i) {
    for (int x : indexes) {
      if (x == i) {
        return true;
      }
    }
    return false;
  }

  /** Candidates in both lists, in the order of {@code a}. */
  /** Starts a chain at the window whose list starts at {@code head}; returns its length. */
  private int openChain(Runs local, int head) {
    int n = local.count(head);
    if (chainScratch.length < n) {
      chainScratch = new int[Math.max(n, chainScratch.length * 2)];
    }
    return local.copyTo(head, chainScratch);
  }

  /** Indexes of the {@code n} candidates sharing most windows, ties by document order. */
  private static int[] top(Candidates c, int[] shared, int n) {
    int[] best = new int[n];
    int size = 0;
    for (int i = 0; i < c.count; i++) {
      if (shared[i] == 0) {
        continue;
      }
      int at = size;
      while (at > 0) {
        int b = best[at - 1];
        if (shared[b] > shared[i]
            || (shared[b] == shared[i] && c.slots[b].label < c.slots[i].label)) {
          break;
        }
        at--;
      }
      if (at < n) {
        System.arraycopy(best, at, best, at + 1, Math.min(size, n - 1) - at);
        best[at] = i;
        size = Math.min(size + 1, n);
      }
    }
    return size == n ? best : java.util.Arrays.copyOf(best, size);
  }

  /**
   * Whether each chain is one run of one of its units: read straight through, not pieced from
   * places that say its words at other offsets (208220: "sandbags ... 川 council 220-" over the
   * kept "... council 220-5-2. sandbags ... 川 counc", whose windows "cil 220-" are all in it, but
   * near its start).
   */
  private static boolean chainsAligned(
      String key, List<int[]> chains, List<int[]> units, Candidates c) {
    for (int k = 0; k < chains.size(); k++) {
      int from = chains.get(k)[0];
      int to = chains.get(k)[1];
      boolean spanned = false;
      for (int r = 0; r < c.runCount && !spanned; r++) {
        int b = r * 4;
        if (c.runs[b + 1] <= from && to <= c.runs[b + 2]) {
          for (int u : units.get(k)) {
            if (u == c.runs[b]) {
              spanned = true;
              break;
            }
          }
        }
      }
      // Runs start at a word's first posting, so one said twice may split the right alignment
      // into pieces ("Brücke Brücke ..."): then the unit is asked directly, a few at most, each
      // bounded by the longest sentence. A unit too long to search keeps the windows' word.
      for (int i = 0; i < units.get(k).length && i < 4 && !spanned; i++) {
        String kept = c.slots[units.get(k)[i]].unit.key;
        spanned = kept.length() > MAX_SEARCHED || kept.contains(key.substring(from, to));
      }
      if (!spanned) {
        return false;
      }
    }
    return true;
  }

  /** Longest kept key that {@link #chainsAligned} searches for a chain's text. */
  private static final int MAX_SEARCHED = 1 << 16;

  /** Whether several chains fit together as kept units glued end to end (see {@link #match}). */
  private static boolean chainsFit(
      String key, List<int[]> chains, List<int[]> units, Candidates candidates) {
    if (chains.size() <= 1) {
      return true;
    }
    dropJunctionChains(key, chains, units);
    // Glued in kept order: each piece in a unit after the one the piece before it fits, so the end
    // of a unit then its own start (124943: "-0. sandbags ... ש Deich volu" over the kept cut
    // "Deich volunteers ... 943-4-0. sandbags ... ש") is no kept text.
    Slot before = null;
    for (int c = 0; c < chains.size(); c++) {
      int[] range = chains.get(c);
      String piece = key.substring(range[0], Math.min(key.length(), range[1])).trim();
      boolean first = c == 0;
      boolean last = c == chains.size() - 1;
      Slot fit = null;
      for (int u : units.get(c)) {
        Slot s = candidates.slots[u];
        String k = s.unit.key;
        if ((before == null || s.label > before.label) && (fit == null || s.label < fit.label)
            && (k.equals(piece) || (first && k.endsWith(piece)) || (last && k.startsWith(piece)))) {
          fit = s;
        }
      }
      if (fit == null) {
        return false;
      }
      before = fit;
    }
    return true;
  }

  /**
   * Whether the words before the first chain and after the last, which only {@link
   * #coverShortKeys} found (a kept unit too short for grams), are glued where kept order puts
   * them: a chain after such a word must start its unit, one before such a word must end it. A
   * one-word kept cut, then words from inside a sentence elsewhere (740578: "👨‍👩 増水 road 578"
   * over the kept cut "👨‍👩" and "... 堤坝 増水 road 578-0-0. ..." far before it), is no kept
   * text: it is the cut said on.
   */
  private static boolean shortWordsFit(
      String key, List<int[]> chains, List<int[]> units, Candidates candidates) {
    int[] firstRange = chains.get(0);
    int[] lastRange = chains.get(chains.size() - 1);
    boolean before = !key.substring(0, firstRange[0]).isBlank();
    boolean after = lastRange[1] < key.length() && !key.substring(lastRange[1]).isBlank();
    if (!before && !after) {
      return true;
    }
    String firstPiece = key.substring(firstRange[0], firstRange[1]).trim();
    String lastPiece = key.substring(lastRange[0], lastRange[1]).trim();
    boolean one = chains.size() == 1;
    boolean firstFits = !before;
    for (int u : units.get(0)) {
      String k = candidates.slots[u].unit.key;
      if ((!before || k.startsWith(firstPiece)) && (!one || !after || k.endsWith(lastPiece))) {
        firstFits = true;
        break;
      }
    }
    if (!firstFits || one || !after) {
      return firstFits;
    }
    for (int u : units.get(units.size() - 1)) {
      if (candidates.slots[u].unit.key.endsWith(lastPiece)) {
        return true;
      }
    }
    return false;
  }

  /** Units without a key (a bare mark) that the walk along glued units may step over. */
  private static final int MAX_EMPTY_SKIPS = 64;

  /**
   * The first and last kept slots of a key that is kept units glued end to end in kept order,
   * found by reading the kept text on from the unit the first chain ends: the key starts with the
   * end of that unit, then holds each next unit whole, and ends with the start of one. Null if it
   * is not. Chains can split where a window across a junction ("aptitude aptitude") is found in
   * some other unit; reading the kept text decides without them. Bounded by the key's length,
   * since each unit read consumes some of it.
   */
  private static Slot[] gluedInOrder(
      String key, int[] firstChain, int[] firstUnits, Candidates candidates) {
    int from = firstChain[0];
    int end = Math.min(key.length(), firstChain[1]);
    while (from < end && key.charAt(from) == ' ') {
      from++;
    }
    String piece = key.substring(from, end).trim();
    if (piece.isEmpty()) {
      return null;
    }
    for (int u : firstUnits) {
      Slot first = candidates.slots[u];
      String k = first.unit.key;
      int at = k.lastIndexOf(piece);
      // Where the first unit's text ends in the key; all the key before must be its end.
      int pos = at < 0 ? -1 : from + (k.length() - at);
      if (pos < 0 || pos > key.length() || !k.endsWith(key.substring(0, pos).trim())) {
        continue;
      }
      Slot s = first.next;
      Slot last = first;
      int empty = 0;
      while (pos < key.length() && s.real && empty <= MAX_EMPTY_SKIPS) {
        while (pos < key.length() && key.charAt(pos) == ' ') {
          pos++;
        }
        if (pos == key.length()) {
          break;
        }
        String next = s.unit.key;
        if (next.isEmpty()) {
          empty++;
          s = s.next;
          continue;
        }
        if (key.startsWith(next, pos)) {
          pos += next.length();
          last = s;
          s = s.next;
        } else if (next.startsWith(key.substring(pos))) {
          pos = key.length();
          last = s;
        } else {
          break;
        }
      }
      if (pos >= key.length() && last != first) {
        return new Slot[] {first, last};
      }
    }
    return null;
  }

  /**
   * Removes chains that only bridge a junction: a window across "management you" may be found in
   * another kept unit that goes on "management from", and that stray chain of a window or two
   * is a piece of no unit. Such a chain holds nothing but what the chains on either side hold,
   * and spaces.
   */
  private static void dropJunctionChains(String key, List<int[]> chains, List<int[]> units) {
    for (int c = chains.size() - 2; c >= 1; c--) {
      int[] range = chains.get(c);
      if (range[1] - range[0] >= 2 * K) {
        continue;
      }
      int[] before = chains.get(c - 1);
      int[] after = chains.get(c + 1);
      boolean bridge = true;
      for (int i = range[0]; i < Math.min(key.length(), range[1]) && bridge; i++) {
        bridge = key.charAt(i) == ' ' || i < before[1] || i >= after[0];
      }
      if (bridge) {
        chains.remove(c);
        units.remove(c);
      }
    }
  }

  /**
   * Marks as covered each uncovered run between spaces that is the whole key of a kept unit: a
   * short title glued into a context line ("現地メモ 川は…") is too short for grams.
   */
  private void coverShortKeys(String key, boolean[] covered) {
    int i = 0;
    while (i < key.length()) {
      if (covered[i] || key.charAt(i) == ' ') {
        i++;
        continue;
      }
      int start = i;
      while (start > 0 && key.charAt(start - 1) != ' ') {
        start--;
      }
      int end = i;
      while (end < key.length() && key.charAt(end) != ' ') {
        end++;
      }
      if (end - start < K && exact.containsKey(key.substring(start, end))) {
        for (int k = start; k < end; k++) {
          covered[k] = true;
        }
      }
      i = end;
    }
  }

  /**
   * Whether every number in key {@code a} is also one in {@code b}; when {@code a} was cut off,
   * its last number needs only to start one ("... Fluss 1" cut from "... Fluss 126-2-2."). A
   * number is a run of digits with the separators inside it ("352-0-0", "3.4.1", "21:35"): its
   * digit runs alone are held by any sentence that says "352-0-2" and "0".
   */
  static boolean numbersHeldBy(String a, String b, boolean aCut) {
    List<String> runs = numbers(a);
    if (runs.isEmpty()) {
      return true;
    }
    java.util.Set<String> held = new java.util.HashSet<>(numbers(b));
    for (int k = 0; k < runs.size(); k++) {
      String run = runs.get(k);
      boolean cutRun = aCut && k == runs.size() - 1 && Character.isDigit(a.charAt(a.length() - 1));
      if (!held.contains(run) && !(cutRun && held.stream().anyMatch(n -> n.startsWith(run)))) {
        return false;
      }
    }
    return true;
  }

  /** The numbers of a key: runs of digits, with any '-', '.', ',', ':' or '/' between digits. */
  private static List<String> numbers(String key) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < key.length()) {
      if (!Character.isDigit(key.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < key.length() && (Character.isDigit(key.charAt(i))
          || "-.,:/".indexOf(key.charAt(i)) >= 0 && i + 1 < key.length()
              && Character.isDigit(key.charAt(i + 1)))) {
        i++;
      }
      out.add(key.substring(start, i));
    }
    return out;
  }

  /** Whether two keys hold the same runs of digits in the same order. */
  static boolean sameNumbers(String a, String b) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && !Character.isDigit(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && !Character.isDigit(b.charAt(j))) {
        j++;
      }
      if (i >= a.length() || j >= b.length()) {
        return i >= a.length() && j >= b.length();
      }
      while (i < a.length() && j < b.length() && Character.isDigit(a.charAt(i))
          && a.charAt(i) == b.charAt(j)) {
        i++;
        j++;
      }
      boolean endA = i >= a.length() || !Character.isDigit(a.charAt(i));
      boolean endB = j >= b.length() || !Character.isDigit(b.charAt(j));
      if (!endA || !endB) {
        return false;
      }
    }
  }

  /**
   * Whether {@code cut}, a sentence cut off short, may be read against the start of {@code whole}:
   * it opens as the whole one does, its first {@link #K} chars, as a restart does, and is long
   * enough for a distance to the nearest prefix to mean something. Over a few words, a prefix
   * that ends where it suits is near too easily: a continuation that opens with the same two words
   * (249378: "bridge bridge 増水 ם deich" against the kept "bridge bridge ש deich bridge ...") or
   * one that opens with another word and then says a kept opening (111994: "川 👨👩 flood bridge
   * 👨👩" against "👨👩 flood bridge 👨👩 deich ...").
   */
  static boolean opensAlike(String cut, String whole) {
    return cut.length() >= MIN_PREFIX_CUT && cut.regionMatches(0, whole, 0, K);
  }

  /**
   * Whether the numbers of {@code cut}, a sentence cut off short, are the first numbers of {@code
   * whole}, in order, the last one perhaps cut off inside ("352-3" of "352-3-0").
   */
  static boolean numbersOpen(String cut, String whole) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < cut.length() && !Character.isDigit(cut.charAt(i))) {
        i++;
      }
      while (j < whole.length() && !Character.isDigit(whole.charAt(j))) {
        j++;
      }
      if (i >= cut.length()) {
        return true;
      }
      if (j >= whole.length()) {
        return false;
      }
      while (i < cut.length() && j < whole.length() && Character.isDigit(cut.charAt(i))
          && cut.charAt(i) == whole.charAt(j)) {
        i++;
        j++;
      }
      if (i >= cut.length()) {
        return true;
      }
      boolean endCut = !Character.isDigit(cut.charAt(i));
      boolean endWhole = j >= whole.length() || !Character.isDigit(whole.charAt(j));
      if (!endCut || !endWhole) {
        return false;
      }
    }
  }

  /**
   * 1 − the Levenshtein distance from {@code cut} to the nearest prefix of {@code whole} / the
   * cut's length; 0 when below {@code atLeast}.
   */
  static double prefixSimilarity(String cut, String whole, double atLeast) {
    int m = cut.length();
    if (m == 0) {
      return 1;
    }
    int threshold = atLeast <= 0 ? m : (int) Math.floor((1 - atLeast) * m);
    int d = EditDistance.prefixDistance(cut, whole, threshold);
    if (d == EditDistance.OVER) {
      return 0;
    }
    return 1 - (double) d / m;
  }

  /** Every non-space key char lies in some gram found in the document. */
  private static boolean allCovered(String key, boolean[] covered) {
    for (int i = 0; i < key.length(); i++) {
      if (!covered[i] && key.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * 1 − Levenshtein distance / longer length, on keys; 0 when below {@code atLeast} (the bounded
   * distance gives up early, keeping long comparisons cheap).
   */
  static double similarity(String a, String b, double atLeast) {
    int longer = Math.max(a.length(), b.length());
    if (longer == 0) {
      return 1;
    }
    int shorter = Math.min(a.length(), b.length());
    if ((double) shorter / longer < atLeast) {
      return 0;
    }
    int threshold = (int) Math.floor((1 - atLeast) * longer);
    if (atLeast <= 0) {
      threshold = longer;
    }
    int d = EditDistance.distance(a, b, threshold);
    if (d == EditDistance.OVER) {
      return 0;
    }
    return 1 - (double) d / longer;
  }
}
