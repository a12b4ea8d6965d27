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
 * <p>Two properties of issue 5 do not hold for every case yet: kept sentences keep their order,
 * and reassembling the output changes nothing. {@link #orderAndIdempotenceDoNotRegress} holds
 * them over 2,000 fixed cases: idempotence for all of them, order to today's count of failures
 * (7; {@code generate(661)} puts a sentence twice), so that a change can only lower it. No
 * output there keeps a lead-in mark.
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

  /**
   * Every sentence of a generated document ends with a unique tag ({@code 55-3-1.}: case,
   * paragraph, sentence), so the output's tags must rise strictly: a sentence twice or out of
   * order breaks that. None of the 2,000 may do so, and no sentence may be missing.
   */
  @Test
  void orderAndIdempotenceDoNotRegress() {
    Pattern tag = Pattern.compile("\\d+-(\\d+)-(\\d+)\\.");
    List<Long> outOfOrder = new ArrayList<>();
    List<Long> notIdempotent = new ArrayList<>();
    List<Long> leadInLeft = new ArrayList<>();
    List<Long> lostSentence = new ArrayList<>();
    for (long seed = 0; seed < 2000; seed++) {
      Case c = generate(seed);
      Reassembly r = engine.reassemble(c.fragments());
      Matcher m = tag.matcher(r.text());
      int last = -1;
      boolean ordered = true;
      while (m.find()) {
        int at = Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
        ordered &= at > last;
        last = at;
      }
      if (!ordered) {
        outOfOrder.add(seed);
      }
      // Every fragment list covers its whole document: a tag of the document missing from the
      // output is a sentence lost, reported or not.
      java.util.Set<String> said = new java.util.HashSet<>();
      m.reset();
      while (m.find()) {
        said.add(m.group());
      }
      Matcher truth = tag.matcher(c.document());
      while (truth.find()) {
        if (!said.contains(truth.group())) {
          lostSentence.add(seed);
          break;
        }
      }
      Reassembly again = engine.reassemble(List.of(r.text()));
      if (!again.text().equals(r.text()) || !again.report().leftTextAsIs()) {
        notIdempotent.add(seed);
      }
      // The generator's lead-in mark is never in its documents: in an output it is a lead-in
      // that was not removed.
      if (r.text().contains("…")) {
        leadInLeft.add(seed);
      }
    }
    assertThat(leadInLeft).as("a lead-in mark left in the output").isEmpty();
    assertThat(outOfOrder).as("a sentence twice or out of order").isEmpty();
    assertThat(notIdempotent).as("not idempotent").isEmpty();
    assertThat(lostSentence).as("a sentence of the document missing from the output").isEmpty();
  }

  /**
   * Held-out seeds (beyond the fixed 2,000) that once changed on a second pass: a rest left
   * stranded after a cut that a later part replaced or repeated (2515, 5896, 8450, 11048), also
   * when the version that replaced it was itself cut (11873, 4219), and an older kept cut beside
   * one completed in place (10752, 10914). Their texts are not all
   * exact yet (10752 keeps a stray emoji cut), so this checks what was fixed: idempotence, and
   * every sentence tag at most once. 84831 cuts a surrogate pair in two (a golden file, UTF-8,
   * cannot hold its half), and its text must come back exact.
   */
  @Test
  void heldOutSeedsThatFailedIdempotenceNowPass() {
    Pattern tag = Pattern.compile("\\d+-\\d+-\\d+\\.");
    Case split = generate(84831);
    assertThat(split.fragments().get(5)).endsWith("\uD83D\n\n---END---");
    assertThat(engine.reassemble(split.fragments()).text()).isEqualTo(split.document());
    for (long seed : new long[] {2515, 2822, 3425, 4219, 5896, 8450, 10752, 10772, 10907, 10914, 11048, 11873, 84831}) {
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

  @Property(tries = 300, seed = "20261122")
  void sameInputSameResult(@ForAll("cases") Case c) {
    assertThat(engine.reassemble(c.fragments())).isEqualTo(engine.reassemble(c.fragments()));
  }

  @Property(tries = 300, seed = "20261122")
  void everyCharacterIsAccountedFor(@ForAll("cases") Case c) {
    Invariants.accounting(c.fragments(), engine.reassemble(c.fragments()));
  }

  @Property(tries = 300, seed = "20261122")
  void aCleanDocumentComesBackUnchanged(@ForAll("cases") Case c) {
    Reassembly r = engine.reassemble(List.of(c.document()));
    assertThat(r.text()).isEqualTo(c.document());
    assertThat(r.report().leftTextAsIs()).isTrue();
  }
}
