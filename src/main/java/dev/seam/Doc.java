package dev.seam;

import com.google.common.hash.HashCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The document being built: an ordered list of slots with order labels, an index from exact keys
 * to slots, and an index from 8-grams of keys to slots for containment and near matches.
 *
 * <p>Candidate pairs come only from the indexes, never from comparing all units; one gram yields
 * at most {@link #POSTING_CAP} candidates, so a gram shared by many units (a common phrase, a
 * paragraph repeated a thousand times) cannot make matching quadratic.
 */
final class Doc {
  /** Gram length in key chars: long enough that a gram is rare by chance, short enough for CJK. */
  static final int K = 8;

  static final int POSTING_CAP = 8;
  private static final int MAX_EXACT = 32;
  private static final long GAP = 1L << 32;
  private static final long BASE = 0x100000001B3L;

  final Slot begin = new Slot(null, "", false);
  final Slot end = new Slot(null, "", false);
  private final Map<HashCode, List<Slot>> exact;
  private final Map<Long, Posting> grams;
  private int size;
  private int relabels;

  private static final class Posting {
    int count;
    final List<Slot> slots = new ArrayList<>(2);
  }

  Doc() {
    this(1024);
  }

  /** A document sized for about {@code chars} chars of kept text, so its indexes rarely grow. */
  Doc(int chars) {
    exact = new HashMap<>(Math.max(16, chars / 32));
    grams = new HashMap<>(Math.max(16, chars * 4 / 3));
    begin.next = end;
    end.prev = begin;
    begin.label = Long.MIN_VALUE;
    end.label = Long.MAX_VALUE;
  }

