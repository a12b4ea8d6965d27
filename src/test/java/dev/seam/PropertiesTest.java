package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated fragment lists that look like the real thing: a document of
 * sentences in several scripts, cut at random characters, continued directly, with a lead-in and
 * overlap, or restarted some paragraphs back. Seeded, so a failure reproduces.
 *
 * <p>Order (kept sentences keep their order, none twice) does not hold for every case yet: in the
 * newest range of seeds no fix was made from, one generated case in 100,000 still breaks it. {@link #orderAndIdempotenceDoNotRegress} asserts it for all 2,000 fixed cases and {@link
 * #heldOutOrderDoesNotRegress} for 10,000 more; idempotence holds for all of them, and {@link
 * #aSecondPassChangesNothing} checks it on random seeds as well.
 */
class PropertiesTest {
  private static final String[] WORDS = {
    "river", "mill", "bridge", "flood", "volunteers", "sandbags", "road", "council",
    "川", "増水", "土のう", "橋", "河水", "磨坊", "堤坝", "Fluss", "Brücke", "Deich",
    "ש", "ם", "e\u0301", "\uD83D\uDC68\u200D\uD83D\uDC69"
  };
  private final Reassembler engine = Reassembler.withDefaults();

  /** A generated case: the clean document and the fragments a pipeline made of it. */
  record Case(String document, List<String> fragments) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(PropertiesTest::generate);
  }

  static Case generate(long seed) {
    Random rnd = new Random(seed);
    List<String> paragraphs = new ArrayList<>();
    int n = 2 + rnd.nextInt(8);
    for (int p = 0; p < n; p++) {
      StringBuilder b = new StringBuilder();
      int sentences = 1 + rnd.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          b.append(' ');
        }
        int words = 3 + rnd.nextInt(9);
        for (int w = 0; w < words; w++) {
          if (w > 0) {
            b.append(' ');
          }
          b.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        // Numbers make sentences distinct, as real sentences are.
        b.append(' ').append(seed % 1000).append('-').append(p).append('-').append(s).append('.');
      }
      paragraphs.add(b.toString());
    }
    String doc = String.join("\n\n", paragraphs) + "\n";
    List<String> fragments = new ArrayList<>();
    int at = 0;
    while (at < doc.length()) {
      int len = 20 + rnd.nextInt(Math.max(1, doc.length() / 2));
      int end = Math.min(doc.length(), at + len);
      if (end < doc.length() && Character.isLowSurrogate(doc.charAt(end))) {
        end++;
      }
      String part = doc.substring(at, end);
      fragments.add(part + (end < doc.length() ? "\n\n---END---" : ""));
      if (end >= doc.length()) {
        break;
      }
      int kind = rnd.nextInt(3);
      if (kind == 0) {
        at = end;
      } else if (kind == 1) {
        // A restart from the start of some earlier paragraph.
        int back = doc.lastIndexOf("\n\n", Math.max(0, end - 1 - rnd.nextInt(200)));
        at = back < 0 ? 0 : back + 2;
        if (at >= end) {
          at = end;
        }
      } else {
        // A lead-in repeating the last few chars, then the rest.
        int k = Math.min(5 + rnd.nextInt(20), end - at);
        int from = end - k;
        if (Character.isLowSurrogate(doc.charAt(from))) {
          from--;
        }
        String next = doc.substring(from, Math.min(doc.length(), end + 20 + rnd.nextInt(200)));
        int nextEnd = from + next.length();
        fragments.add("…" + next + (nextEnd < doc.length() ? "\n\n---END---" : ""));
        at = nextEnd;
      }
    }
    return new Case(doc, fragments);
  }

  /** What {@link #scan} found over a range of {@link #generate} seeds, each list in seed order. */
  record Scan(
      int cases,
      int exact,
      List<Long> outOfOrder,
      List<Long> notIdempotent,
      List<Long> lostSentence,
      List<Long> leadInLeft) {
    @Override
    public String toString() {
      return String.format(
          "%d cases: exact %d (%.1f%%), out of order or twice %d %s, not idempotent %d %s,"
              + " sentence lost %d %s, lead-in mark left %d %s",
          cases, exact, 100.0 * exact / cases, outOfOrder.size(), outOfOrder,
          notIdempotent.size(), notIdempotent, lostSentence.size(), lostSentence,
          leadInLeft.size(), leadInLeft);
    }
  }

  private static final Pattern TAG = Pattern.compile("\\d+-(\\d+)-(\\d+)\\.");

  /**
   * Reassembles {@code generate(seed)} for every seed in {@code [from, to)}, in parallel (the
   * engine is shared, as users share it), and checks each output: every sentence of a generated
   * document ends with a unique tag ({@code 55-3-1.}: case, paragraph, sentence), so the output's
   * tags must rise strictly (a sentence twice or out of order breaks that), every tag of the
   * document must be there, a second pass must change nothing, and the generator's lead-in mark,
   * never in its documents, must not be left.
   */
  static Scan scan(Reassembler engine, long from, long to) {
    int n = Math.toIntExact(to - from);
    int[] flags = new int[n];
    java.util.stream.IntStream.range(0, n).parallel().forEach(k -> {
      Case c = generate(from + k);
      Reassembly r = engine.reassemble(c.fragments());
      int f = r.text().equals(c.document()) ? 1 : 0;
      Matcher m = TAG.matcher(r.text());
      int last = -1;
      java.util.Set<String> said = new java.util.HashSet<>();
      while (m.find()) {
        int at = Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
        if (at <= last) {
          f |= 2;
        }
        last = at;
        said.add(m.group());
      }
      Reassembly again = engine.reassemble(List.of(r.text()));
      if (!again.text().equals(r.text()) || !again.report().leftTextAsIs()) {
        f |= 4;
      }
      Matcher truth = TAG.matcher(c.document());
      while (truth.find()) {
        if (!said.contains(truth.group())) {
          f |= 8;
          break;
        }
      }
      if (r.text().contains("…")) {
        f |= 16;
      }
      flags[k] = f;
    });
    int exact = 0;
    List<List<Long>> lists = List.of(
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int k = 0; k < n; k++) {
      exact += flags[k] & 1;
      for (int b = 0; b < 4; b++) {
        if ((flags[k] & (2 << b)) != 0) {
          lists.get(b).add(from + k);
        }
      }
    }
    return new Scan(n, exact, lists.get(0), lists.get(1), lists.get(2), lists.get(3));
  }

  /** None of the 2,000 fixed cases may put a sentence twice, out of order or nowhere. */
  @Test
  void orderAndIdempotenceDoNotRegress() {
    Scan s = scan(engine, 0, 2000);
    assertThat(s.leadInLeft()).as("a lead-in mark left in the output").isEmpty();
    assertThat(s.outOfOrder()).as("a sentence twice or out of order").isEmpty();
    assertThat(s.notIdempotent()).as("not idempotent").isEmpty();
    assertThat(s.lostSentence()).as("a sentence of the document missing from the output").isEmpty();
  }

  /**
   * The 10,000 held-out seeds 2,000 to 12,000: idempotent, nothing lost, and in order (the last
   * two known cases were fixed where their goldens were added: 5541, a lead-in line "…0.", and
   * 6400, a paragraph opening with a word of the one just written). Fixes were made from some of
   * these seeds, so the README also gives figures for ranges no fix looked at ({@link
   * #scanRange}).
   */
  @Test
  void heldOutOrderDoesNotRegress() {
    Scan s = scan(engine, 2000, 12000);
    assertThat(s.outOfOrder()).as("%s", s).isEmpty();
    assertThat(s.notIdempotent()).as("%s", s).isEmpty();
    assertThat(s.lostSentence()).as("%s", s).isEmpty();
    assertThat(s.leadInLeft()).as("%s", s).isEmpty();
  }

  /**
   * Prints {@link #scan}'s figures for the seeds in {@code -Dseam.scan=FROM:TO}; skipped without
   * it. This is how the README's held-out figures are measured.
   */
  @Test
  void scanRange() {
    String range = System.getProperty("seam.scan");
    org.junit.jupiter.api.Assumptions.assumeTrue(range != null, "no -Dseam.scan=FROM:TO");
    String[] bounds = range.split(":");
    long from = Long.parseLong(bounds[0]);
    long to = Long.parseLong(bounds[1]);
    System.out.printf("seeds %d..%d: %s%n", from, to, scan(engine, from, to));
  }

  /**
   * Held-out seeds (beyond the fixed 2,000) that once changed on a second pass: a rest left
   * stranded after a cut that a later part replaced or repeated (2515, 5896, 8450, 11048), also
   * when the version that replaced it was itself cut (11873, 4219), and an older kept cut beside
   * one completed in place (10752, 10914). Their texts are not all
   * exact yet (10752 keeps a stray emoji cut), so this checks what was fixed: idempotence, and
   * every sentence tag at most once. 84831 cuts a surrogate pair in two (a golden file, UTF-8,
   * cannot hold its half), and its text must come back exact. 1232471 kept a paragraph cut that
   * says words from the middle of the sentence before it, which a second pass then dropped as
   * their repeat.
   */
  @Test
  void heldOutSeedsThatFailedIdempotenceNowPass() {
    Pattern tag = Pattern.compile("\\d+-\\d+-\\d+\\.");
    Case split = generate(84831);
    assertThat(split.fragments().get(5)).endsWith("\uD83D\n\n---END---");
    assertThat(engine.reassemble(split.fragments()).text()).isEqualTo(split.document());
    for (long seed : new long[] {2515, 2822, 3425, 4219, 5896, 8450, 10752, 10772, 10907, 10914,
        11048, 11873, 84831, 1232471}) {
      Case c = generate(seed);
      Reassembly r = engine.reassemble(c.fragments());
      Invariants.idempotent(engine, r);
      Matcher m = tag.matcher(r.text());
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (m.find()) {
        assertThat(seen.add(m.group())).as("seed %s says %s twice", seed, m.group()).isTrue();
      }
    }
  }

  /**
   * 316183 and 1524099 cut a surrogate pair in two inside an emoji said more than once; the piece
   * after the cut opens with the pair's low half and then the emoji again. Read as overlap, the
   * emoji said again, that left the high half alone in the output; the piece goes on from the very
   * char the cut stopped at, and the text comes back exact (a golden file, UTF-8, cannot hold the
   * half).
   */
  @Test
  void aPieceThatFinishesASurrogatePairRepeatsNothing() {
    for (long seed : new long[] {316183, 1524099}) {
      Case c = generate(seed);
      assertThat(c.fragments()).anySatisfy(f -> assertThat(f).endsWith("\uD83D\n\n---END---"));
      Reassembly r = engine.reassemble(c.fragments());
      assertThat(r.text()).as("seed %s", seed).isEqualTo(c.document());
      Invariants.accounting(c.fragments(), r);
      Invariants.idempotent(engine, r);
    }
  }

  @Property(tries = 300, seed = "20261122")
  void sameInputSameResult(@ForAll("cases") Case c) {
    assertThat(engine.reassemble(c.fragments())).isEqualTo(engine.reassemble(c.fragments()));
  }

  @Property(tries = 300, seed = "20261122")
  void everyCharacterIsAccountedFor(@ForAll("cases") Case c) {
    Invariants.accounting(c.fragments(), engine.reassemble(c.fragments()));
  }

  @Property(tries = 300, seed = "20261122")
  void aSecondPassChangesNothing(@ForAll("cases") Case c) {
    Invariants.idempotent(engine, engine.reassemble(c.fragments()));
  }

  @Property(tries = 300, seed = "20261122")
  void aCleanDocumentComesBackUnchanged(@ForAll("cases") Case c) {
    Reassembly r = engine.reassemble(List.of(c.document()));
    assertThat(r.text()).isEqualTo(c.document());
    assertThat(r.report().leftTextAsIs()).isTrue();
  }
}
