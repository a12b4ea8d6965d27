package dev.seam;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A hash map from strings, split into maps of at most about 32,768 keys each. One map for 100,000
 * keys has a table of 262,144 references (1 MB): G1 allocates an array that large as a humongous
 * object in the old generation and, an array of references, does not reclaim it at a young
 * collection once the call is over, while its cards keep every node it points to alive. Each later
 * collection then copied the whole of the calls before it: 100,000 tiny fragments spent about a
 * third of their time in collection pauses, 10,000 almost none. Tables of at most 256 KB stay below
 * the humongous size of any heap of 1 GB or more.
 *
 * <p>It offers no iteration, so the split cannot leak into any output order.
 */
final class SplitMap<V> {
  private static final int KEYS_PER_MAP = 1 << 15;
  private static final int MAX_MAPS = 1 << 16;
  private Map<String, V>[] maps;
  private int shift;
  private int size;

  /** A map sized for about {@code expected} keys; past that it splits further as it grows. */
  SplitMap(int expected) {
    int n = 1;
    while ((long) n * KEYS_PER_MAP < expected && n < MAX_MAPS) {
      n <<= 1;
    }
    split(n, expected);
  }

  @SuppressWarnings("unchecked")
  private void split(int n, int keys) {
    maps = new Map[n];
    int each = (int) Math.min(1 << 30, (long) Math.ceil(keys / (double) n / 0.75) + 1);
    for (int i = 0; i < n; i++) {
      maps[i] = new HashMap<>(each);
    }
    shift = 32 - Integer.numberOfTrailingZeros(n);
  }

  private Map<String, V> map(String key) {
    // The top bits of a multiplicative hash choose the map; HashMap uses the low bits within it.
    // (A shift by 32 is a shift by 0 in Java, hence the case of one map.)
    return maps.length == 1 ? maps[0] : maps[(key.hashCode() * 0x9E3779B9) >>> shift];
  }

  V get(String key) {
    return map(key).get(key);
  }

  boolean containsKey(String key) {
    return map(key).containsKey(key);
  }

  void put(String key, V value) {
    Map<String, V> m = map(key);
    int before = m.size();
    m.put(key, value);
    grew(m.size() - before);
  }

  void merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> add) {
    Map<String, V> m = map(key);
    int before = m.size();
    m.merge(key, value, add);
    grew(m.size() - before);
  }

  void remove(String key) {
    Map<String, V> m = map(key);
    int before = m.size();
    m.remove(key);
    size -= before - m.size();
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Splits into twice as many maps once the keys outgrow the ones there are. */
  private void grew(int added) {
    size += added;
    if (size <= (long) maps.length * KEYS_PER_MAP || maps.length == MAX_MAPS) {
      return;
    }
    Map<String, V>[] old = maps;
    split(old.length * 2, size * 2);
    for (Map<String, V> m : old) {
      for (Map.Entry<String, V> e : m.entrySet()) {
        map(e.getKey()).put(e.getKey(), e.getValue());
      }
    }
  }
}