  int size() {
    return size;
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

  /**
   * Share of {@code key}'s non-space chars that lie in some gram of {@code grams}: how much of a
   * sentence another text holds, in any order.
   */
  static double coverage(String key, Set<Long> grams) {
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
  void reindex(Slot s, String oldKey, HashCode oldHash) {
    unindexKey(s, oldKey, oldHash);
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
    exact.computeIfAbsent(u.hash, k -> new ArrayList<>(1)).add(s);
    String key = u.key;
    if (key.length() < K) {
      return;
    }
    long[] g = grams(key);
    long previous = 0;
    for (int i = 0; i < g.length; i++) {
      Posting p = grams.computeIfAbsent(g[i], k -> new Posting());
      p.count++;
      if (i > 0 && g[i] == previous) {
        continue;
      }
      if (p.slots.size() < POSTING_CAP && !p.slots.contains(s)) {
        p.slots.add(s);
      }
      previous = g[i];
    }
  }

  private void unindex(Slot s, Unit u) {
    unindexKey(s, u.key, u.hash);
  }

  private void unindexKey(Slot s, String key, HashCode hash) {
    if (s.unit != null && s.unit.kind == Unit.Kind.FRONT_MATTER) {
      return;
    }
    List<Slot> list = exact.get(hash);
    if (list != null) {
      list.remove(s);
      if (list.isEmpty()) {
        exact.remove(hash);
      }
    }
    if (key.length() < K) {
      return;
    }
    for (long g : grams(key)) {
      Posting p = grams.get(g);
      if (p == null) {
        continue;
      }
      p.count--;
      p.slots.remove(s);
      if (p.count <= 0) {
        grams.remove(g);
      }
    }
  }

  /** Rolling hashes of all K-char windows of {@code key}; deterministic across runs. */
  static long[] grams(String key) {
    int n = key.length() - K + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] out = new long[n];
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

  /** Slots whose unit has exactly this key, in document order. */
  List<Slot> exact(HashCode hash) {
    List<Slot> list = exact.get(hash);
    if (list == null) {
      return List.of();
    }
    // A key kept many times (a recurring "Note") offers its most recent copies only, so one
    // lookup never costs more than a bounded sort.
    List<Slot> copy =
        new ArrayList<>(list.size() > MAX_EXACT ? list.subList(list.size() - MAX_EXACT, list.size()) : list);
    copy.sort((a, b) -> Long.compare(a.label, b.label));
    return copy;
  }

  /**
   * Relates {@code key} to the kept document. {@code near} is the similarity threshold; {@code
   * head} is where the reader is, to choose among equal candidates the one that reads on.
   */
  Match match(String key, HashCode hash, Slot head, double near) {
    return match(key, hash, null, head, near);
  }

  /** As {@link #match(String, HashCode, Slot, double)}, with the key's windows if known. */
  Match match(String key, HashCode hash, long[] grams, Slot head, double near) {
    if (key.isEmpty()) {
      return Match.NONE;
    }
    List<Slot> same = exact(hash);
    if (!same.isEmpty()) {
      Slot pick = same.get(same.size() - 1);
      for (Slot s : same) {
        if (s.label > head.label) {
          pick = s;
          break;
        }
      }
      return new Match(Match.Relation.EXACT, pick, pick, 1.0);
    }
    if (key.length() < K) {
      return Match.NONE;
    }
    long[] g = grams != null && grams.length == Math.max(0, key.length() - K + 1) ? grams : grams(key);
    boolean[] covered = new boolean[key.length()];
    Map<Slot, Integer> shared = new IdentityHashMap<>();
    int hits = 0;
    for (int i = 0; i < g.length; i++) {
      Posting p = this.grams.get(g[i]);
      if (p == null || p.count <= 0) {
        continue;
      }
      hits++;
      for (int k = i; k < i + K; k++) {
        covered[k] = true;
      }
      for (Slot s : p.slots) {
        shared.merge(s, 1, Integer::sum);
      }
    }
    coverShortKeys(key, covered);
    boolean fullyCovered = hits > 0 && allCovered(key, covered);
    // Chains: runs of consecutive windows found in one kept unit. Text inside kept text is one
    // chain. A context line gluing kept units is several chains separated by windows that cross
    // a junction (kept units are indexed one by one, so those windows are absent). Several
    // chains count as covered only if they are kept units glued end to end: the first a suffix
    // of a kept unit, the last a prefix, the others whole units. Words that merely occur
    // elsewhere never chain into a covered sentence. Only a covered key needs this second pass.
    boolean seamsOnSpaces = false;
    // The units the chains run through: the only ones a covered key can span.
    Set<Slot> inChains = Collections.newSetFromMap(new IdentityHashMap<>());
    if (fullyCovered) {
      List<int[]> chains = new ArrayList<>();
      List<List<Slot>> chainSlots = new ArrayList<>();
      List<Slot> chain = null;
      int chainStart = 0;
      int chainEnd = 0;
      for (int i = 0; i < g.length; i++) {
        Posting p = this.grams.get(g[i]);
        if (p == null || p.count <= 0) {
          if (chain != null) {
            chains.add(new int[] {chainStart, chainEnd});
            chainSlots.add(chain);
            chain = null;
          }
          continue;
        }
        if (chain == null) {
          chain = new ArrayList<>(p.slots);
          chainStart = i;
        } else if (p.slots.size() < POSTING_CAP) {
          if (!intersects(chain, p.slots)) {
            chains.add(new int[] {chainStart, chainEnd});
            chainSlots.add(chain);
            chain = new ArrayList<>(p.slots);
            chainStart = i;
          } else {
            chain.removeIf(x -> !p.slots.contains(x));
          }
        }
        chainEnd = i + K;
      }
      if (chain != null) {
        chains.add(new int[] {chainStart, chainEnd});
        chainSlots.add(chain);
      }
      seamsOnSpaces = chainsFit(key, chains, chainSlots);
      for (List<Slot> c : chainSlots) {
        inChains.addAll(c);
      }
    }
    if (hits == 0 || shared.isEmpty()) {
      return Match.NONE;
    }
    // The candidates sharing most windows, best first (ties by document order); only the first
    // few are ever verified, so a bounded selection replaces a sort of all of them.
    List<Slot> candidates = top(shared, 4);
    Slot main = candidates.get(0);
    if (seamsOnSpaces && fullyCovered) {
      Slot last = main;
      Slot first = main;
      // Every unit the key's chains run through, not only the best few: a context line spans
      // many. A unit that merely shares a word ("volunteers") is not one of them. Min and max by
      // label do not depend on the map's iteration order.
      for (Slot s : shared.keySet()) {
        int own = Math.max(1, s.unit.key.length() - K + 1);
        if (s == main || (inChains.contains(s) && shared.get(s) * 2 >= own)) {
          if (s.label > last.label) {
            last = s;
          }
          if (s.label < first.label) {
            first = s;
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
    int limit = Math.min(candidates.size(), 4);
    for (int c = 0; c < limit; c++) {
      Slot v = candidates.get(c);
      String vk = v.unit.key;
      // Fuller means the kept text stands inside this one as it is: a cut sentence completed, a
      // lead-in continuation that starts inside the kept sentence.
      if (vk.length() < key.length() && key.contains(vk)) {
        int a = vk.length();
        return new Match(Match.Relation.FULLER, v, v, (double) a / key.length());
      }
      // A sentence at least 0.8 similar shares most of its windows; with fewer than a third in
      // common the bounded Levenshtein cannot succeed and is not worth running.
      int windows = Math.max(1, Math.min(key.length(), vk.length()) - K + 1);
      if (shared.get(v) * 3 < windows) {
        continue;
      }
      if (!sameNumbers(key, vk)) {
        // Sentences that differ in a number state different facts ("package-1", "package-2";
        // "Table 2.2", "Table 2.3"): they are never versions of each other.
        continue;
      }
      double sim = similarity(key, vk, near);
      if (sim > bestSim) {
        bestSim = sim;
        bestNear = v;
      }
    }
    if (bestNear != null && bestSim >= near) {
      return new Match(Match.Relation.NEAR, bestNear, bestNear, bestSim);
    }
    return Match.NONE;
  }

  private static List<Slot> top(Map<Slot, Integer> shared, int n) {
    List<Slot> best = new ArrayList<>(n + 1);
    for (Map.Entry<Slot, Integer> e : shared.entrySet()) {
      Slot s = e.getKey();
      int count = e.getValue();
      int at = best.size();
      while (at > 0) {
        Slot b = best.get(at - 1);
        int bc = shared.get(b);
        if (bc > count || (bc == count && b.label < s.label)) {
          break;
        }
        at--;
      }
      if (at < n) {
        best.add(at, s);
        if (best.size() > n) {
          best.remove(n);
        }
      }
    }
    return best;
  }

  private static boolean intersects(List<Slot> a, List<Slot> b) {
    for (Slot x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  /** Whether several chains fit together as kept units glued end to end (see {@link #match}). */
  private static boolean chainsFit(String key, List<int[]> chains, List<List<Slot>> slots) {
    if (chains.size() <= 1) {
      return true;
    }
    for (int c = 0; c < chains.size(); c++) {
      int[] range = chains.get(c);
      String piece = key.substring(range[0], Math.min(key.length(), range[1])).trim();
      boolean first = c == 0;
      boolean last = c == chains.size() - 1;
      boolean fits = false;
      for (Slot s : slots.get(c)) {
        String k = s.unit.key;
        if (k.equals(piece) || (first && k.endsWith(piece)) || (last && k.startsWith(piece))) {
          fits = true;
          break;
        }
      }
      if (!fits) {
        return false;
      }
    }
    return true;
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
      if (end - start < K && exact.containsKey(Keys.hash(key.substring(start, end)))) {
        for (int k = start; k < end; k++) {
          covered[k] = true;
        }
      }
      i = end;
    }
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
    Integer d = new LevenshteinDistance(threshold).apply(a, b);
    if (d < 0) {
      return 0;
    }
    return 1 - (double) d / longer;
  }
}
