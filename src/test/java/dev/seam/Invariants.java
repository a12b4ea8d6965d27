package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that every reassembly must pass, whatever the input. */
final class Invariants {
  private Invariants() {}

  /**
   * Accounting: the non-whitespace characters of the output are exactly those of the input minus
   * those inside changes that remove text (as multisets of code points). Nothing is lost without a
   * report entry, nothing is invented, and nothing is output twice.
   */
  static void accounting(List<String> fragments, Reassembly r) {
    Map<Integer, Integer> expected = new HashMap<>();
    // One pass over the changes, not one per fragment: lists of 20,000 parts have 60,000 changes.
    boolean[][] removed = new boolean[fragments.size()][];
    for (Change c : r.report().changes()) {
      int f = c.source().fragment();
      if (c.kind().removesText() && f < fragments.size()) {
        if (removed[f] == null) {
          removed[f] = new boolean[fragments.get(f).length()];
        }
        for (int i = c.source().start(); i < Math.min(c.source().end(), removed[f].length); i++) {
          removed[f][i] = true;
        }
      }
    }
    // Text left cut off stands in the output as it is: none of it may also be reported removed.
    for (Change c : r.report().changes()) {
      int f = c.source().fragment();
      if (c.kind() == ChangeKind.CUT_OFF_LEFT && c.kept().isEmpty() && f < fragments.size()
          && removed[f] != null) {
        for (int i = c.source().start(); i < Math.min(c.source().end(), removed[f].length); i++) {
          assertThat(removed[f][i])
              .as("char %d of fragment %d is left cut off and also reported removed: %s", i, f, c)
              .isFalse();
        }
      }
    }
    for (int f = 0; f < fragments.size(); f++) {
      String s = fragments.get(f);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((removed[f] == null || !removed[f][i]) && !Texts.isWhitespace(c)) {
          expected.merge((int) c, 1, Integer::sum);
        }
      }
    }
    Map<Integer, Integer> actual = new HashMap<>();
    // Counted in UTF-16 units: a surrogate pair a cut split is whole again after the join.
    r.text()
        .chars()
        .filter(cp -> !Texts.isWhitespace(cp))
        .forEach(cp -> actual.merge(cp, 1, Integer::sum));
    Map<Integer, Integer> missing = new HashMap<>();
    Map<Integer, Integer> extra = new HashMap<>();
    for (var e : expected.entrySet()) {
      int d = e.getValue() - actual.getOrDefault(e.getKey(), 0);
      if (d > 0) {
        missing.put(e.getKey(), d);
      }
    }
    for (var e : actual.entrySet()) {
      int d = e.getValue() - expected.getOrDefault(e.getKey(), 0);
      if (d > 0) {
        extra.put(e.getKey(), d);
      }
    }
    assertThat(describe(missing))
        .as("input characters neither in the output nor inside a reported removal")
        .isEmpty();
    assertThat(describe(extra))
        .as("output characters not accounted for by the input (duplicated or invented)")
        .isEmpty();
    for (Change c : r.report().changes()) {
      assertThat(c.source().fragment()).isLessThan(fragments.size());
      assertThat(c.source().end()).isLessThanOrEqualTo(fragments.get(c.source().fragment()).length());
    }
  }

  /** Reassembling the output again changes nothing and reports nothing but kept recurrences. */
  static void idempotent(Reassembler engine, Reassembly r) {
    Reassembly again = engine.reassemble(List.of(r.text()));
    assertThat(again.text()).as("idempotence: text").isEqualTo(r.text());
    assertThat(again.report().leftTextAsIs())
        .as("idempotence: report of a second pass\n%s", again.report().summary())
        .isTrue();
  }

  private static String describe(Map<Integer, Integer> counts) {
    StringBuilder b = new StringBuilder();
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .limit(40)
        .forEach(
            e ->
                b.append(String.format("U+%04X", e.getKey()))
                    .append('×')
                    .append(e.getValue())
                    .append(' '));
    return b.toString().trim();
  }
}
