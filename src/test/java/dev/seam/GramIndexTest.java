package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramIndexTest {
  /** Postings of a gram, in order, as (slot, offset) pairs. */
  private static List<List<Integer>> postings(GramIndex index, long gram) {
    List<List<Integer>> out = new ArrayList<>();
    for (int p = index.first(gram); p >= 0; p = index.next(p)) {
      out.add(List.of(index.slot(p), index.offset(p)));
    }
    return out;
  }

  @Test
  void agreesWithAMapThroughGrowthAndDeletion() {
    // Few distinct grams, many slots: collisions, chains, growth and backward-shift deletion all
    // happen; a boxed reference model says what each lookup must return.
    GramIndex index = new GramIndex(4);
    Map<Long, LinkedHashMap<Integer, Integer>> model = new HashMap<>();
    Random random = new Random(20261122);
    List<long[]> added = new ArrayList<>();
    for (int step = 0; step < 200_000; step++) {
      if (added.isEmpty() || random.nextInt(3) > 0) {
        // Gram 0 is a legal hash too.
        long gram = random.nextInt(5000) - 10;
        int slot = random.nextInt(50);
        int offset = random.nextInt(100);
        index.add(gram, slot, offset);
        added.add(new long[] {gram, slot});
        LinkedHashMap<Integer, Integer> list = model.computeIfAbsent(gram, g -> new LinkedHashMap<>());
        if (!list.containsKey(slot) && list.size() < GramIndex.CAP) {
          list.put(slot, offset);
        }
      } else {
        long[] a = added.remove(random.nextInt(added.size()));
        index.remove(a[0], (int) a[1]);
        LinkedHashMap<Integer, Integer> list = model.get(a[0]);
        if (list != null) {
          list.remove((int) a[1]);
          if (list.isEmpty()) {
            model.remove(a[0]);
          }
        }
      }
      if (step % 997 == 0) {
        for (long gram = -10; gram < 4990; gram += 7) {
          List<List<Integer>> expected = new ArrayList<>();
          model.getOrDefault(gram, new LinkedHashMap<>())
              .forEach((slot, offset) -> expected.add(List.of(slot, offset)));
          assertThat(postings(index, gram)).as("gram %s at step %s", gram, step)
              .isEqualTo(expected);
        }
        assertThat(index.size()).isEqualTo(model.size());
      }
    }
  }

  @Test
  void keysAddedAndRemovedOverAndOverStayFindableAndGoneKeysStayGone() {
    // The table never grows (a few live keys) while thousands of distinct keys pass through it:
    // the probe filter is rebuilt from the live keys, and no live key is ever filtered out.
    GramIndex index = new GramIndex(4);
    Random random = new Random(11);
    List<Long> live = new ArrayList<>();
    for (int step = 0; step < 50_000; step++) {
      long gram = random.nextLong();
      index.add(gram, step % 7, step % 13);
      live.add(gram);
      if (live.size() > 5) {
        long gone = live.remove(0);
        index.remove(gone, (int) ((step - 5) % 7));
        assertThat(index.first(gone)).as("removed at step %s", step).isNegative();
      }
      for (long g : live) {
        assertThat(index.first(g)).as("live at step %s", step).isNotNegative();
      }
    }
    assertThat(index.size()).isEqualTo(5);
  }

  @Test
  void aSharedRunOfKPlusWMinusOneCharsAlwaysSharesAnAnchor() {
    Random random = new Random(7);
    String alphabet = "abcdefgh 川増水土のう橋";
    for (int t = 0; t < 2_000; t++) {
      int length = Doc.K + Doc.W - 1;
      StringBuilder run = new StringBuilder();
      for (int i = 0; i < length; i++) {
        run.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String a = noise(random, alphabet) + run + noise(random, alphabet);
      String b = noise(random, alphabet) + run + noise(random, alphabet);
      assertThat(anchorGrams(a)).as("%s / %s", a, b).containsAnyElementsOf(anchorGrams(b));
    }
  }

  @Test
  void aKeptKeyInsideAQueryIsFoundByProbingEveryWindow() {
    // The document indexes anchors only; a query probes all of its windows, so a whole kept key
    // inside it is found however short.
    String kept = "early warning";
    String query = "we learned that early warning matters";
    List<Long> windows = new ArrayList<>();
    for (long g : Doc.grams(query)) {
      windows.add(g);
    }
    assertThat(windows).containsAll(anchorGrams(kept));
  }

  @Test
  void anchorsAreAFunctionOfTheKeyAlone() {
    long[] g = Doc.grams("the committee notes that item 7 was checked");
    assertThat(Doc.anchors(g)).isEqualTo(Doc.anchors(g.clone())).isNotEmpty().isSorted();
    assertThat(Doc.anchors(new long[0])).isEmpty();
    assertThat(Doc.anchors(new long[] {5})).containsExactly(0);
  }

  private static List<Long> anchorGrams(String key) {
    long[] g = Doc.grams(key);
    List<Long> out = new ArrayList<>();
    for (int i : Doc.anchors(g)) {
      out.add(g[i]);
    }
    return out;
  }

  private static String noise(Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(30); i > 0; i--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
