package dev.seam;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One reassembly run: reads parts in order and merges each unit into the kept document. Not
 * thread-safe; {@link Reassembler} makes a new one per call.
 *
 * <p>The reader keeps a {@code head}: the kept slot that the text being read continues. A new unit
 * is inserted after the head. A unit that relates to kept text (equal, inside it, fuller, or near)
 * moves the head there, except for a forward jump over kept text that a later unit of the same part
 * matches: such a unit is out of the part's order (003 line 124 repeats line 60 in another
 * section), and following it would put the part's new blocks in the wrong section.
 */
final class Merger {
  private final ReassemblyOptions options;
  private final List<String> fragments;
  private final Doc doc;
  private final List<Change> changes = new ChunkedList<>();
  /** What the parser removed, reported with the rest. */
  private Parser.Removals parsed;
  /**
   * Scratch for {@link #wordStarts}, which runs for every unit once cuts are kept: an array a
   * unit was about a twentieth of what 100,000 seams in one fragment allocated.
   */
  private int[] wordAt = new int[32];
  /** Scratch for {@link #paragraphSlots}. */
  private final Slot[] paragraphScratch = new Slot[2 * MAX_WALK];
  /**
   * Kept text that repeats kept text, reported once matching is over: a report entry with its
   * excerpt is several times the size of this, and a long document may hold many.
   */
  private final List<Recurrence> recurrences = new ChunkedList<>();

  /** {@code kept}'s span is made when the report is: a hundred thousand spans held in between. */
  private record Recurrence(Unit unit, Unit kept, MatchKind match, double similarity) {}
  private final List<Unit> all = new ChunkedList<>();
  /**
   * The keys of paragraph openings a part stopped in: only such a cut makes the seams {@link
   * #keptWithFirstWordTwice} and {@link #keptWithPhraseOnce} look for, and asking the index for
   * every new paragraph cost a third more on text that is mostly new. Each key maps to the latest
   * cut that had it. Sized in {@link #run} for the parts that stop with a paragraph opening: one
   * made small split twice on the way to 100,000 cuts, re-hashing every key each time.
   */
  private SplitMap<Unit> openingCuts;
  /** The lengths of the keys in {@link #openingCuts}, to pass over other phrases at no cost. */
  private final Set<Integer> openingCutLengths = new HashSet<>();
  /**
   * As {@link #openingCuts}, for cuts that opened a sentence inside a paragraph: the seams that
   * {@link #keptWithPhraseOnce} looks for in a restart's later units.
   */
  private SplitMap<Unit> innerCuts;
  /** The lengths of the keys in {@link #innerCuts}. */
  private final Set<Integer> innerCutLengths = new HashSet<>();
  /** Open cuts, most recent first. */
  private final Deque<Unit> cuts = new ArrayDeque<>();

  private Slot head;
  /** For each unit of the current part, the range of units in its block. */
  private int[] blockFrom;
  private int[] blockTo;
  /** Matches of block neighbours, computed once per unit for rewrite evidence. */
  private Match[] blockMatches;
  /** Whether each unit of the current part lies on a context line (see findContextLines). */
  private boolean[] inContextLine;
  /** Longest walk along kept slots when looking for a neighbour: keeps every step bounded. */
  private static final int MAX_WALK = 64;
  /** How far back a lead-in's overlap is looked for, as for an overlap at a cut. */
  private static final int MAX_LEAD_IN_CHARS = 400;
  /**
   * The length, in chars, past which a kept cut is no longer extended in place by the parts that
   * complete it; each further rest becomes a unit of its own right after it (see {@link #join}).
   * The golden cases, the seeds and the quality bench come out the same with it.
   */
  private static final int MAX_JOINED = 512;

  /** One present value per match kind, shared by every change that reports it. */
  private static final Map<MatchKind, Optional<MatchKind>> MATCHES =
      Maps.immutableEnumMap(
          Arrays.stream(MatchKind.values())
              .collect(java.util.stream.Collectors.toMap(Function.identity(), Optional::of)));

  private static final OptionalDouble IDENTICAL = OptionalDouble.of(1);
  /** Whether the current part opens by repeating kept text: generation restarted. */
  private boolean restartPart;
  /** Whether the current segment (a part, or text after blank lines) has repeated kept text. */
  private boolean segmentRestarted;
  /** Id of the first unit of the current segment: text with a higher id was written by it. */
  private int segmentFirstId;
  /**
   * Whether the current segment has reached the end of the document, re-reading or writing: it
   * has read past all kept text, so it no longer re-reads any.
   */
  private boolean segmentAtEnd;
  private Slot frontSlot;
  private Unit lastPartCut;
  /**
   * Where the reader stood when the part began whose first unit is {@link #lastPartCut}: a cut
   * with no unit before it in its part has no other record of where its run stood. Null when
   * the cut is not its part's first unit.
   */
  private Slot lastPartCutStood;
  private Part previousPart;
  private Unit finalCut;

  // The current part and the lookahead over its snapshot matches.
  private List<Unit> units;
  private Part part;
  private Slot[] snapTargets;
  /** Where each snapshot match starts: text glued from several kept units spans more than one. */
  private Slot[] snapFirst;
  private final TreeMap<Long, Integer> later = new TreeMap<>();
  private int snapRelabels;

  /** Words of the input and their counts, built when a seam first asks (see inputWords()). */
  private Map<String, Integer> inputWords;

  /** The input's words case-folded, built when a seam first asks (see spelledAsOneWord). */
  private java.util.Set<String> foldedWords;

  /** Where the input opens sentences and lines; built when a page break first asks. */
  private Openers openers;

  /** Chars in all fragments together. */
  private final long chars;

  /** Chars {@link #spelledNearby} may still read (see {@link #NEARBY_BUDGET_PER_CHAR}). */
  private long nearbyBudget;

  Merger(ReassemblyOptions options, List<String> fragments) {
    this.options = options;
    this.fragments = fragments;
    long chars = 0;
    for (String f : fragments) {
      chars += f.length();
    }
    // Kept text is at most the input; size the indexes for it so they rarely grow.
    this.chars = chars;
    this.nearbyBudget = NEARBY_BUDGET_PER_CHAR * chars + NEARBY_BUDGET_BASE;
    this.doc = new Doc((int) Math.min(chars, 1 << 24));
    this.head = doc.begin;
  }

  /**
   * Reads every fragment into parts. The parser, with its memos and buffers, is dropped here:
   * only the parts and what it removed are needed from now on.
   */
  private List<Part> parse() {
    Parser parser = new Parser(options.endMarker(), chars);
    for (int f = 0; f < fragments.size(); f++) {
      parser.parse(f, fragments.get(f));
    }
    parsed = parser.removals();
    return parser.parts();
  }

  Reassembly run() {
    List<Part> parts = parse();
    int openingAtCut = 0;
    int innerAtCut = 0;
    for (Part p : parts) {
      if (p.frontMatter() != null) {
        all.add(p.frontMatter());
      }
      all.addAll(p.units());
      if ((p.endsWithMarker() || p.lastOfFragment()) && !p.units().isEmpty()) {
        // As process() files the part's cut, but for the joins that hand it to another unit.
        if (p.last().blockStart) {
          openingAtCut++;
        } else {
          innerAtCut++;
        }
      }
    }
    openingCuts = new SplitMap<>(Math.max(16, openingAtCut));
    innerCuts = new SplitMap<>(Math.max(16, innerAtCut));
    doc.expectUnits(all.size());
    for (Part p : parts) {
      process(p);
    }
    // Generation that ends mid-sentence may have been about to say more, even where the cut
    // text itself repeats kept text (000 ends inside a restart).
    finalCut = lastPartCut;
    // Nothing is matched from here on: the output and the report are built beside the units, so
    // what only matching needs goes first.
    doc.releaseIndexes();
    for (Unit u : all) {
      u.releaseKey();
    }
    String text = render(parts);
    return new Reassembly(text, new Report(report()));
  }

  // ---------------------------------------------------------------------------------------------
  // Reading one part

  private void process(Part p) {
    part = p;
    units = p.units();
    if (p.frontMatter() != null) {
      frontMatter(p.frontMatter());
    }
    if (units.isEmpty()) {
      return;
    }
    partArrays(units.size());
    for (int i = 0; i < units.size(); ) {
      int j = i;
      while (j < units.size() && units.get(j).block == units.get(i).block) {
        j++;
      }
      for (int k = i; k < j; k++) {
        blockFrom[k] = i;
        blockTo[k] = j;
      }
      i = j;
    }
    snapshot();
    findContextLines();
    restartPart = p.index() > 0 && snapTargets[0] != null;
    int joinAt = p.index() > 0 && previousPart != null ? continuation() : -1;
    Slot joinSlot = joinAt > 0 ? units.get(joinAt).image : null;
    Slot stoodAtStart = head;
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (u.segmentStart) {
        segmentFirstId = u.id;
        segmentAtEnd = false;
      } else if (!head.next.real) {
        segmentAtEnd = true;
      }
      forget(i);
      if (u.consumed || u.image != null) {
        if (i == joinAt && u.image != null) {
          // Text after the join continues from the repaired sentence.
          head = u.image;
        }
        continue;
      }
      if (i > 0 && units.get(i - 1).block != u.block) {
        absorb(i - 1);
      }
      if (joinSlot != null && i < joinAt) {
        // Text a continuation put before the point where it picks up the cut (003 line 151):
        // it belongs before the repaired text, not after it.
        Slot s = doc.insertBefore(joinSlot, u, sepBefore(u, joinSlot.prev));
        place(u, s);
        continue;
      }
      step(i);
    }
    absorb(units.size() - 1);
    Unit last = units.get(units.size() - 1);
    boolean openAgain = false;
    if (last.consumed && last.saidCutAgain != null && last.saidCutAgain.incomplete()
        && !last.saidCutAgain.consumed && last.image != null && last.image.real
        && last.image.unit != null && !last.image.unit.incomplete()) {
      // The part's last words said an earlier cut again, to its last word, and that cut lies
      // inside a whole kept sentence (569398: "河水 Fluss council road 橋 flood" twice, inside
      // "... 橋 flood 磨坊 398-3-1."): the part stopped where the cut did, and the next part
      // continues the cut, not the sentence.
      last = last.saidCutAgain;
      openAgain = true;
    } else if (last.consumed && last.image != null && last.image.real
        && last.image.unit != null) {
      // The part's last words were joined to an earlier cut: that sentence, which now holds
      // them, is what the next part may continue.
      last = last.image.unit;
    }
    if (p.endsWithMarker()) {
      units.get(units.size() - 1).beforeMarker = true;
    }
    boolean atCut = p.endsWithMarker() || p.lastOfFragment();
    if (atCut && last.incomplete() && !last.consumed) {
      // A cut open again is pushed again only if a join took it off: the stack holds it once.
      if (!openAgain || !cuts.contains(last)) {
        cuts.push(last);
      }
      lastPartCut = last;
      lastPartCutStood = last == units.get(0) ? stoodAtStart : null;
      if (p.endsWithMarker()) {
        last.markedCut = true;
      }
      last.spaceBeforeMarker = p.spaceBeforeMarker();
      if (p.markerGlued()) {
        last.gluedCut = true;
      }
      if (last.blockStart && !last.key.isEmpty()) {
        // A restart's cut that only repeats the kept cut with the same words leaves that one in
        // the map: it is the one whose seam a later piece may settle (1734577: "volunteers ם"
        // kept, said again by a restart, then replaced by "volunteers ם sandbags ...", read as
        // its restatement).
        // (Looked up only for such a repeat: most cuts are new text, one per tiny piece.)
        Unit same = last.removal != null && last.removal.kind() == ChangeKind.REPEAT_REMOVED
            ? openingCuts.get(last.key) : null;
        if (same == null || same.slot == null || Doc.live(last.removal.keptAt()) != same.slot) {
          openingCuts.put(last.key, last);
        }
        openingCutLengths.add(last.key.length());
      } else if (!last.key.isEmpty()) {
        innerCuts.put(last.key, last);
        innerCutLengths.add(last.key.length());
      }
    } else {
      lastPartCut = null;
      lastPartCutStood = null;
    }
    previousPart = p;
  }

  private void frontMatter(Unit fm) {
    if (frontSlot == null && doc.isEmpty()) {
      frontSlot = doc.insertAfter(doc.begin, fm, fm.sep);
      place(fm, frontSlot);
      return;
    }
    if (frontSlot != null) {
      double sim = Doc.similarity(fm.key, frontSlot.unit.key, 0);
      fm.removal =
          new Unit.Removal(
              ChangeKind.FRONT_MATTER_REPEAT_DROPPED,
              frontSlot,
              sim == 1 ? MatchKind.EXACT : MatchKind.NEAR,
              sim);
      fm.image = frontSlot;
      return;
    }
    // Front matter after body text has nowhere to go but where it stands.
    place(fm, doc.insertAfter(head, fm, sepBefore(fm, head)));
  }

  /**
   * A cut between a letter and its mark ("... 増水 川 e" | "\u0301 土のう ...") keys its last letter
   * bare, so the cut is not found in the kept sentence that says it with "é": no window covers
   * its last char. Found without that letter, inside one kept sentence that goes on there with a
   * letter composed from it, the cut lies in that sentence; otherwise {@code none}.
   */
  private Match cutInsideLetter(Unit u, Match none) {
    String key = u.key;
    if (key.length() <= 2 * Doc.K) {
      return none;
    }
    int last = key.codePointBefore(key.length());
    if (!Character.isLetter(last)) {
      return none;
    }
    String bare = key.substring(0, key.length() - Character.charCount(last));
    Match m = doc.match(bare, head, options.nearSimilarity());
    if (m.relation() != Match.Relation.EXACT && m.relation() != Match.Relation.COVERED
        || m.target() != m.last()) {
      return none;
    }
    String kept = m.target().unit.key;
    for (int at = kept.indexOf(bare); at >= 0; at = kept.indexOf(bare, at + 1)) {
      int after = at + bare.length();
      if (after < kept.length() && Keys.composesFrom(kept.codePointAt(after), last)) {
        return new Match(Match.Relation.COVERED, m.target(), m.target(),
            Math.min(1, (double) key.length() / kept.length()));
      }
    }
    return none;
  }

  /**
   * For a cut found as the fuller version of a kept unit that it holds only after words of its
   * own: the kept unit the cut says again from its start up to its last letter's mark, if there
   * is one, else {@code m}. A restart of a kept paragraph cut before a mark is not fully
   * covered, and a paragraph cut it happens to hold wins (2491712: "👨‍👩 増水 sandbags ... river
   * e" over the kept cut "増水 sandb", the next paragraph's, where the kept "👨‍👩 増水 sandbags ...
   * river é ... 712-0-2." is what it repeats).
   */
  private Match restartOverFuller(Unit u, Match m) {
    if (m.relation() != Match.Relation.FULLER
        || Keys.startsWithCut(u.key, m.target().unit.key)) {
      return m;
    }
    Match c = cutInsideLetter(u, Match.NONE);
    if (c.isNone()) {
      return m;
    }
    String bare = u.key.substring(0, u.key.offsetByCodePoints(u.key.length(), -1));
    return c.target().unit.key.startsWith(bare) ? c : m;
  }

  /**
   * The kept unit that {@code before}, a repeat, lies in, when that unit says {@code u} right
   * after it: a sentence too short for the index that a join glued into one kept unit with the
   * one before it (230072: "ם 橋 川 72-3-2." after a repeat of "... 72-3-1.", both in the kept "...
   * flood 橋 72-3-1. ם 橋 川 72-3-2.", which a cut and its rest made).
   */
  private static Match saidNextInRepeated(Unit before, Unit u) {
    if (before.removal == null || before.image == null || before.key == null
        || before.key.isEmpty()) {
      return Match.NONE;
    }
    Slot s = Doc.live(before.image);
    if (!s.real || s.unit == null || s.unit.key == null
        || !s.unit.key.contains(before.key + " " + u.key)) {
      return Match.NONE;
    }
    return new Match(Match.Relation.COVERED, s, s, (double) u.key.length() / s.unit.key.length());
  }

  /**
   * The kept unit that unit {@code i} opens, when the part's next unit was found in it right
   * after: a sentence too short for the index at the start of a kept unit that a join made of
   * several, away from the reader (921857: "川 川 ש 857-3-0." then "Brücke ... flood é", both in
   * the kept "川 川 ש 857-3-0. Brücke ... flood é sandbags ... 857-3-2.", which a cut, a lead-in
   * and a rest made).
   */
  private Match startOfUnitSaidNext(int i) {
    if (i + 1 >= units.size() || snapFirst[i + 1] == null) {
      return Match.NONE;
    }
    Unit u = units.get(i);
    Slot s = Doc.live(snapFirst[i + 1]);
    String key = s.real && s.unit != null ? s.unit.key : null;
    int opening = u.key.length() + 1;
    if (key == null || key.length() < opening || key.charAt(opening - 1) != ' '
        || !key.startsWith(u.key)
        || !Keys.startsWithCut(key.substring(opening), units.get(i + 1).key)) {
      return Match.NONE;
    }
    return new Match(Match.Relation.COVERED, s, s, (double) u.key.length() / key.length());
  }

  /**
   * Whether unit {@code k} of the part went as a repeat of the kept unit at the head: the part
   * reads along the kept text up to there.
   */
  private boolean repeatAtHead(int k) {
    if (k < 0) {
      return false;
    }
    Unit.Removal r = units.get(k).removal;
    return r != null && Doc.live(r.keptAt()) == head;
  }

  /** The head's or the next kept unit when its key starts with {@code u}'s and goes on. */
  private Match startOfNearbyUnit(Unit u) {
    Slot s = head;
    for (int k = 0; k < 2 && s.real; k++, s = s.next) {
      String key = s.unit.key;
      if (key != null && key.length() > u.key.length() && key.startsWith(u.key)) {
        return new Match(Match.Relation.COVERED, s, s, (double) u.key.length() / key.length());
      }
    }
    return Match.NONE;
  }

  /**
   * Relates a unit to the document. Similarity between short strings says little ("Table 2.2."
   * and "Table 2.3."), so a near match needs {@code minRepeatChars} of key.
   */
  private Match match(Unit u) {
    Match m = doc.match(u.key, head, options.nearSimilarity(), cutAtMarker(u));
    if (m.relation() == Match.Relation.EXACT && u.key != m.target().unit.key
        && u.key.equals(m.target().unit.key)) {
      // One string for every copy of a kept sentence: the copies of a paragraph repeated a
      // hundred thousand times then hold no text of their own while the merge runs.
      u.key = m.target().unit.key;
    }
    if (m.relation() == Match.Relation.NEAR && u.key.length() < options.minRepeatChars()) {
      return Match.NONE;
    }
    if (m.relation() == Match.Relation.FULLER) {
      Slot t = m.target();
      Slot p = t.prev;
      if (!cutLike(t.unit) && !u.key.startsWith(t.unit.key) && t.sep.indexOf('\n') < 0
          && p.real && p.unit != null
          && p.unit.slot == p && p.unit.key != null && !p.unit.key.isEmpty()
          && u.key.startsWith(p.unit.key + " " + t.unit.key)) {
        // Fuller than two kept units glued on one line, which the index finds as the second only
        // (96996: "増水 ... 996-7-0. é Fluss ... 996-7-2. road ... 996-7-3." over "増水 ...
        // 996-7-0." and "é Fluss ... 996-7-2.", each kept from a part that stopped after it):
        // the version of the first that takes in the second. (A kept cut second is completed as
        // such, the first said again going as overlap.)
        m = new Match(Match.Relation.FULLER, p, t,
            (double) (p.unit.key.length() + 1 + t.unit.key.length()) / u.key.length());
      }
    }
    if (m.relation() == Match.Relation.FULLER) {
      Slot t = m.target();
      Slot next = t.next;
      String kept = t.unit.key;
      if (u.incomplete() && next.real && next.unit != null && next.unit.key != null
          && next.sep.indexOf('\n') < 0 && u.key.length() > kept.length() + 1
          && u.key.startsWith(kept) && u.key.charAt(kept.length()) == ' '
          && Keys.startsWithCut(next.unit.key, u.key.substring(kept.length() + 1))) {
        // A cut that says a kept sentence and then the first letters of the kept unit after it,
        // too few for the index ("ש mill ... 909-2-0. b" before the kept "bridge 増水 ...",
        // 149909), lies in the two, glued: it repeats them and is no fuller version of either.
        return new Match(Match.Relation.COVERED, t, next,
            (double) u.key.length() / (kept.length() + 1 + next.unit.key.length()));
      }
    }
    if (m.relation() == Match.Relation.FULLER && !cutLike(m.target().unit)
        && !(m.target().unit.beforeMarker && u.key.startsWith(m.target().unit.key))) {
      // Only a cut is completed by a fuller version: a short complete line inside a longer one
      // ("foo login:" in "foo login: penguin ...") is text of its own. Text that stopped at a
      // marker is completed by a version that starts with it. A whole sentence that the longer
      // one starts with and barely extends (", z.B." and ", z.B. mit:") is a near version of it
      // like any other, with all that a near match needs.
      Slot t = m.target();
      String kept = t.unit.key;
      if (part.index() > 0
          && u.key.startsWith(kept)
          && u.key.charAt(kept.length()) == ' '
          && Texts.endsSentence(kept)
          && (kept.length() >= options.minRepeatChars() || nextBlockReadsOn(u, t.next))) {
        // Generated text that says a whole kept sentence and goes on with one the sentence
        // breaker did not part from it ("... verschleiert. who-uploads(1) ..."): the kept one is
        // an abridged first version, and this is it made fuller. A short one ("Table 2.6.",
        // then "Table 2.6. Basic package management ...") needs the text after it to read on
        // as the kept text does.
        return m;
      }
      int extra = u.key.indexOf(kept);
      int after = extra + kept.length();
      if (part.index() > 0 && extra > 1 && u.key.charAt(extra - 1) == ' '
          && kept.startsWith(u.key.substring(0, extra))
          && (after == u.key.length()
              || u.key.charAt(after) == ' ' && Texts.endsSentence(kept))) {
        // The kept sentence with its opening words said twice (155740: "volunteers volunteers
        // 堤坝 磨坊 740-1-0." over the kept "volunteers 堤坝 磨坊 740-1-0.", which the cut
        // "volunteers " and a piece that said the word again made, read as the word said once):
        // a version of it, however far the doubled words take it from the near threshold. Also
        // when the sentence after it reads on in the same unit, where ICU saw no sentence start
        // (1835665: "堤坝 bridge 堤坝 bridge 橋 665-0-2. council ... 665-0-3." over the kept "堤坝
        // bridge 橋 665-0-2.").
        return new Match(Match.Relation.NEAR, t, t, m.similarity());
      }
      boolean near = u.key.startsWith(kept)
          && m.similarity() >= options.nearSimilarity()
          && u.key.length() >= options.minRepeatChars()
          && Doc.sameNumbers(u.key, kept);
      return near ? new Match(Match.Relation.NEAR, t, t, m.similarity()) : Match.NONE;
    }
    if (m.relation() == Match.Relation.COVERED && u.incomplete() && m.target() != m.last()
        && !Keys.startsWithCut(m.target().unit.key, u.key)) {
      Slot opening = keptOpeningWith(u.key, m.target(), m.last());
      if (opening != null) {
        return new Match(Match.Relation.COVERED, opening, opening,
            (double) u.key.length() / opening.unit.key.length());
      }
    }
    return m;
  }

  /**
   * The kept unit from {@code first} to {@code last} that opens with the cut {@code key}, or null.
   * The index found the cut in the middle of one kept sentence and at the opening of another
   * (1955707: "Brücke council é 70" in "é river Brücke council é 707-3-0." and at the start of
   * "Brücke council é 707-5-0."): a restart opens where a sentence opens, so it says the second.
   */
  private static Slot keptOpeningWith(String key, Slot first, Slot last) {
    int walked = 0;
    for (Slot s = first.next; s.real && s.label <= last.label && walked++ < MAX_WALK;
        s = s.next) {
      if (s.unit != null && s.unit.slot == s && s.unit.key != null
          && s.unit.key.length() > key.length() && Keys.startsWithCut(s.unit.key, key)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Among kept copies of unit {@code i}'s text (a label such as "Note" said before many
   * paragraphs), the one the next unit reads on from, when the copy the match chose is not: a
   * restart that opens with "Note" re-reads the note it stands before, not the last one kept.
   */
  private Match copyReadOn(int i, Match m) {
    if (i + 1 >= units.size() || units.get(i + 1).key.isEmpty()) {
      return m;
    }
    Unit nextUnit = units.get(i + 1);
    String next = nextUnit.key;
    if (readsOn(m.target(), next)) {
      return m;
    }
    // A whole sentence that is kept nowhere reads on from no copy: skip the walk, which touches
    // every copy's neighbour (a sentence said every 997 paragraphs of ten megabytes has dozens).
    if (!nextUnit.incomplete() && doc.copies(next).isEmpty()) {
      return m;
    }
    List<Slot> copies = doc.copies(units.get(i).key);
    if (copies.size() < 2) {
      return m;
    }
    Slot best = null;
    for (Slot c : copies) {
      // The first such copy after the reader, else the last: as the match itself chooses.
      if (c != m.target() && readsOn(c, next)
          && (best == null || (best.label <= head.label ? c.label > best.label
              : c.label > head.label && c.label < best.label))) {
        best = c;
      }
    }
    return best == null ? m : new Match(Match.Relation.EXACT, best, best, 1);
  }

  /**
   * For the cut that ends a part, covered by the start of some kept unit: the kept unit that
   * reads on after the one the unit before it repeats, when that unit starts with the cut too
   * (196900: "river counc" after a repeat of "... 900-2-3.", whose next paragraph is "river
   * council ם 川 900-3-0.", while the match chose "river council road ... 900-2-0."). A restart
   * that stops reads on where it stood, as {@link #copyReadOn} does for whole sentences.
   */
  private Match cutReadsOn(int i, Match m) {
    Unit before = i > 0 ? units.get(i - 1) : null;
    Unit u = units.get(i);
    if (before == null || before.removal == null || before.image == null) {
      return m;
    }
    Slot at = Doc.live(before.image);
    Slot next = at.real ? at.next : null;
    if (next == null || !next.real || next.unit == null || next.unit.key == null
        || next == m.target() || next.unit.key.length() <= u.key.length()
        || !Keys.startsWithCut(next.unit.key, u.key)
        || u.blockStart != (next.sep.indexOf('\n') >= 0)) {
      return m;
    }
    return new Match(Match.Relation.COVERED, next, next,
        (double) u.key.length() / next.unit.key.length());
  }

  /**
   * For a cut found covered inside a kept sentence, not at its start: the kept cut right after
   * {@code before}, where the unit before it stood, when the cut opens as that kept cut does and
   * says more, its fuller version; else {@code m}. A restart reads on where it stands, and words
   * found in another sentence's middle are only shared with it (2556748: "volunteers 👨‍👩" after a
   * repeat of "増水 Brücke 磨坊 é 748-1-0.", inside "... road volunteers 👨‍👩 748-0-0." far back,
   * and the kept paragraph cut "volunteers 👨" next).
   */
  private static Match completesKeptCutAfter(Slot before, Unit u, Match m) {
    if (before == null || m.relation() != Match.Relation.COVERED || !u.incomplete()
        || Keys.startsWithCut(m.target().unit.key, u.key)) {
      return m;
    }
    Slot at = Doc.live(before);
    Slot next = at.real ? at.next : null;
    // Found in the very unit the unit before it was, the cut reads on there (52924: "橋 Fluss ...
    // volunteer" in the joined "Fluss council ... 924-1-0. 橋 Fluss ... 924-1-1.", before the
    // kept cut "橋" of the next sentence).
    if (next == null || m.target() == at || !next.real || next.unit == null
        || next.unit.slot != next
        || next.unit.key == null || next.unit.key.isEmpty() || !next.unit.incomplete()
        || next == m.target() || next.unit.key.length() >= u.key.length()
        || !Keys.startsWithCut(u.key, next.unit.key)
        || u.blockStart != (next.sep.indexOf('\n') >= 0)) {
      return m;
    }
    return new Match(Match.Relation.FULLER, next, next,
        (double) next.unit.key.length() / u.key.length());
  }

  /** Whether the kept text after slot {@code c} is {@code next}, or starts with it (a cut). */
  private static boolean readsOn(Slot c, String next) {
    return c.next.real && c.next.unit.key.startsWith(next);
  }

  /**
   * In scripts without spaces, a line of a few chars that is a block of its own ("ヒント", "注記",
   * "警告") is a label, not a sentence a cut stopped; two words ("橋 磨") are not one label, and
   * a word the cut left a space after ("増水 ") was followed by more.
   * Spaced scripts need no such guess: a new block after a marker starts with a capital, the
   * rest of a cut word does not.
   */
  private static boolean labelLike(Unit v) {
    return v.blockStart
        && (v.sourceNext() == null || v.sourceNext().block != v.block)
        && v.key.length() <= MAX_LABEL
        && v.key.indexOf(' ') < 0
        && !v.spaceBeforeMarker
        && v.textLength() > 0
        && !Texts.spacedScript(v.codePointAt(0));
  }

  /**
   * Whether a short line that looks like a label ("ヒント") is a cut inside a word after all: the
   * first chars of the continuation complete it into a word that its fragment, or the cut's,
   * spells elsewhere ("土の" + "う mill ..." in a fragment that says "土のう" again), or a
   * fragment near the seam, where a restart often says it (27176: "土の", then "う Fluss ...
   * coun", then "土のう Fluss ..."; see {@link #spelledNearby}). Or a restart a few fragments on
   * says the two together, on past the continuation's first words (649150: "河" then "水 土のう
   * Deich ...", and three fragments on "河水 土のう Deich ..."): a label and the paragraph after
   * it are never said as one.
   */
  private boolean completesWordSpelledNearby(Unit cut, Unit v) {
    // Reads v's first chars in place: this runs at every seam after a label-like cut, and v
    // may be long.
    int length = v.textLength();
    int n = 0;
    int end = 0;
    while (end < length && n < 3 && !Texts.isWhitespace(v.charAt(end))) {
      end += Character.charCount(v.codePointAt(end));
      n++;
    }
    if (end == 0 || Texts.spacedScript(v.codePointAt(0))) {
      return false;
    }
    int word = end;
    while (end < length && n < RESTART_SAID_CODE_POINTS) {
      end += Character.charCount(v.codePointAt(end));
      n++;
    }
    // Across the marker the two pieces are never spelled together, so any hit is elsewhere.
    if (spelledNearby(cut, v, Spelling.across(cut, v, word), NEARBY_FRAGMENTS)) {
      return true;
    }
    return n >= RESTART_SAID_CODE_POINTS
        && spelledNearby(cut, v, Spelling.across(cut, v, end), RESTART_FRAGMENTS);
  }

  /**
   * Chars to look for, {@code a[aFrom, aFrom + aLength)} then {@code b[bFrom, bFrom + bLength)},
   * read where they are: a cut and the first chars of the piece after it, at every seam after a
   * label-like cut, were two copies and their concatenation.
   */
  private record Spelling(String a, int aFrom, int aLength, String b, int bFrom, int bLength) {
    static Spelling of(String s) {
      return new Spelling(s, 0, s.length(), "", 0, 0);
    }

    /** {@code cut}'s text then the first {@code chars} chars of {@code v}'s. */
    static Spelling across(Unit cut, Unit v, int chars) {
      return new Spelling(cut.textBase(), cut.textOffset(), cut.textLength(), v.textBase(),
          v.textOffset(), chars);
    }

    int length() {
      return aLength + bLength;
    }

    /** Whether {@code text[from, to)} holds these chars. */
    boolean in(String text, int from, int to) {
      return Texts.holds(text, from, to, a, aFrom, aLength, b, bFrom, bLength);
    }
  }

  /**
   * Code points of a continuation that a restart must say right after a label-like cut for the
   * two to be one text: enough to be more than two words that happen to meet.
   */
  private static final int RESTART_SAID_CODE_POINTS = 8;

  /** Fragments after a seam in which {@link #completesWordSpelledNearby} looks for a restart. */
  private static final int RESTART_FRAGMENTS = 8;

  /** Longest label, in key chars. */
  private static final int MAX_LABEL = 4;

  /**
   * A one-word line that is a block of its own ("Note", "Tip", "Anmerkung", "ヒント"): a label in
   * any script. A later text that starts with it ("Note It is generally ...", glued by a context
   * line) is not its completion.
   */
  private static boolean isLabel(Unit v) {
    return v.blockStart
        && (v.sourceNext() == null || v.sourceNext().block != v.block)
        && v.key.length() <= 10
        && v.key.indexOf(' ') < 0;
  }

  /**
   * Whether {@code u} is the unfinished sentence that ends a part stopped by a marker: only there
   * is the sentence known to be cut off, not a heading or list item that has no full stop.
   */
  private boolean cutAtMarker(Unit u) {
    return u.part == part.index() && u.pos == units.size() - 1 && part.endsWithMarker()
        && u.incomplete();
  }

  /** Whether a unit ends where a cut could have stopped it: last of its part or segment. */
  private static boolean cutLike(Unit v) {
    if (!v.incomplete() || isLabel(v)) {
      return false;
    }
    Unit next = v.sourceNext();
    return next == null || next.segmentStart;
  }

  /**
   * For each unit of the part, whether it lies on a context line: one line whose units repeat
   * kept text from three or more kept paragraphs (000 line 45 glues a title and the paragraphs
   * after it). Such a line restates kept text; a sentence on it that differs (a heading glued to
   * the sentence after it) is never the version to keep.
   */
  private void findContextLines() {
    for (int from = 0; from < units.size(); ) {
      int to = from + 1;
      while (to < units.size() && units.get(to).block == units.get(from).block
          && units.get(to).sep.indexOf('\n') < 0) {
        to++;
      }
      if (to - from >= CONTEXT_PARAGRAPHS) {
        Slot[] seen = new Slot[CONTEXT_PARAGRAPHS];
        int distinct = 0;
        for (int k = from; k < to && distinct < seen.length; k++) {
          if (snapTargets[k] == null) {
            continue;
          }
          for (Slot end : new Slot[] {snapFirst[k], snapTargets[k]}) {
            Slot start = paragraphStart(end);
            if (distinct < seen.length
                && !containsSame(Arrays.asList(seen).subList(0, distinct), start)) {
              seen[distinct++] = start;
            }
          }
        }
        // A line that repeats some kept text may glue the rest into other sentences than the
        // kept ones ("... packages. - Install: 1. Choose ..."): those are compared loosely, only
        // on such a line, so new text pays nothing for it.
        for (int k = from; k < to && distinct > 0 && distinct < seen.length; k++) {
          if (snapTargets[k] != null) {
            continue;
          }
          Match loose = doc.match(units.get(k).key, head, CONTEXT_SIMILARITY);
          if (loose.isNone()) {
            continue;
          }
          Slot start = paragraphStart(loose.target());
          if (!containsSame(Arrays.asList(seen).subList(0, distinct), start)) {
            seen[distinct++] = start;
          }
        }
        if (distinct >= CONTEXT_PARAGRAPHS || (distinct > 1 && spansParagraphs(from, to))) {
          Arrays.fill(inContextLine, from, to, true);
          for (int k = from; k < to; k++) {
            units.get(k).onContextLine = true;
          }
        }
      }
      from = to;
    }
  }

  /**
   * Whether every unit of line {@code [from, to)} repeats kept text, in kept order, and the kept
   * text from its first match to its last spans three or more kept paragraphs. A line may glue
   * a code block or a heading into the sentence before or after (de 3.4: heading, paragraph,
   * code and caption on one line), so fewer paragraphs are hit than it repeats; a restart that
   * merges two kept paragraphs into one spans two.
   */
  private boolean spansParagraphs(int from, int to) {
    Slot first = null;
    Slot last = null;
    for (int k = from; k < to; k++) {
      Slot f = snapFirst[k];
      Slot l = snapTargets[k];
      if (l == null) {
        // The unit that glues a heading to the sentence after it matches only loosely.
        Match loose = doc.match(units.get(k).key, head, CONTEXT_SIMILARITY);
        if (loose.isNone()) {
          return false;
        }
        f = loose.target();
        l = loose.last();
      }
      if (last != null && f.label < last.label) {
        return false;
      }
      if (first == null) {
        first = f;
      }
      last = l;
    }
    int paragraphs = 1;
    Slot s = paragraphStart(first);
    for (int n = 0; n < MAX_WALK && s != last && s.next.real; n++) {
      s = s.next;
      if (s.sep.indexOf('\n') >= 0) {
        paragraphs++;
      }
    }
    return s == last && paragraphs >= CONTEXT_PARAGRAPHS;
  }

  /**
   * Removes unit {@code i} of a context line as a repeat when kept text holds nearly all of it
   * though no kept sentence matches it: the line glues list items and their numbers into other
   * sentences ("Choose packages listed on the command line 2.") than the kept ones. Returns
   * whether it did; text that kept text does not hold stays.
   */
  private boolean contextRepeat(int i) {
    Unit u = units.get(i);
    Match loose = doc.match(u.key, head, CONTEXT_SIMILARITY);
    Slot t = loose.isNone() || writtenBySegment(loose.target()) ? null : loose.target();
    double covered = t == null ? 0 : coveredAround(u, t);
    Unit prev = i > 0 ? units.get(i - 1) : null;
    if (prev != null && inContextLine[i - 1] && prev.removal != null && prev.image != null
        && prev.image.real && (t == null || t.label <= prev.image.label)) {
      // Matching finds no version when numbers moved between sentences ("1. Choose ... line"
      // glued as "Choose ... line 2."), and may find an earlier copy of a chorus than the one
      // the line is at; the line reads on in kept order, so look from where its previous
      // sentence landed.
      double best = 0;
      Slot ahead = null;
      Slot s = prev.image;
      for (int n = 0; n <= CONTEXT_LOOKAHEAD && s.real; n++, s = s.next) {
        double c = new Doc.Cover(u.key).add(s.unit.key).share();
        if (c > best) {
          best = c;
          ahead = s;
        }
      }
      double aheadCovered = ahead == null ? 0 : coveredAround(u, ahead);
      if (t == null || aheadCovered >= ABSORB_COVERAGE) {
        t = ahead;
        covered = aheadCovered;
      }
    }
    if (t == null || covered < ABSORB_COVERAGE) {
      return false;
    }
    u.removal = new Unit.Removal(ChangeKind.REPEAT_REMOVED, t, MatchKind.CONTAINED,
        loose.isNone() ? covered : Math.min(covered, loose.similarity()));
    // The reader goes on after the last kept unit the line says, not after the first: new text
    // the line says next stands after all of them (zh-10.2).
    u.image = lastCoveredAround(u, t);
    alias(t, u);
    if (u.image.label > head.label) {
      head = u.image;
    }
    return true;
  }

  /**
   * The last kept slot from {@code t} on that adds to what {@link #coveredAround} finds of
   * {@code u}, in a walk as bounded that goes on past enough while each slot adds more: the line
   * may say the last list item of a run whole after three quarters of it are found.
   */
  private static Slot lastCoveredAround(Unit u, Slot t) {
    Doc.Cover around = new Doc.Cover(u.key).add(t.unit.key);
    if (t.prev.real) {
      around.add(t.prev.unit.key);
    }
    double covered = around.share();
    Slot last = t;
    Slot s = t.next;
    for (int n = 0; n < CONTEXT_SPAN && s.real && covered < 1; n++, s = s.next) {
      double more = around.add(s.unit.key).share();
      if (more > covered) {
        last = s;
        covered = more;
      } else if (covered >= ABSORB_COVERAGE) {
        break;
      }
    }
    return last;
  }

  /**
   * How much of {@code u} the kept text from the slot before {@code t} on holds: one unit of a
   * context line may glue a heading, a paragraph and list items that are many kept units (a
   * bounded walk, which stops once enough is held).
   */
  private static double coveredAround(Unit u, Slot t) {
    Doc.Cover around = new Doc.Cover(u.key).add(t.unit.key);
    if (t.prev.real) {
      around.add(t.prev.unit.key);
    }
    double covered = around.share();
    Slot s = t.next;
    for (int n = 0; n < CONTEXT_SPAN && s.real && covered < ABSORB_COVERAGE; n++, s = s.next) {
      covered = around.add(s.unit.key).share();
    }
    return covered;
  }

  /**
   * Whether unit {@code i} of a context line, fuller than kept slot {@code t}, was removed as a
   * repeat: a context line glues a heading or a label to the kept sentence after it ("# 3.4. Die
   * Systemmeldungen Unter systemd ..."), kept text said again, not a fuller version, when the kept
   * text around holds it. Only a cut the marker confirms is completed by it.
   */
  private boolean contextFuller(int i, Slot t) {
    return !(t.unit.incomplete() && t.unit.markedCut) && contextRepeat(i);
  }

  /** Kept slots after its match that one unit of a context line may be compared with. */
  private static final int CONTEXT_SPAN = 16;

  /** Kept slots looked at after the one a context line's previous sentence landed on. */
  private static final int CONTEXT_LOOKAHEAD = 3;

  /** Similarity at which a unit of a context line is compared with kept text at all. */
  private static final double CONTEXT_SIMILARITY = 0.5;

  /** Kept paragraphs a line must repeat from to be a context line. */
  private static final int CONTEXT_PARAGRAPHS = 3;

  /** The first slot of the kept paragraph that holds {@code s} (a bounded walk back). */
  private static Slot paragraphStart(Slot s) {
    for (int n = 0; n < MAX_WALK && s.sep.indexOf('\n') < 0 && s.prev.real; n++) {
      s = s.prev;
    }
    return s;
  }

  /**
   * Readies the per-unit arrays for a part of {@code n} units, cleared. They are reused from part
   * to part, longer than the part when an earlier one was longer: 100,000 one-line fragments
   * allocated six arrays each, a tenth of what such a call allocated.
   */
  private void partArrays(int n) {
    if (blockFrom == null || blockFrom.length < n) {
      int capacity = Math.max(n, 16);
      blockFrom = new int[capacity];
      blockTo = new int[capacity];
      blockMatches = new Match[capacity];
      snapTargets = new Slot[capacity];
      snapFirst = new Slot[capacity];
      inContextLine = new boolean[capacity];
      return;
    }
    // blockFrom and blockTo are written for every unit of the part before they are read.
    Arrays.fill(blockMatches, 0, n, null);
    Arrays.fill(snapTargets, 0, n, null);
    Arrays.fill(snapFirst, 0, n, null);
    Arrays.fill(inContextLine, 0, n, false);
  }

  /** Matches every unit of the part against the document as it was before the part. */
  private void snapshot() {
    snapRelabels = doc.relabels();
    later.clear();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      Match m = match(u);
      if (i == units.size() - 1 && u.incomplete()) {
        // As step() finds it: a cut before its last letter's mark lies in kept text too (17107:
        // "Brücke 堤坝 ... river e", a restart, not the rest of a cut that ends in "Brücke").
        m = m.isNone() || m.relation() == Match.Relation.NEAR ? cutInsideLetter(u, m)
            : restartOverFuller(u, m);
        m = completesKeptCutAfter(i > 0 ? snapTargets[i - 1] : null, u, m);
      }
      if (m.isNone() && i == 0 && u.blockStart) {
        // As step() settles it: a restart that says a phrase twice where the kept opening says it
        // once is found in that opening (269217), and is no rest of the cut before it.
        Slot t = keptWithPhraseOnce(u);
        if (t != null) {
          m = new Match(Match.Relation.FULLER, t, t, (double) t.unit.key.length() / u.key.length());
        }
      } else if (!u.blockStart && (m.isNone() || m.relation() == Match.Relation.NEAR)) {
        m = phraseOnceInside(u, m);
      }
      if (!m.isNone()) {
        snapTargets[i] = m.last();
        snapFirst[i] = m.target();
        if (anchorsAhead(i)) {
          later.merge(m.last().label, 1, Integer::sum);
        }
      }
    }
    if (snapTargets[0] == null && units.size() > 1) {
      Slot opening = abridgedOpening();
      if (opening != null) {
        snapTargets[0] = opening;
        snapFirst[0] = opening;
      }
    }
  }

  /**
   * Whether unit {@code k}'s snapshot match tells where the part will read: a label ("Note",
   * "ヒント") recurs in any document and says nothing of the order the part keeps; a heading
   * does (003 line 132).
   */
  private boolean anchorsAhead(int k) {
    return snapTargets[k] != null && !isLabel(units.get(k));
  }

  private void forget(int i) {
    refreshLookahead(i);
    Slot t = snapTargets[i];
    if (anchorsAhead(i)) {
      Integer n = later.get(t.label);
      if (n != null) {
        if (n <= 1) {
          later.remove(t.label);
        } else {
          later.put(t.label, n - 1);
        }
      }
    }
  }

  /** Rebuilds the lookahead after labels were respread, from the units not yet read. */
  private void refreshLookahead(int from) {
    if (doc.relabels() == snapRelabels) {
      return;
    }
    snapRelabels = doc.relabels();
    later.clear();
    for (int k = from; k < units.size(); k++) {
      if (anchorsAhead(k)) {
        later.merge(snapTargets[k].label, 1, Integer::sum);
      }
    }
  }

  private void step(int i) {
    Unit u = units.get(i);
    if (u.segmentStart) {
      segmentRestarted = false;
    }
    boolean partStartLeadIn = i == 0 && part.index() > 0 && u.leadIn > 0;
    if (u.key.isEmpty()) {
      placeNew(u);
      return;
    }
    Match m = match(u);
    if (u.blockStart) {
      m = settleOpeningSeam(u, m);
    } else if (m.isNone() || m.relation() == Match.Relation.NEAR) {
      m = phraseOnceInside(u, m);
    }
    if (m.isNone() || m.relation() == Match.Relation.NEAR) {
      m = settleOverlapSeam(u, m);
    }
    if ((m.isNone() || m.relation() == Match.Relation.NEAR) && u.incomplete()
        && (u.blockStart || i > 0)) {
      m = settleRestatedCutSeam(u, i > 0 ? units.get(i - 1) : null, m);
    }
    if (i == units.size() - 1 && u.incomplete()) {
      m = m.isNone() || m.relation() == Match.Relation.NEAR ? cutInsideLetter(u, m)
          : restartOverFuller(u, m);
    }
    if (m.relation() == Match.Relation.COVERED && i == units.size() - 1 && u.incomplete()) {
      m = cutReadsOn(i, m);
      Unit prev = i > 0 ? units.get(i - 1) : null;
      m = completesKeptCutAfter(
          prev != null && prev.removal != null ? prev.image : null, u, m);
      if (i > 0 && u.key.length() < Doc.K + Doc.W - 1) {
        // Too short for the index to promise it inside the joined unit the unit before it
        // repeats, where it reads on (2646216: the cut "堤坝 road 堤坝" after "volunteers mill 川
        // 216-3-0.", both in the kept "volunteers mill 川 216-3-0. 堤坝 road 堤坝"), a cut found
        // opening a sentence far back only shares its words.
        Match next = saidNextInRepeated(units.get(i - 1), u);
        if (!next.isNone()) {
          m = next;
        }
      }
    }
    Slot restarted = i == 0 ? restartedCutParagraph(lastPartCut, u) : null;
    if (restarted != null) {
      m = new Match(Match.Relation.COVERED, restarted, restarted,
          (double) u.key.length() / restarted.unit.key.length());
    }
    if (m.isNone() && (i == 0 && part.index() > 0 || i > 0 && units.get(i - 1).removal != null)
        && !u.incomplete() && u.key.length() < Doc.K + Doc.W - 1 && head.real) {
      // The index promises an anchor only inside a shared run of W + K - 1 chars: a short sentence
      // that a part opens with, said again from the start of the kept unit it is in or reads
      // next, a unit a join made of several sentences, can be missed (57712: "川 ש 川 712-5-0." of
      // the joined "川 ש 川 712-5-0. Fluss 土のう Brücke 712-5-1."). Likewise one that a restart
      // says right after a sentence it repeats (115655: "川 川 é 655-1-1." after "... 655-1-0.",
      // the kept "川 川 é 655-1-1. 河水 ... 655-1-2. é" next).
      m = startOfNearbyUnit(u);
      if (m.isNone() && i > 0) {
        m = saidNextInRepeated(units.get(i - 1), u);
      } else if (m.isNone() && previousPart != null && !previousPart.units().isEmpty()) {
        // Also across a cut made at a sentence end (332300: "é é 橋 300-1-3." opening a part
        // after one that ended with a repeat of "... 300-1-2.").
        m = saidNextInRepeated(previousPart.last(), u);
      }
      if (m.isNone()) {
        m = startOfUnitSaidNext(i);
      }
    }
    if (m.relation() == Match.Relation.EXACT) {
      m = copyReadOn(i, m);
    }
    if (inContextLine[i] && (m.isNone() || writtenBySegment(m.target())) && contextRepeat(i)) {
      return;
    }
    // Or one whose grams only found words it shares with a sentence elsewhere ("Brücke fl" inside
    // "... Brücke Fluss ..." far back, where the next kept sentence is "Brücke flood 川 e").
    boolean onlySharesWords = m.relation() == Match.Relation.COVERED
        && !Keys.startsWithCut(m.target().unit.key, u.key);
    if (m.isNone() && i == 0 && part.index() > 0 && lastPartCut != null && head.real
        && head.unit == lastPartCut && u.key.length() > lastPartCut.key.length()
        && Keys.startsWithCut(u.key, lastPartCut.key) && restartsCutInsideCluster(lastPartCut, u)) {
      // A part that restarts the one-word cut just read, completing its last cluster, too short
      // for grams (250652: "e", then "e\u0301 council ..."): its fuller version.
      m = new Match(Match.Relation.FULLER, head, head,
          (double) lastPartCut.key.length() / u.key.length());
    }
    if (m.isNone()) {
      Slot opening = i == 0 ? abridgedOpening() : abridgedAtReader(i);
      if (opening != null) {
        m = new Match(Match.Relation.FULLER, opening, opening,
            (double) opening.unit.key.length() / u.key.length());
      }
    }
    // Or one that is a kept cut elsewhere, word for word, while the part reads along right up to
    // it (933933: "土" after a repeat of "... 933-1-1.", the kept cut "土" a sentence further on).
    // The kept cut may look like a label ("Deich" alone on its line); a part that stopped after a
    // space did not stop at a label (753900: "... 900-3-1. Deich " over "Deich river ..."), nor
    // did one that stopped inside a paragraph (1095856: "... 856-1-0. 土の" over "土のう 川 ...
    // 856-1-1.", the kept line "土の" two paragraphs on).
    boolean sameCutElsewhere = m.relation() == Match.Relation.EXACT
        && (cutLike(m.target().unit)
            || m.target().unit.incomplete() && part.endsWithMarker()
                && (part.spaceBeforeMarker() || cutLike(u)))
        && repeatAtHead(i - 1);
    // Or the fuller version of a kept cut elsewhere that opens with the same word, while the part
    // has just said again the sentence before the one the reader reads next (1302586: "volunteers"
    // after a repeat of "... 586-0-2.", read next "volunteers bridge 土のう ...", the kept cut
    // "voluntee" a paragraph on): a restart reads on where it stands.
    boolean completesCutElsewhere = m.relation() == Match.Relation.FULLER
        && m.target().unit.incomplete() && repeatAtHead(i - 1);
    if ((m.isNone() || onlySharesWords || sameCutElsewhere || completesCutElsewhere)
        && i == units.size() - 1
        && u.incomplete() && head.next.real && m.target() != head.next
        && Keys.startsWithCut(head.next.unit.key, u.key)
        && head.next.unit.key.length() > u.key.length()) {
      // A cut too short for grams that starts the sentence the reader would read next ("今日の",
      // 003 line 169).
      double sim = (double) u.key.length() / head.next.unit.key.length();
      m = new Match(Match.Relation.COVERED, head.next, head.next, sim);
    }
    // Also when this piece alone lies inside kept text: the cut before it may not (a cut found as
    // the start of a kept sentence was kept as written), and only the two pieces together say
    // that both repeat the sentence.
    if ((m.isNone() || m.relation() == Match.Relation.COVERED) && softCutJoin(i)) {
      return;
    }
    // A restart's cut right after the sentence it re-read, found as the start of a kept sentence
    // away from the reader, while the kept cut the reader reads next is its start too (914004:
    // "川 sandba" after "... 4-1-0.", the kept cut "川 san" next and "川 sandbags Fluss 4-0-0."
    // before): it reads on there.
    boolean readerSaysCutToo = m.relation() == Match.Relation.COVERED && u.incomplete() && i > 0
        && i == units.size() - 1 && u.leadIn == 0 && m.target() != head
        && m.target() != head.next && repeatAtHead(i - 1);
    // Words shared with the sentence the unit before has just said whole do not say where the
    // part reads (839924: "Deich volunteers" after "Deich 橋 Deich volunteers ... 924-1-1.", the
    // kept cut "D" next).
    // Also when the unit before said only its end, the rest of a cut (1989564: "Brücke 👨‍👩 ם"
    // after the lead-in "…dbags Deich 橋 磨坊 564-0-0.", the end of "flood ... Brücke 👨‍👩 ם
    // sandbags Deich 橋 磨坊 564-0-0.", the kept cut "Brücke" next).
    boolean inSentenceJustSaid = i > 0 && m.target() == head && repeatAtHead(i - 1)
        && (units.get(i - 1).key.equals(head.unit.key)
            || !units.get(i - 1).key.isEmpty() && Texts.endsSentence(head.unit.key)
                && head.unit.key.endsWith(" " + units.get(i - 1).key));
    if ((m.isNone()
            || onlySharesWords && u.incomplete() && i > 0 && u.leadIn == 0
                && (m.target() != head || inSentenceJustSaid) && m.target() != head.next
            || readerSaysCutToo)
        && head.real && head.next.real
        && head.next.unit.incomplete()
        && u.key.length() > head.next.unit.key.length()
        && Keys.startsWithCut(u.key, head.next.unit.key)) {
      // A cut completed by the sentence that follows where it stood: one too short for grams
      // ("連絡網は夜明"), or one the index no longer offers because thousands of kept sentences
      // share its words ("Paragraph 608 discusses the flood near the mill and topic 13" among
      // 600 sentences that differ only in their numbers), or a restart's cut found only inside a
      // sentence elsewhere, away from the reader (126815: "河水 counci" after "... 815-4-0.", the
      // kept cut "河水" next; "... 土のう 河水 council council ..." far back).
      m = new Match(Match.Relation.FULLER, head.next, head.next,
          (double) head.next.unit.key.length() / u.key.length());
    }
    if ((m.isNone() || m.relation() == Match.Relation.FULLER && m.target() == head
            || onlySharesWords && m.target() != head)
        && i > 0 && i == units.size() - 1 && u.incomplete() && head.real
        && units.get(i - 1).removal != null
        && Keys.containsCut(head.unit.key, units.get(i - 1).key + " " + u.key)) {
      // A cut too short for grams that goes on inside the kept sentence the piece before it was
      // found in, right after it ("... 907-0-1." then "👨\u200D👩 sandbags De" inside "... 907-0-1.
      // 👨\u200D👩 sandbags Deich 907-0-2.", a sentence that a join made of two), also when it
      // stopped before a letter's mark (611343: "河水 Brücke 橋 e" in "... 343-1-1. 河水 Brücke 橋
      // é ש ..."). Also when the index found its words only inside a sentence elsewhere (1017515:
      // "Deich volunteers" after "... 515-3-1.", in the kept "Deich council 磨坊 515-3-1. Deich
      // volunteers river ... 515-3-2."; the same words inside "... council Deich volunteers
      // volunteers 橋 515-3-0." a sentence back).
      m = new Match(Match.Relation.COVERED, head, head,
          (double) u.key.length() / head.unit.key.length());
    }
    if (m.relation() == Match.Relation.COVERED && i > 0 && u.leadIn == 0 && !head.next.real
        && !Keys.startsWithCut(m.target().unit.key, u.key)
        && (m.target() != head
            ? i == units.size() - 1 && u.incomplete() && repeatAtHead(i - 1)
            : units.get(i - 1).image != null && Doc.live(units.get(i - 1).image) == head
                && head.unit.key.endsWith(units.get(i - 1).key)
                && (i == units.size() - 1 && u.incomplete()
                    || u.blockStart && blockTo[i] == i + 1))) {
      // A cut that only shares words with a sentence elsewhere, right after a sentence said
      // again at the end of kept text (1522039: "河水 council " after "... 39-1-0.", the same
      // words inside "... volunteers 河水 council 堤坝 ..." a paragraph back): new text where the
      // part reads, not a repeat of that sentence, which its rest would be glued to. Likewise,
      // at the end of kept text, a cut or a one-sentence paragraph that shares words with the
      // sentence whose end the part has just said, new or again (1521198: the paragraph cut
      // "council 堤坝" after "... ש council 堤坝 council mill ... 198-1-2."; "Sandbags near the
      // old mill" as a line under "Volunteers filled sandbags near the old mill all night.",
      // which clean text lost): a part says no sentence's middle again right after its end. The
      // paragraph too, so that a second pass reads a kept cut as the first did (1232471).
      m = Match.NONE;
    }
    Unit before = i > 0 ? units.get(i - 1)
        : lastPartCut == null && previousPart != null && !previousPart.units().isEmpty()
            ? previousPart.last() : null;
    boolean saidStart = before != null && head.real
        && head.unit.key.length() > before.key.length() && head.unit.key.startsWith(before.key);
    if (m.isNone() && before != null && head.real && head.unit == head.unit.slot.unit
        && (head.unit.incomplete() || head.unit.pieceCount() > 1 || saidStart)
        && before.removal != null && (Doc.live(before.removal.keptAt()) == head
            // ... or read on into it from the unit before (1338970: "... 970-0-1. é 増水 増水
            // volunteers 970-0-2." over the kept "... 970-0-1." and the kept cut "é 増水 増水
            // volunteers 970-0-2. ש Brücke ... bridge 97", then "ש Brücke ... 970-0-3.").
            || before.image != null && Doc.live(before.image) == head
                && head.prev == Doc.live(before.removal.keptAt()))) {
      // The piece before was found in a kept cut that a join made of several sentences, and this
      // one says the cut's last words and completes them ("... 989-2-0. 土のう 増水 川 989-2-1.
      // road sandbags 川 989" kept, then "土のう 増水 川 989-2-1. road sandbags 川 989-2-2."): it
      // is the cut's rest, not new text after it. The piece before may be the end of the part
      // before, one that stopped at a sentence end (34553: "…s sandbags ... 553-1-1." then "
      // flood volunteers flood 磨坊 ש 553-1-2. é volunteers ...", the kept cut ending "553-1-2. e").
      // A whole kept unit that a join made alike: its last sentence said again, then words that
      // read on in the same sentence to ICU ("Fluss ... 514-2-1. river 増水" after "...
      // 514-2-0." in the kept "... 514-2-0. Fluss ... 514-2-1.", 51514) go on after it, not
      // beside it as new text. A whole unit read from one piece only when the piece before said
      // a proper start of it and this one says all the rest (58751: "river ... 751-5-0. " then
      // "mill ... 751-5-1. bridge ..." of the kept "river ... 751-5-0. mill ... 751-5-1."): a
      // heading said again whole, then a sentence opening with its words, is not its rest (en-1.1
      // and ja-9.3 of the quality bench, "### 1.1.3. The root account" then "The root account is
      // ...").
      int ov = overlap(head.unit, u);
      // The piece before and this one together saying all of the kept unit from its start place
      // the overlap, however short (317358: "... 358-0-0." then "Deich 👨‍👩 👨‍👩 bri" over the
      // kept cut "... 358-0-0. Deich 👨‍👩").
      // So do the piece before and this one together saying the kept unit's end, the piece
      // before right up to the overlap (690165: "う ... 165-2-0." then "堤坝 ם ש 165-2-1.
      // volunteers ..." over the kept "👨‍👩 ... 土のう ... 165-2-0. 堤坝 ם ש 165-2-1.").
      boolean tiled = saidStart && before.key.length() + 1 + ov >= head.unit.key.length()
          || ov > 0 && ov < u.key.length()
              && head.unit.key.endsWith(before.key + " " + u.key.substring(0, ov));
      boolean wholeSaid = head.unit.incomplete() || head.unit.pieceCount() > 1 || tiled;
      if (wholeSaid && ov >= (tiled ? options.minOverlap() : 2 * Doc.K) && ov < u.key.length()
          && join(head.unit, u, ov)) {
        return;
      }
    }
    if (m.isNone()) {
      if (partStartLeadIn) {
        stripLeadIn(u);
      }
      if (inContextLine[i] && contextRepeat(i)) {
        return;
      }
      // Past the end of kept text nothing is regenerated: a sentence before one that repeats
      // kept text is new (the author's list items alike but for their subject).
      Slot version = part.index() > 0 && !segmentAtEnd ? sandwiched(i) : null;
      if (version != null) {
        double sim = Doc.similarity(u.key, version.unit.key, 0);
        variant(version, u, sim);
        head = version;
        return;
      }
      placeNew(u);
      return;
    }
    if (!explained(i, m)) {
      if (inContextLine[i] && contextRepeat(i)) {
        return;
      }
      // A cut inside a kept sentence shares its words, not the sentence: not a recurrence.
      boolean sharesWords = m.relation() == Match.Relation.COVERED && u.incomplete()
          && !Keys.startsWithCut(m.target().unit.key, u.key);
      if ((m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED)
          && !sharesWords) {
        placeNew(u);
        recurrences.add(
            new Recurrence(
                u,
                m.target().unit,
                m.relation() == Match.Relation.EXACT ? MatchKind.EXACT : MatchKind.CONTAINED,
                m.similarity()));
      } else {
        placeNew(u);
      }
      return;
    }
    if (u.segmentStart
        && (m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED)) {
      // A segment that opens by repeating kept text is a restart (000 line 91).
      segmentRestarted = true;
    }
    if (m.relation() == Match.Relation.COVERED
        && (m.target() != m.last()
            ? mergeStrandedRest(m.target(), m.last(), u.key)
            // A kept cut too short for grams is not in the match, only its rest.
            : m.target().prev.real && mergeStrandedRest(m.target().prev, m.target(), u.key))) {
      m = match(u);
    }
    Slot t = m.target();
    boolean onChain = onChain(i, m);
    switch (m.relation()) {
      case EXACT, COVERED -> {
        u.removal =
            m.relation() == Match.Relation.EXACT && m.similarity() == 1
                ? t.exactRepeat()
                : new Unit.Removal(
                    ChangeKind.REPEAT_REMOVED,
                    t,
                    m.relation() == Match.Relation.EXACT ? MatchKind.EXACT : MatchKind.CONTAINED,
                    m.similarity());
        u.image = m.last();
        alias(t, u);
        if (m.relation() == Match.Relation.EXACT && !cutLike(u)) {
          // The same words, read on past in a later part: the kept text was whole when its part
          // stopped (a list item without a full stop), not cut off.
          t.unit.markedCut = false;
        }
      }
      case FULLER -> {
        if (inContextLine[i] && contextFuller(i, t)) {
          break;
        }
        if (u.leadIn > 0) {
          stripLeadIn(u);
        }
        Unit cut = t.unit;
        stripRepeatedHead(u, t);
        supersede(t, u, ChangeKind.REPLACED_BY_FULLER, MatchKind.CONTAINED, m.similarity());
        absorbStrandedRest(t, cut);
      }
      case NEAR -> {
        if (onChain) {
          variant(t, u, m.similarity());
        } else {
          // Out of the part's order: replacing would move the later sentence into the old
          // paragraph and leave a hole in its own (004 line 77 vs line 24). Keep the kept one.
          u.removal = new Unit.Removal(ChangeKind.VARIANT_DROPPED, t, MatchKind.NEAR,
              m.similarity());
          u.image = t;
        }
      }
      default -> throw new AssertionError(m);
    }
    if (onChain) {
      Unit prev = i > 0 ? units.get(i - 1) : null;
      Slot img = m.relation() == Match.Relation.COVERED ? m.last() : t;
      if (prev != null && prev.image != null && img.prev == prev.image && img == t
          && newlines(u.sep) > newlines(t.sep) && newlines(t.sep) < 2) {
        // A later version may break a paragraph where both neighbours come from it (002 line 166
        // splits line 108 in two), but never joins lines: a context line glues whole paragraphs
        // with spaces (000 line 45), and that layout must not win. Blank lines between two
        // paragraphs are already a break: the two a restart leaves after a context line are
        // its layout, not the document's.
        t.sep = u.sep;
      }
      head = img;
    }
  }

  /**
   * Joins kept cut {@code a} (or text that stopped at a marker) and the paragraph {@code b} right
   * after it when a repeat, {@code key}, reads them as one sentence: {@code b} was the rest of the
   * cut, left apart because nothing proved it then (see {@link #absorbStrandedRest}). Returns
   * whether it joined.
   */
  private boolean mergeStrandedRest(Slot a, Slot b, String key) {
    if (a.next != b
        || !(cuts.contains(a.unit) && a.unit.markedCut)
            && !a.unit.beforeMarker) {
      return false;
    }
    Unit cut = a.unit;
    Unit r = b.unit;
    if (r.slot != b || r.pos != 0 || r.part <= cut.part || !r.isProse() || r.key.isEmpty()) {
      return false;
    }
    String joint;
    String text = cut.text();
    boolean spaced = !text.isEmpty() && Texts.isWhitespace(text.codePointBefore(text.length()));
    if (key.contains(cut.key + " " + r.key)) {
      joint = spaced ? "" : " ";
    } else if (key.contains(cut.key + r.key)) {
      joint = "";
    } else {
      return false;
    }
    if (spellsMarker(text, joint + r.text())) {
      return false;
    }
    String oldKey = cut.key;
    cut.setText(text + joint + r.text());
    for (SourceSpan piece : r.pieces()) {
      cut.addPiece(piece);
    }
    cut.rekey();
    forward(b, a);
    r.consumed = true;
    doc.reindex(a, oldKey);
    cuts.remove(cut);
    changes.add(
        Change.of(
            ChangeKind.CUT_OFF_REPAIRED,
            new SourceSpan(r.fragment, r.start, r.start),
            r.excerpt(60)));
    return true;
  }

  /**
   * After {@code t}'s cut was replaced by a fuller version: the paragraph right after it that
   * the next part opened with, if the fuller version reads on with it. It was the rest of the
   * cut all along, not joined because nothing proved it ("river " then "Brücke volunteers ...":
   * a capital after a cut between words starts new text in English, not in German; a part that
   * stopped at a full stop and a marker does not look cut at all), and now the fuller version
   * says it a second time.
   */
  private void absorbStrandedRest(Slot t, Unit cut) {
    Slot n = t.next;
    if (!n.real) {
      return;
    }
    Unit r = n.unit;
    if (r.slot != n || r.pos != 0 || !r.isProse() || r.key.isEmpty()) {
      return;
    }
    if (restOf(t, cut, r)) {
      retireRest(n, t);
      return;
    }
    // ... or of a later cut that said the same words and went as their repeat ("flood ש " after
    // the kept cut "flood ש Brücke é é"), whose rest the next part opened with; or of an older
    // cut that an earlier fuller version, itself cut, replaced (72830: "磨", its rest "坊 council
    // ... 830-1-0.", then "磨坊 council 川 ם 川" replaced by the whole sentence).
    if (t.aliases != null) {
      for (Unit a : t.aliases) {
        if (a != cut && a.removal != null
            && (a.removal.kind() == ChangeKind.REPEAT_REMOVED
                || a.removal.kind() == ChangeKind.REPLACED_BY_FULLER)
            && restOf(t, a, r)) {
          retireRest(n, t);
          return;
        }
      }
    }
  }

  /**
   * After kept cut {@code s} was completed, in place or by a fuller version that a completed
   * repeat of it made: a shorter cut it had replaced may have left its rest beside it, kept apart
   * while the version that now holds it was itself cut ("磨", its rest "坊 堤坝 flood Brücke
   * bridge", then "磨坊 堤坝 flood " completed by "Brücke bridge 堤坝 873-1-0."). The rest goes as
   * part of the completed sentence.
   */
  private void absorbRestOfReplaced(Slot s) {
    if (s.aliases == null) {
      return;
    }
    for (Unit a : List.copyOf(s.aliases)) {
      if (a.removal != null && a.removal.kind() == ChangeKind.REPLACED_BY_FULLER
          && s.next.real && s.next.unit != null && restOf(s, a, s.next.unit)) {
        absorbStrandedRest(s, a);
        return;
      }
    }
  }

  /**
   * Whether {@code r}, a paragraph that a part after cut {@code cut}'s opened with, is the rest
   * that kept sentence {@code t} goes on with after the cut's words.
   */
  private boolean restOf(Slot t, Unit cut, Unit r) {
    if (!cut.markedCut && !cut.beforeMarker) {
      return false;
    }
    if (r.part <= cut.part || !Keys.startsWithCut(t.unit.key, cut.key)) {
      return false;
    }
    int from = cut.key.length();
    while (from < t.unit.key.length() && t.unit.key.charAt(from) == ' ') {
      from++;
    }
    return t.unit.key.startsWith(r.key, from);
  }

  /**
   * After a kept cut {@code s} was completed in place: an older cut kept beside it that the
   * completed sentence starts with was the same sentence, stopped later ("ש 👨‍👩 堤坝 ... 752-2-"
   * kept, then "ש 👨‍👩 堤", too short to be found in it, completed as "ש 👨‍👩 堤坝 ... 752-2-0."):
   * it gives way to the completed one.
   */
  private void absorbCutBeside(Slot s) {
    for (Slot k : new Slot[] {s.next, s.prev}) {
      // The cheap tests first: the stack of open cuts is searched only for a likely one.
      if (!k.real || k.unit == null || k.unit.slot != k
          || !k.unit.incomplete() || k.unit.key.length() < options.minOverlap()
          || k.unit.key.length() >= s.unit.key.length()
          || !Keys.startsWithCut(s.unit.key, k.unit.key) || !cuts.contains(k.unit)) {
        continue;
      }
      Unit old = k.unit;
      retire(k, s);
      cuts.remove(old);
      return;
    }
  }

  /**
   * Retires stranded rest {@code n} into the sentence {@code t} that now holds it; the sentences
   * after the rest in its paragraph go on the paragraph the cut stopped in ("... flood " + "Fluss
   * 河水 515-4-2. 👨‍👩 河水 ... 515-4-3."), as the rest itself did.
   */
  private void retireRest(Slot n, Slot t) {
    Unit r = n.unit;
    Slot next = n.next;
    boolean goesOn = next.real && next.unit == r.sourceNext() && next.unit.block == r.block;
    String within = goesOn ? next.sep : null;
    retire(n, t);
    if (goesOn) {
      next.sep = within;
    }
  }

  /**
   * Whether moving the head to {@code m}'s target keeps the part in order. A forward jump is fine
   * unless it would skip kept text that a later unit of this part matches. A backward jump is a
   * restart only with evidence: it starts a part or follows blank lines, or its neighbours repeat
   * the kept text around the target too; otherwise it is a sentence reused amid new text.
   */
  private boolean onChain(int i, Match m) {
    Slot t = m.target();
    if (head == doc.begin || t == head) {
      return true;
    }
    if (t.label > head.label) {
      refreshLookahead(i + 1);
      Map.Entry<Long, Integer> next = later.higherEntry(head.label);
      return next == null || next.getKey() >= t.label;
    }
    Unit u = units.get(i);
    if (u.segmentStart) {
      return true;
    }
    Unit prev = i > 0 ? units.get(i - 1) : null;
    if (prev != null && prev.image != null && (prev.image == t.prev || prev.image == t)) {
      return true;
    }
    return nextDiagonal(i, m);
  }

  /** Share of a kept sentence's text that a regenerated block must hold to absorb it. */
  private static final double ABSORB_COVERAGE = 0.75;

  /**
   * After a block that regenerates a kept block: a kept sentence the new block left unmatched but
   * whose text it mostly holds (one sentence rewritten as several, 000 line 70 into 97; a word
   * inserted, 82 into 111) is absorbed, so the document does not say it twice.
   */
  private void absorb(int last) {
    if (inContextLine[last]) {
      // A context line restates kept paragraphs; it stands for none of them.
      return;
    }
    int block = units.get(last).block;
    // At most two block starts matter (see below); a short list, and the block's units read by
    // index, keep the common case, a block that repeats nothing, free of allocation.
    List<Slot> blockStarts = null;
    for (int k = blockFrom[last]; k < blockTo[last]; k++) {
      Unit u = units.get(k);
      if (u.removal != null && u.image != null && u.image.real) {
        Slot start = u.image;
        while (!start.unit.blockStart && start.prev.real) {
          start = start.prev;
        }
        if (blockStarts == null) {
          blockStarts = new ArrayList<>(3);
        }
        if (!containsSame(blockStarts, start)) {
          blockStarts.add(start);
          if (blockStarts.size() > 2) {
            break;
          }
        }
      }
    }
    // A regenerated block stands for one or two kept paragraphs; a block whose repeats span many
    // (a context line) stands for none of them.
    if (blockStarts == null || blockStarts.size() > 2) {
      return;
    }
    List<Unit> mine = units.subList(blockFrom[last], blockTo[last]);
    // Most blocks are a few sentences, searched in place; a block of thousands (a long line
    // without breaks) gets a set.
    java.util.Set<Slot> images = null;
    if (mine.size() > MAX_SCANNED_BLOCK) {
      images = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (Unit u : mine) {
        if (u.image != null) {
          images.add(u.image);
        }
        // A repeat of several kept sentences (a rest that says one's end and the next whole)
        // images the last and is removed against the first: both are matched.
        if (u.removal != null && u.removal.keptAt() != null) {
          images.add(u.removal.keptAt());
        }
      }
    }
    // The block's windows, gathered only once some kept unit is worth comparing with them.
    Doc.WindowSet grams = null;
    for (Slot start : blockStarts) {
      Slot s = start;
      do {
        Slot next = s.next;
        Unit d = s.unit;
        if (!(images != null ? images.contains(s) : isImage(mine, s))
            && d.kind == Unit.Kind.PROSE
            && d.key.length() >= options.minRepeatChars()
            && !(d.part == part.index() && d.block == block)
            && !later.containsKey(s.label)
            && Doc.coverage(d.key, grams = grams != null ? grams : windows(mine))
                >= ABSORB_COVERAGE) {
          Slot into = bestHolder(d, mine);
          if (into != null && !saidBesideInOneBlock(d, into.unit)) {
            retire(s, into);
          }
        }
        s = next;
      } while (s.real && !s.unit.blockStart);
    }
  }

  private static final int MAX_SCANNED_BLOCK = 16;

  /**
   * Whether kept unit {@code d}, a whole sentence, and kept unit {@code other} were read from one
   * block of one part: one paragraph said both, so however alike they are, neither is the other's
   * version (de-2.5.3 of the quality bench: "Die "Packages"-Metadaten werden aktualisiert, wenn
   * ..." and "Die "Sources"-Metadaten werden aktualisiert, wenn ..." side by side, then the second
   * said again as a paragraph of its own, which took the first away).
   */
  private static boolean saidBesideInOneBlock(Unit d, Unit other) {
    return other != d && !d.incomplete() && other.part == d.part && other.block == d.block;
  }

  private static boolean isImage(List<Unit> block, Slot s) {
    for (Unit u : block) {
      if (u.image == s || u.removal != null && u.removal.keptAt() == s) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsSame(List<Slot> list, Slot s) {
    for (Slot t : list) {
      if (t == s) {
        return true;
      }
    }
    return false;
  }

  /** The windows of the block's units that repeat kept text or are kept themselves. */
  private static Doc.WindowSet windows(List<Unit> mine) {
    Doc.WindowSet set = new Doc.WindowSet();
    for (Unit u : mine) {
      if (u.removal == null || u.image != null) {
        set.addAll(u.key);
      }
    }
    return set;
  }

  /**
   * The kept slot of the block's unit that shares most text with {@code d}, among those that
   * state every number {@code d} states: "Paragraph 100997 ... topic 13." shares nearly every
   * word with "Paragraph 0 ... topic 0." and holds none of its facts.
   */
  private static Slot bestHolder(Unit d, List<Unit> mine) {
    Slot best = null;
    double bestCoverage = 0;
    for (Unit u : mine) {
      if (u.image == null || !u.image.real
          || !Doc.numbersHeldBy(d.key, u.image.unit.key, d.incomplete())) {
        continue;
      }
      double c = Doc.coverage(d.key, new Doc.WindowSet().addAll(u.image.unit.key));
      if (c > bestCoverage) {
        bestCoverage = c;
        best = u.image;
      }
    }
    return best;
  }

  /**
   * After {@code s}'s unit, keyed {@code replaced}, gave way to a fuller version: kept units glued
   * after it on its line that the fuller version says right after {@code replaced}, or from a
   * word inside its end, were that version's text too, kept apart (135023: "川 👨‍👩 川 23-5-1."
   * after "... 23-5-0.", then "... 23-5-0. 川 👨‍👩 川 23-5-1. flood ... 23-5-2." completed a cut
   * of the first). They give way too.
   */
  private void absorbGluedAfter(Slot s, String replaced) {
    String key = s.unit.key;
    int at = key.startsWith(replaced) ? replaced.length() : -1;
    for (int k = 0; at > 0 && k < MAX_WALK; k++) {
      Slot n = s.next;
      if (!n.real || n.unit == null || n.unit.slot != n || n.unit.key == null
          || n.unit.key.isEmpty() || n.sep.indexOf('\n') >= 0 || at >= key.length()) {
        return;
      }
      // Said right after it, or from inside its end: a restart's cut kept after a kept cut it
      // said the end of again (319563: "土のう sandbags 土のう 563-" after "... 563-1-0. 土のう
      // sandbags", then "... 563-1-0. 土のう sandbags 土のう 563-1-1. ..." completed the first).
      String nk = n.unit.key;
      int from = Math.max(0, at + 1 - nk.length());
      // A kept cut before its last letter's mark ("... 71-2-1. e") stands composed in the whole.
      int p = n.unit.incomplete() ? Keys.indexOfCut(key, nk, from) : key.indexOf(nk, from);
      if (p < 0 || p > at + 1 || p > 0 && key.charAt(p - 1) != ' ') {
        return;
      }
      at = Math.max(at, p + nk.length());
      cuts.remove(n.unit);
      retire(n, s);
    }
  }

  /**
   * Moves the unit of kept slot {@code s} to earlier kept slot {@code t}, whose unit it replaces
   * as a fuller version; {@code s} leaves the document and the reader stands at {@code t}.
   */
  private void moveToFuller(Slot s, Slot t) {
    Unit u = s.unit;
    passParagraphStart(s, u);
    forward(s, t);
    supersede(t, u, ChangeKind.REPLACED_BY_FULLER, MatchKind.CONTAINED,
        (double) t.unit.key.length() / u.key.length());
    head = t;
  }

  /** Removes a kept slot whose text {@code into} now holds; pointers to it move to {@code into}. */
  private void retire(Slot s, Slot into) {
    if (s == into) {
      return;
    }
    Unit d = s.unit;
    double sim = Doc.similarity(d.key, into.unit.key, 0);
    d.removal = new Unit.Removal(ChangeKind.REPLACED_BY_FULLER, into, MatchKind.CONTAINED, sim);
    alias(into, d);
    forward(s, into);
    passParagraphStart(s, d);
  }

  /**
   * A paragraph that started at slot {@code s}, which unit {@code d} left, now starts at the next.
   */
  private static void passParagraphStart(Slot s, Unit d) {
    if (d.blockStart && s.next.real && !s.next.unit.blockStart) {
      s.next.sep = s.sep;
    }
  }

  /** Takes {@code s} out of the document; its unit and every pointer to it move to {@code into}. */
  private void forward(Slot s, Slot into) {
    Unit d = s.unit;
    doc.remove(s, into);
    d.slot = null;
    d.image = into;
    if (s.aliases != null) {
      for (Unit a : List.copyOf(s.aliases)) {
        if (a.image == s) {
          a.image = into;
        }
        if (a.removal != null && a.removal.keptAt() == s) {
          a.removal = new Unit.Removal(a.removal.kind(), into, a.removal.match(),
              a.removal.similarity());
        }
        alias(into, a);
      }
    }
    if (head == s) {
      head = s.prev;
    }
  }

  private static int newlines(String sep) {
    int n = 0;
    for (int i = 0; i < sep.length(); i++) {
      if (sep.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * The copies of a kept slot read last, at most {@link #MAX_WALK}: a paragraph that a thousand
   * restarts repeat has a thousand copies, and looking through all of them for every new sentence
   * made those restarts cost their number squared.
   */
  private static List<Unit> recentAliases(Slot t) {
    List<Unit> all = t.aliases;
    return all.size() <= MAX_WALK ? all : all.subList(all.size() - MAX_WALK, all.size());
  }

  private static void alias(Slot t, Unit u) {
    if (t.aliases == null) {
      t.aliases = new ArrayList<>(1);
    }
    t.aliases.add(u);
  }

  /**
   * The kept sentence that a new sentence stands in for, when a neighbour in its block repeats
   * the kept text next to that sentence: a rewritten sentence inside a regenerated passage (002
   * line 172 rewrites the first sentence of line 110 and repeats the other three).
   */
  private Slot sandwiched(int i) {
    Unit u = units.get(i);
    if (!u.isProse()) {
      return null;
    }
    boolean nextInBlock = i + 1 < units.size() && units.get(i + 1).block == u.block;
    Unit prev = i > 0 ? units.get(i - 1) : null;
    boolean afterRepeat =
        prev != null && prev.block == u.block && prev.removal != null && prev.image != null;
    if (!nextInBlock && !afterRepeat) {
      // Most new sentences have neither neighbour: a part of one line, a paragraph's last.
      return null;
    }
    List<Slot> candidates = new ArrayList<>(4);
    if (nextInBlock) {
      Unit q = units.get(i + 1);
      Match mq = doc.match(q.key, head, options.nearSimilarity());
      if (!mq.isNone() && mq.relation() != Match.Relation.FULLER) {
        Slot t = mq.target();
        if (t.prev.real && t.sep.indexOf('\n') < 0) {
          candidates.add(t.prev);
        }
        if (t.aliases != null) {
          for (Unit a : recentAliases(t)) {
            Unit pred = a.sourcePrevious();
            if (pred != null && pred.slot != null && pred.slot.unit == pred) {
              candidates.add(pred.slot);
            }
          }
        }
      }
    }
    if (afterRepeat) {
      Slot t = prev.image;
      if (t.next.real && t.next.sep.indexOf('\n') < 0) {
        candidates.add(t.next);
      }
      if (t.aliases != null) {
        for (Unit a : recentAliases(t)) {
          Unit succ = a.sourceNext();
          if (succ != null && succ.slot != null && succ.slot.unit == succ) {
            candidates.add(succ.slot);
          }
        }
      }
    }
    Slot best = null;
    double bestSim = options.variantSimilarity();
    for (Slot c : candidates) {
      // Sentences that differ in a number state different facts ("Table 2.2." and "Table
      // 2.3.", each before a list of its own), as for any near match.
      if (c.unit.kind != Unit.Kind.PROSE || c.unit.part == u.part
          || !Doc.sameNumbers(u.key, c.unit.key)) {
        continue;
      }
      double sim = Doc.similarity(u.key, c.unit.key, bestSim);
      if (sim >= bestSim && (best == null || sim > bestSim)) {
        best = c;
        bestSim = sim;
      }
    }
    return best;
  }

  /**
   * Whether unit {@code i}, after {@code prev} repeated the last kept sentence of a paragraph,
   * jumps back to kept slot {@code t} for one sentence only: the part does not read on from
   * {@code t}, so it adds to the paragraph what the first version left out.
   */
  private boolean completesAbridged(int i, Unit prev, Slot t) {
    Slot at = prev.image;
    if (at == null || !at.real || t.label >= at.label
        || (at.next.real && at.next.sep.indexOf('\n') < 0)) {
      return false;
    }
    return i + 1 >= units.size() || snapFirst[i + 1] != t.next;
  }

  /**
   * Whether the way fragments are produced explains a repeat of kept text: a restart, an overlap
   * at a cut, an immediate repeat, a lead-in. A repeat nothing explains is kept as a recurrence.
   */
  private boolean explained(int i, Match m) {
    if (!options.keepRecurrences()) {
      return true;
    }
    Unit u = units.get(i);
    Slot t = m.target();
    boolean isShort =
        u.key.length() < options.minRepeatChars() || u.kind == Unit.Kind.ATOMIC;
    boolean generated = part.index() > 0;
    Unit prev = i > 0 ? units.get(i - 1) : null;
    // A lead-in block repeats what came before it by construction (004 line 28).
    if (blockLeadIn(i)) {
      return true;
    }
    if (m.relation() == Match.Relation.NEAR) {
      // Alike sentences with alike neighbours are how an author writes parallel lists ("for the
      // file ...", "for the directory ..."). A near match is a version only inside a restart,
      // while it re-reads kept text, or when new generated text says a sentence of an earlier
      // part again almost word for word (004 line 77 repeats 24 at 0.94; "set user ID" and "set
      // group ID", 0.85, are the author's): halfway between nearSimilarity and identical.
      if (goesOnBehind(prev, u, t)) {
        return false;
      }
      if ((restartPart || segmentRestarted) && head.next.real && !isShort) {
        return true;
      }
      // ... or when the next unit completes the cut kept right after it: a restart regenerating
      // the sentence before a cut and going on through it (1548: "river 増水 ם flood flood ...
      // 548-3-0." then "volunteers sandbags ..." after the kept "river 増水 ם flood 増水 ..." and
      // the cut "voluntee"). An author's parallel sentences have no open cut between them.
      if (generated && !isShort && completesCutAfter(i, m.last())) {
        return true;
      }
      // ... or when it opens its part and the part's next unit says the kept sentence after it
      // again: the part restarts there, past the end of kept text too (850756: "volunteers ש
      // 土のう Brücke Brücke Brücke ... 756-4-0." then "ש 川 road ... 756-4-1.", over the kept
      // "... Brücke Brücke ... 756-4-0." and "ש 川 road ... 756-4-1.", after the kept cut that
      // ends the text).
      if (generated && !isShort && i == 0 && units.size() > 1 && snapFirst[1] != null
          && Doc.live(snapFirst[1]) == t.next) {
        return true;
      }
      // Past the end of kept text, a paragraph that starts like a kept one is the author's
      // parallel text ("Wie in shadow(5) beschrieben ...", "Wie in group(5) beschrieben ...").
      return generated && !isShort
          && m.similarity() >= (1 + options.nearSimilarity()) / 2
          && t.unit.part != u.part
          && !(segmentAtEnd && authorsParagraph(i, t));
    }
    // A generated part that is nothing but the first words of a sentence the document holds in
    // full, cut off: a restart stopped short. The marker explains the repeat however short it is; an author's
    // short line said twice is never cut off mid-sentence. (A cut that matches inside a kept
    // sentence, "voluntee" in "... volunteers ...", is new text that happens to share a word.)
    // The words may also go on past the kept sentence into the one after it, which a part that
    // stopped at a full stop left a paragraph of its own (446083: "é bridge 増水 83-0-0. co", one
    // ICU sentence, over the kept "é bridge 増水 83-0-0." and "council 堤坝 ... 83-0-1.").
    boolean restartCut =
        m.relation() == Match.Relation.FULLER
            || (m.relation() == Match.Relation.COVERED
                && (Keys.startsWithCut(t.unit.key, u.key) || startsCutIntoNext(t, u)));
    if (restartCut && generated && i == 0 && units.size() == 1 && part.endsWithMarker()
        && u.incomplete()) {
      return true;
    }
    // Likewise one that says more than one sentence of a kept unit from its start, the last cut
    // (115630: "é river ש 630-1-0. 土のう " of the kept "é river ש 630-1-0. 土のう volunteers ...
    // 630-1-1.", two sentences to ICU here as "土のう " stands alone).
    if (restartCut && generated && i == 0 && units.size() > 1 && part.endsWithMarker()
        && units.get(units.size() - 1).incomplete() && saysStartOf(t.unit)) {
      return true;
    }
    // ... or stopped right after its first sentence: a generated part that is one kept sentence
    // and then the marker says nothing of its own (3764: "mill council ש 764-4-0." between two
    // markers, the next part restarting a paragraph earlier).
    // So does one that is the first sentence of a kept unit that a lower-case word made one with
    // the next (7745: "川 bridge 👨‍👩 745-0-0." of "川 bridge 👨‍👩 745-0-0. mill mill ...").
    if ((m.relation() == Match.Relation.EXACT || restartCut) && generated && i == 0
        && units.size() == 1 && part.endsWithMarker()) {
      return true;
    }
    // ... or the part before was re-reading kept text when its marker stopped it, and this one
    // goes on with the kept sentence right after where it stopped (44862: "ם 河水 ... 862-1-2. "
    // then "橋 river 土のう 862-1-3."): the re-reading goes on, however short the sentence.
    if ((m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED)
        && generated && i == 0 && t == head.next && startsAtKeptStart(u, t)
        && stoppedRereadingAtHead()) {
      return true;
    }
    // A version of the kept cut the reader would read next, made whole: the cut completed, however
    // short (233235: "road 橋 mill 235-4-0." opening the last part, the kept cut "road 橋 mill "
    // right after the sentence the part before ended with).
    // Likewise the kept cut just read, which the part restarts from its start and completes
    // (12266: "council 土のう ם 266-0-0." opening the part after the one that stopped at "council
    // 土のう ם 266-0-"; 914004: "ש Brücke 👨‍👩 川 4-1-0." after "ש Brücke 👨‍👩 川 ").
    if (m.relation() == Match.Relation.FULLER && generated
        && (t == head.next || t == head && i == 0) && cutLike(t.unit)
        && Keys.startsWithCut(u.key, t.unit.key)) {
      return true;
    }
    // A short sentence that opens its part and says the opening of the kept cut just read, the
    // part's next unit reading on along the rest: the part restarts that paragraph (2692000, see
    // restartsCutWithNext), however short the sentence.
    if (m.relation() == Match.Relation.COVERED && generated && i == 0 && t == head
        && u.blockStart && !u.incomplete() && t.unit.incomplete() && opensAndReadsOn(i, t.unit)) {
      return true;
    }
    // Immediate repeat: the unit repeats what the reader just read (002 lines 32/34), or a block
    // starts over the block just read. Only an exact or contained repeat counts, and code and
    // tables may stand twice in a row where one run of text wrote both (a restart re-reading the
    // kept one is another matter).
    boolean atomicInClean =
        u.kind == Unit.Kind.ATOMIC
            && (!generated || writtenBySegment(t) || acrossPageBreak(i, t)
                || repeatsItsRun(i, t));
    boolean repeatKind =
        m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED;
    // A block starts over the block just read where that block starts: a paragraph that opens
    // with words from the middle of the kept one ("堤坝 bridge é", cut, after "... 379-5-2." and
    // inside "Deich road ... Brücke 堤坝 bridge é mill flood 379-5-0.") is a new paragraph.
    boolean startsOverBlock = u.blockStart && t.unit.blockStart && inBlockOf(t, head)
        && (m.relation() == Match.Relation.EXACT || Keys.startsWithCut(t.unit.key, u.key))
        && !divergesFromBlockOfItsPart(i, t);
    if (!atomicInClean
        && repeatKind
        && (t == head || m.last() == head || startsOverBlock)) {
      // Short: a whole block repeated at length, or the last sentence of the paragraph just read
      // repeated on its own (003 line 28), not a short line such as "Note" said twice.
      boolean wholeBlock = blockTo[i] - blockFrom[i] == 1;
      // A list may name one entry twice in a row in the author's own text.
      boolean listInFirstPart = u.listItemStart && part.index() == 0;
      // A restart re-reads kept text once: a short line that the part's previous unit has just
      // said at the end of kept text, re-read or written anew, said again is the text's next
      // line, as in a part that restarts nothing (zh-12.3: "%%" twice at a document's end, the
      // part before cut after the first; de-1.2: "Anmerkung" twice, two notes, in new text
      // after a lead-in).
      boolean pastKeptEnd = prev != null && prev.image == t && !t.next.real;
      if (!listInFirstPart
          && (!isShort
              || (u.blockStart && restartPart && !pastKeptEnd)
              || (blockLength(u) >= options.minRepeatChars() && blockRepeats(i, t))
              || (u.blockStart && wholeBlock && !t.unit.blockStart && t.sep.indexOf('\n') < 0))) {
        return true;
      }
    }
    // Diagonal: the previous unit landed (repeated, or was placed) right before the target, so
    // the text reads on from there (000 line 93 after the new sentences of line 91).
    // A piece inside the sentence this part has just written, not at its start, only shares its
    // words (133470: the cut "Fluss ם 川 470-6-" after "... Brücke Fluss ם 川 470-6-0."): an
    // immediate repeat says a sentence again from its start.
    // So does one inside the sentence its part's previous unit has just completed (143035:
    // "Fluss 堤坝" after "ood 磨坊 Fluss 堤坝 堤坝 35-2-1." completed "... ש fl").
    boolean insideOwnSentence = prev != null
        && (t.unit == prev || prev.consumed && prev.image == t && cutThenRest(t.unit, prev))
        && !startsAtKeptStart(u, t);
    if (prev != null && prev.image != null
        && (prev.image == t.prev
            || (prev.image == t && m.relation() == Match.Relation.COVERED
                && !insideOwnSentence))) {
      return true;
    }
    // A lead-in line that said the end of the kept sentence, then a paragraph that says that
    // sentence again, and more (59568: "…0." then "Fluss 川 増水 568-1-0. river ..." after "...
    // \n\nFluss 川 増水 568-1-0."; 35997, the same sentence and then the next): the part
    // regenerates from that sentence.
    if (prev != null && prev.consumed && prev.leadIn > 0 && prev.image == t && u.blockStart
        && (m.relation() == Match.Relation.FULLER || m.relation() == Match.Relation.EXACT)) {
      return true;
    }
    if (writtenBySegment(t)) {
      // Text that this same run of generation wrote, said again further on: generation that
      // restarts does so after a marker or blank lines, so this is the author's own repeat (a
      // numbered step that two procedures share).
      return false;
    }
    // A sentence this segment has already re-read, said again after a new sentence of the same
    // paragraph: a restart re-reads kept text once, in order, so the second time is the author's
    // ("Paragraph 102 ... Volunteers counted 0 sandbags ..." after a restart re-read paragraph 0,
    // which says the same second sentence). Likewise a sentence far ahead of the new one: a
    // restart that rewrites a sentence goes on with the kept sentences right after it, never
    // with one a thousand paragraphs on, in another paragraph's middle.
    if (newInBlock(prev, u) && (rereadBySegment(t) || (repeatKind && farAhead(t)))) {
      return false;
    }
    if (prev != null && prev.block == u.block && prev.removal != null && !isShort) {
      // Unless the restart completes a paragraph its first version cut short, with a sentence
      // the author also wrote earlier ("Geben Sie Folgendes ein, ..." after each command).
      return !completesAbridged(i, prev, t);
    }
    // A part that opens by repeating kept text restarts generation: a long sentence it repeats
    // is a regeneration wherever the kept copy is. Short lines and headings need a neighbour that
    // repeats too.
    if (restartPart && !isShort && head.next.real) {
      // ... while it re-reads kept text; once it writes on past the end, it is new text again.
      return true;
    }
    // A part that continues (new text) regenerates a passage only with evidence in the block: a
    // rewrite reuses sentences of one kept paragraph around new ones (002 line 110 reuses two
    // sentences of 58). A paragraph repeated whole, a sentence repeated alone, is the author's.
    if (generated && !isShort && rewrites(i, t)) {
      return true;
    }
    // Once the segment reaches the end of kept text, it re-reads nothing: a paragraph that starts
    // again like a kept paragraph, and the rest of it, are the author's (two procedures that share
    // their steps, "1. Choose packages", "2. Resolve dependencies"; a chorus). A sentence said
    // again inside new text still reads as generation repeating itself (004 line 94).
    boolean authorsBlock = segmentAtEnd && authorsParagraph(i, t);
    boolean nextDiagonal = !authorsBlock && nextDiagonal(i, m);
    if ((generated || u.segmentStart) && nextDiagonal) {
      return true;
    }
    // Inside a segment that already restarted, later repeats belong to that restart even with
    // rewritten paragraphs between them (000 lines 93-119 regenerate 66-88 with edits).
    // ... but not a sentence said between new sentences of one paragraph written past the end
    // ("Paragraph 997 ... Volunteers counted 0 sandbags ...", 997 paragraphs after the first):
    // generation repeating itself says runs of kept text (004 line 94 and the sentence after it).
    boolean amidNew = !head.next.real && newInBlock(prev, u);
    // A short cut that opens a paragraph, or a sentence of its part, and lies inside a kept
    // sentence, not at its start, shares its words ("Brücke mill" cut in "堤坝 堤坝 Brücke mill
    // 土のう ש 988-1-2."; 33360: "Fluss sandbags " after "... 360-6-1.", in a sentence three
    // paragraphs back): a restart regenerates from a sentence's start. (A part's first unit
    // without a lead-in may go on a sentence, and is not one of these.)
    boolean sharesWords =
        isShort && (u.blockStart || i > 0) && u.incomplete() && !startsAtKeptStart(u, t);
    if (segmentRestarted && !authorsBlock && !amidNew && !sharesWords
        && (!isShort || m.relation() == Match.Relation.COVERED)) {
      // ... and so do the cut pieces of that restart, however short.
      return true;
    }
    // A restart after a marker or after blank lines (000 lines 45, 48, 91).
    return u.segmentStart && !isShort;
  }

  /**
   * Whether unit {@code i}, which opens a block with the words kept unit {@code t} opens the block
   * just read with, is read in the same part as {@code t} and goes on unlike it: its block's next
   * unit is not like the one after {@code t}. Inside one part nothing restarts (a restart follows a
   * marker), so a paragraph said twice in a row there says its next sentence again too; one that
   * goes on otherwise is the author's next paragraph, opening alike (zh-12.1 of the quality bench:
   * "- shell 展开不位于 "…" 或 '...'" then "中的别名。" in one list item and "中的波浪线。" in the
   * next, ICU's sentence ending after the quoted ellipsis).
   */
  private boolean divergesFromBlockOfItsPart(int i, Slot t) {
    Unit u = units.get(i);
    if (t.unit.part != u.part || i + 1 >= blockTo[i]) {
      return false;
    }
    Slot next = t.next;
    return !next.real || next.unit == null || next.unit.blockStart
        || Doc.similarity(units.get(i + 1).key, next.unit.key, 0) < options.nearSimilarity();
  }

  /** Whether the part before ended at a marker with a sentence it found at the head. */
  private boolean stoppedRereadingAtHead() {
    if (previousPart == null || !previousPart.endsWithMarker() || previousPart.units().isEmpty()) {
      return false;
    }
    Unit before = previousPart.last();
    return before.removal != null && before.image != null && Doc.live(before.image) == head;
  }

  /**
   * Whether {@code u} says all of kept unit {@code t} and then the first words of the kept unit
   * right after it, stopping inside them.
   */
  private static boolean startsCutIntoNext(Slot t, Unit u) {
    String key = t.unit.key;
    Slot n = t.next;
    if (!n.real || n.unit == null || n.unit.key == null || n.unit.key.isEmpty()
        || u.key.length() <= key.length() + 1 || !u.key.startsWith(key)
        || u.key.charAt(key.length()) != ' ') {
      return false;
    }
    return Keys.startsWithCut(n.unit.key, u.key.substring(key.length() + 1));
  }

  /**
   * Whether {@code u} starts where kept slot {@code t}'s sentence starts, or where the one before
   * it does when {@code u} says that one whole first ("川 磨坊 flood mill 988-" over the kept cut
   * "川" and "磨坊 flood mill 988-1-0. ...").
   */
  private static boolean startsAtKeptStart(Unit u, Slot t) {
    String key = t.unit.key;
    if (Keys.startsWithCut(key, u.key) || u.key.startsWith(key)) {
      return true;
    }
    Slot p = t.prev;
    return p.real && p.unit != null && p.unit.key != null && !p.unit.key.isEmpty()
        && u.key.startsWith(p.unit.key) && (p.unit.key + " " + key).startsWith(u.key);
  }

  /**
   * Whether unit {@code i} starts a paragraph as kept slot {@code t} does, or goes on with a
   * paragraph whose start was kept as a recurrence.
   */
  private boolean authorsParagraph(int i, Slot t) {
    Unit u = units.get(i);
    if (u.blockStart) {
      return t.unit.blockStart;
    }
    if (i == 0) {
      return false;
    }
    Unit prev = units.get(i - 1);
    return prev.block == u.block
        && !recurrences.isEmpty()
        && recurrences.get(recurrences.size() - 1).unit() == prev;
  }

  /**
   * Whether {@code u} goes on the paragraph whose previous sentence {@code prev} just re-read the
   * head, while its near match {@code t} lies before the head: a restart reads kept text in order,
   * so this is new text completing the paragraph ("Table 2.6." re-read, then "Basic package
   * management operations ...", alike to the sentence before the table), not a version of {@code
   * t}.
   */
  private boolean goesOnBehind(Unit prev, Unit u, Slot t) {
    return prev != null && prev.block == u.block && prev.image == head && prev.removal != null
        && t.label < head.label;
  }

  /** How far past the head a restart that rewrote a sentence may go on reading kept text. */
  private static final int NEAR_AHEAD = 64;

  /** Whether kept slot {@code t} lies after the head and more than {@link #NEAR_AHEAD} slots on. */
  private boolean farAhead(Slot t) {
    if (t.label <= head.label) {
      return false;
    }
    Slot s = head.next;
    for (int k = 0; k < NEAR_AHEAD && s.real; k++, s = s.next) {
      if (s == t) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether unit {@code i}, in the first segment of a part that follows a page break (a part that
   * ended without a marker), repeats text the page before wrote. A page break does not restart
   * generation: the two pages are one run of text, so their repeats are the author's (a table said
   * twice, split between the two tables).
   */
  private boolean acrossPageBreak(int i, Slot t) {
    return previousPart != null
        && !previousPart.endsWithMarker()
        && !units.isEmpty()
        && segmentFirstId == units.get(0).id
        && t.unit != null
        && t.unit.part == previousPart.index()
        && t.unit.slot == t;
  }

  /**
   * Whether unit {@code i} says again, word for word, the unit its own run of text said just
   * before it, which re-read kept slot {@code t}: a restart that re-reads a kept table and then
   * writes the table once more wrote it twice in a row itself, as a clean text may.
   */
  private boolean repeatsItsRun(int i, Slot t) {
    if (i == 0) {
      return false;
    }
    Unit u = units.get(i);
    Unit prev = units.get(i - 1);
    return prev.id >= segmentFirstId
        && prev.kind == u.kind
        && prev.image == t
        && prev.removal != null
        && prev.key.equals(u.key);
  }

  /**
   * Whether {@code prev} is a new sentence placed in {@code u}'s paragraph, or the rest of a cut it
   * completed there, kept as the sentence the two make (8958: "e 増水 河水 958-4-0." after the
   * cut "ם 川 ש Brück" written past the end of kept text).
   */
  private static boolean newInBlock(Unit prev, Unit u) {
    if (prev == null || prev.block != u.block || prev.removal != null) {
      return false;
    }
    if (prev.slot != null && prev.slot.unit == prev) {
      return true;
    }
    Slot s = prev.consumed ? prev.image : null;
    return s != null && s.real && s.unit != null && s.unit.slot == s && s.unit.removal == null
        && s.unit.part < prev.part && cutThenRest(s.unit, prev);
  }

  /** Whether kept unit {@code k} is a cut that {@code rest} completed: its last piece is rest's. */
  private static boolean cutThenRest(Unit k, Unit rest) {
    SourceSpan last = k.piece(k.pieceCount() - 1);
    SourceSpan r = rest.span();
    return k.pieceCount() > 1 && last.fragment() == r.fragment() && last.start() >= r.start()
        && last.end() <= r.end();
  }

  /**
   * Whether a unit of this segment already repeated kept slot {@code t}. Copies are aliased in
   * the order they are read, so the last one tells.
   */
  private boolean rereadBySegment(Slot t) {
    if (t.aliases == null || t.aliases.isEmpty()) {
      return false;
    }
    Unit last = t.aliases.get(t.aliases.size() - 1);
    return last.part == part.index() && last.id >= segmentFirstId && last.removal != null;
  }

  /** Whether kept slot {@code t} holds text that the current segment placed as its own. */
  private boolean writtenBySegment(Slot t) {
    return t.unit != null && t.unit.part == part.index() && t.unit.id >= segmentFirstId
        && t.unit.slot == t;
  }


  /**
   * Blank lines inside a part can hide a cut (000 lines 51/54): when a segment starts right after
   * an unfinished sentence, and the two pieces together are kept text, both pieces are repeats.
   * Needed where the pieces are too short to be found alone ("早期预警比重" + "型设备更重要。").
   */
  private boolean softCutJoin(int i) {
    Unit u = units.get(i);
    if (!u.segmentStart || i == 0 || !u.isProse()) {
      return false;
    }
    Unit prev = units.get(i - 1);
    if (!prev.incomplete() || prev.consumed) {
      return false;
    }
    for (String joint : new String[] {"", " "}) {
      String key = Keys.key(prev.text() + joint + u.text());
      Match m = doc.match(key, head, options.nearSimilarity());
      if (m.relation() != Match.Relation.EXACT && m.relation() != Match.Relation.COVERED) {
        continue;
      }
      Slot t = m.target();
      if (prev.slot != null && prev.slot.unit == prev && prev.slot != t && prev.slot != m.last()) {
        retire(prev.slot, t);
        prev.removal = new Unit.Removal(ChangeKind.REPEAT_REMOVED, t, MatchKind.CONTAINED,
            Math.min(1, (double) prev.key.length() / Math.max(1, t.unit.key.length())));
      }
      // The piece lies inside the kept sentence: it is as similar as it is long, whether or not
      // it was long enough to be found on its own.
      u.removal = new Unit.Removal(ChangeKind.REPEAT_REMOVED, t, MatchKind.CONTAINED,
          Math.min(1, (double) u.key.length() / Math.max(1, m.last().unit.key.length())));
      u.image = m.last();
      alias(t, u);
      head = m.last();
      segmentRestarted = true;
      return true;
    }
    return false;
  }

  /**
   * Whether unit {@code i}'s block rewrites the kept paragraph of {@code t}: another of its
   * sentences repeats that paragraph too, and one of its sentences is new or changed.
   */
  private boolean rewrites(int i, Slot t) {
    Unit u = units.get(i);
    // The kept paragraph's slots, gathered once a repeat asks about them.
    int paragraph = -1;
    boolean another = false;
    boolean changed = false;
    int from = blockFrom[i];
    int to = Math.min(blockTo[i], from + MAX_WALK);
    for (int k = from; k < to; k++) {
      Unit w = units.get(k);
      if (w == u) {
        continue;
      }
      if (blockMatches[k] == null) {
        blockMatches[k] = match(w);
      }
      Match m = blockMatches[k];
      if (m.isNone() || m.relation() == Match.Relation.NEAR) {
        changed = true;
      }
      boolean repeat = m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED;
      if (repeat && !another) {
        if (paragraph < 0) {
          paragraph = paragraphSlots(paragraphStart(t));
        }
        for (int p = 0; p < paragraph && !another; p++) {
          another = paragraphScratch[p] == m.target();
        }
      }
      if (w.removal != null && w.removal.kind() == ChangeKind.VARIANT_DROPPED) {
        changed = true;
      }
    }
    return another && changed;
  }

  /**
   * Puts the first {@code 2 * MAX_WALK} slots of the kept paragraph that opens at {@code start} in
   * {@link #paragraphScratch} and returns how many there are. An array reused from block to
   * block, not a set of the slots made for every block that might rewrite one: that set was an
   * eighth of what a 10 MB corrupted document allocated.
   */
  private int paragraphSlots(Slot start) {
    int n = 0;
    for (Slot s = start; s.real && (s == start || s.sep.indexOf('\n') < 0) && n < 2 * MAX_WALK;
        s = s.next) {
      paragraphScratch[n++] = s;
    }
    return n;
  }

  /** Whether {@code t} is {@code head} or before it within the same kept block. */
  private static boolean inBlockOf(Slot t, Slot head) {
    int n = 0;
    for (Slot s = head; s != null && s.real && n++ < MAX_WALK; s = s.prev) {
      if (s == t) {
        return true;
      }
      if (s.unit.blockStart) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether unit {@code i}'s whole block repeats, unit by unit, the kept block that starts at
   * {@code t}: a paragraph said twice, not a paragraph that merely starts like the one before.
   */
  private boolean blockRepeats(int i, Slot t) {
    Slot s = t;
    for (int k = blockFrom[i]; k < blockTo[i]; k++) {
      if (s == null || !s.real || !s.unit.key.equals(units.get(k).key)
          || (k > blockFrom[i] && s.unit.blockStart)) {
        return false;
      }
      s = s.next;
    }
    return !s.real || s.unit.blockStart || s.sep.indexOf('\n') >= 0;
  }

  /** Key length of the source block {@code u} belongs to: a block repeated whole is judged whole. */
  private int blockLength(Unit u) {
    int n = 0;
    for (int k = blockFrom[u.pos]; k < blockTo[u.pos]; k++) {
      n += units.get(k).key.length();
    }
    return n;
  }

  private boolean blockLeadIn(int i) {
    Unit first = units.get(blockFrom[i]);
    // Once the lead-in has picked up the cut it repeats the end of, what follows it in the block
    // is the text going on ("…‍👩 👨‍👩 road 966-5-1." completing a cut, then "Deich floo", the
    // next sentence cut, which only starts like a kept one).
    // Nor once a unit of the block was kept as text of its own: a cut after it that lies inside
    // a kept sentence far back only shares its words (25544: "土のう flood" after the new "...
    // 544-2-2.", inside "... sandbags 土のう flood sandbags ... 544-0-1.").
    return first.blockStart && first.leadIn > 0 && (i == blockFrom[i] || !first.consumed)
        && !(i > blockFrom[i] && newInBlock(units.get(i - 1), units.get(i)));
  }

  /**
   * Whether the unit after unit {@code i} completes the open cut kept right after slot {@code t}.
   */
  private boolean completesCutAfter(int i, Slot t) {
    if (i + 1 >= units.size()) {
      return false;
    }
    Unit next = units.get(i + 1);
    Slot after = t.next;
    return after.real && after.unit != null && after.unit.slot == after
        && after.unit.incomplete() && !after.unit.key.isEmpty()
        && next.key.length() > after.unit.key.length()
        && Keys.startsWithCut(next.key, after.unit.key) && cuts.contains(after.unit);
  }

  /** Whether {@code cut} is a cut that kept slot {@code s}'s longer sentence starts with. */
  private static boolean startsAsCut(Unit cut, Slot s) {
    // Also a cut that stopped before its last letter's mark (18039: "👨‍👩 ... 増水 e" before
    // "👨‍👩 ... 増水 é 39-1-0.").
    return cut.incomplete() && s.real && s.unit != null && !cut.key.isEmpty()
        && s.unit.key.length() > cut.key.length() && Keys.startsWithCut(s.unit.key, cut.key);
  }

  /** Whether the next unit repeats the kept unit after {@code m}'s target. */
  private boolean nextDiagonal(int i, Match m) {
    if (i + 1 >= units.size()) {
      return false;
    }
    Unit next = units.get(i + 1);
    Match n = doc.match(next.key, m.last(), options.nearSimilarity());
    Slot after = m.last().next;
    boolean readsOn;
    if (n.isNone()) {
      // A cut too short for grams that starts the kept sentence after the target ("👨‍👩 ש"
      // before "👨‍👩 ש bridge ..."), as step() finds it.
      readsOn = i + 1 == units.size() - 1 && startsAsCut(next, after)
          // ... or completes a kept cut too short for grams that stands after the target ("e",
          // cut before its mark, then "é é volunteers ...").
          || after.real && after.unit.incomplete() && !after.unit.key.isEmpty()
              && next.key.length() > after.unit.key.length()
              && Keys.startsWithCut(next.key, after.unit.key);
    } else {
      // ... or the sentence after a kept cut there, which the next unit may complete ("bridge "
      // cut, its rest "Deich ..." kept apart, and the next unit says "bridge Deich ...").
      readsOn = n.target() == after || n.target() == m.last() || n.target() == m.target()
          // ... or the sentence after that one: past a kept cut, or when the next unit says the
          // one between whole first and goes on in one unit, a lower-case word after its full stop ("橋 ... 786-1-0. sandbags
          // ... 786-1-1." over the kept "橋 ... 786-1-0." and the cut "sandbags ... 786-1").
          || (after.real && n.target() == after.next
              && (cuts.contains(after.unit) || next.key.startsWith(after.unit.key + " ")))
          // ... or a cut that starts the kept sentence after the target, found first in another
          // that also says its words ("Deich sandb" before "Deich sandbags ... 430-0-1.", and
          // inside "volunteers ... Deich sandbags council ...").
          || startsAsCut(next, after)
          // ... or completes the kept cut there, though found in the middle of another sentence
          // (2556748: "volunteers 👨‍👩" over the kept cut "volunteers 👨", and in "... road
          // volunteers 👨‍👩 748-0-0.").
          || n.relation() == Match.Relation.COVERED && after.real && after.unit.incomplete()
              && !after.unit.key.isEmpty() && next.key.length() > after.unit.key.length()
              && Keys.startsWithCut(next.key, after.unit.key);
    }
    // The new sentences that complete an abridged paragraph may resemble kept ones elsewhere
    // ("Basic package management operations ..." after "Table 2.6."); the paragraph after them
    // still shows where the text reads on.
    return readsOn || abridgedBlockReadsOn(i, next, after);
  }

  /**
   * Whether unit {@code i} ends a kept paragraph that this part goes on with new sentences
   * ({@code next} first), and the part's next paragraph then repeats the kept paragraph
   * {@code after}: a restart completing a paragraph its first version abridged ("Table 1.8." kept,
   * "Table 1.8. List of notable groups ..." regenerated), reading on as the kept text does.
   */
  private boolean abridgedBlockReadsOn(int i, Unit next, Slot after) {
    Unit u = units.get(i);
    return next.block == u.block && nextBlockReadsOn(u, after);
  }

  /**
   * Whether {@code u} is, whole, the sentence kept in slot {@code t}, which is not {@code cut}:
   * a restart says it again (203194: "road volunteers ש ם 194-0-0.", the document's first
   * sentence, after a part that stopped at "... 194-0-1." inside the kept cut "... 194-0-1.
   * road"), however well its first word would go on that cut. So is a whole paragraph opening
   * that a kept paragraph opens with, one unit there (1694160: "sandbags Deich ... 160-1-0.
   * bridge ... 160-1-1." after a part that stopped at "... 160-3-0." inside the kept cut "...
   * 160-3-0. sandb").
   */
  private static boolean sentenceKeptElsewhere(Unit u, Slot t, Slot cut) {
    return t != cut && t.real && t.unit != null && !u.incomplete()
        && (u.key.equals(t.unit.key)
            || u.blockStart && t.unit.blockStart && t.unit.key.startsWith(u.key + " "));
  }

  /**
   * Whether the paragraph after unit {@code u}'s (in this part) starts by repeating kept slot
   * {@code after}, itself the start of a kept paragraph.
   */
  private boolean nextBlockReadsOn(Unit u, Slot after) {
    if (!after.real || !after.unit.blockStart || u.part != part.index()
        || u.pos >= units.size() || units.get(u.pos) != u) {
      return false;
    }
    int k = blockTo[u.pos];
    if (k >= units.size() || units.get(k).key.isEmpty()) {
      return false;
    }
    Match m = doc.match(units.get(k).key, after.prev, options.nearSimilarity());
    return (m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED)
        && m.target() == after;
  }

  // ---------------------------------------------------------------------------------------------
  // Continuations across a cut

  /**
   * The unit that holds the words the part before ended with: its last unit, or the sentence a
   * join put that unit into, when it read on from a cut. A cut inside a surrogate pair (590142:
   * "... Deich 👨‍👩" split after the high half) leaves the piece after it ("‍👩 Fluss 増水
   * 142-6-0." with the low half first) without the start of its first emoji, so a lead-in that
   * says those words again ("…👨‍👩 Fluss 増水 142-6-0. bridge ...") overlaps only the joined
   * sentence.
   */
  private Unit previousEnd() {
    Unit last = previousPart.last();
    if (last.consumed && last.image != null && last.image.real && last.image.unit != null
        && last.image.unit.key.endsWith(last.key)) {
      return last.image.unit;
    }
    return last;
  }

  /**
   * Joins the start of this part to the cut it continues, if it continues one. Returns the index of
   * the unit that was joined, or -1.
   */
  private int continuation() {
    Unit u0 = units.get(0);
    if (lastPartCut == null && previousPart != null && previousPart.endsWithMarker()
        && !previousPart.units().isEmpty() && u0.isProse() && u0.leadIn == 0) {
      // The part before ended at a sentence end inside a kept cut it repeats, and this one says
      // what that kept cut says next and goes further ("ש 増水 bridge Brücke 76-1-0. " in "ש 増水
      // bridge Brücke 76-1-0. river Brücke Fluss 76-1-1. sa", then "river Brücke Fluss 76-1-1.
      // sandbags mill ..."): the two together are that cut's fuller version.
      // A piece that is kept text elsewhere must say more of the kept cut than the letter it
      // stopped after (37142: "... 142-0-2. m", then a restart from the document's start, "mill
      // river ..."); new text may go on from that letter ("... 311-3-0. b", then "bridge ...").
      Unit before = previousPart.last();
      Slot at = before.removal != null && before.image != null ? Doc.live(before.image) : null;
      if (at != null && at.real && at.unit != null && at.unit.incomplete()
          // A piece that says the kept cut again from its start is a restart of it, however the
          // cut's last letters start the piece too (783409: "sandbags ... 409-2-0. sandbags road
          // ..." after "sandbags ... 409-2-0. ", in the kept cut "sandbags ... 409-2-0. sandb").
          && !Keys.startsWithCut(u0.key, at.unit.key)
          // ... or that says the kept cut's opening sentence again, as the part before did
          // (2016971: "sandbags ... 971-0-0." after "sandbags ... 971-0-0." in the kept cut
          // "sandbags ... 971-0-0. sandbags"): a second restart, not the rest.
          && !(Texts.endsSentence(u0.key) && at.unit.key.startsWith(u0.key + " "))
          && (snapTargets[0] == null
              || at.unit.key.length() - at.unit.key.lastIndexOf(before.key) - before.key.length()
                  > options.minOverlap()
                  && !sentenceKeptElsewhere(u0, snapTargets[0], at))
          && keptSaysRest(before, u0)) {
        before.spaceBeforeMarker = previousPart.spaceBeforeMarker();
        if (join(before, u0, 0)) {
          restartPart = false;
          return 0;
        }
      }
    }
    // A lead-in that holds the cut before it whole ("…23-6-0. Deich 👨‍👩 Brücke ..." after the cut
    // "Deich 👨‍👩") matches the cut as a fuller version of it, but it is the continuation, with
    // words it repeats to be found below.
    boolean leadInOverCut =
        u0.leadIn > 0 && u0.isProse() && lastPartCut != null && snapTargets[0] != null
            && (snapTargets[0].unit == lastPartCut
                || sameSentence(snapTargets[0].unit, lastPartCut)
                || lastPartCut.removal != null && snapTargets[0] == lastPartCut.image
                // ... or in the kept sentence after it, when it starts with the cut's last words
                // and reads on past that sentence's end ("…ll 橋 増水 flood 663-2-0. mill ..."
                // after the cut "ם mill 橋 増水 flood 66" in "... 663-2-0.").
                // ... or a few kept sentences on, when it says each one between whole (2040622:
                // "… 622-0-0. ם Fluss ... 622-0-1. road river ... 622-0-2." after the cut "...
                // 622-0-0" in "... 622-0-0.", then "ם Fluss ... 622-0-1." and the kept cut "road
                // river ... ש 622").
                || lastPartCut.removal != null && lastPartCut.image != null
                    && (snapTargets[0] == Doc.live(lastPartCut.image).next
                        || saysKeptBetween(u0, Doc.live(lastPartCut.image), snapTargets[0]))
                    && (overlap(lastPartCut, u0) >= options.minOverlap()
                        // ... also from the sentence before the cut (714519: "…19-3-0. 橋 川 ש 堤坝
                        // 519-3-1. bridge ..." after "... 519-3-0." and the cut "橋 川 ש").
                        || overlapAcross(lastPartCut, u0) >= options.minOverlap()));
    // Likewise a lead-in only like a kept cut because it says that cut's end and goes on (1549256:
    // "…のう 256-0-0. river ... 256-0-3." over the kept cut "river 土のう ... 256-0-0. river ...
    // 256-0-3", after a part that stopped at "256-0-0. "): it continues that cut, found below
    // among the open cuts.
    boolean leadInOverKeptCut =
        u0.leadIn > 0 && u0.isProse() && snapTargets[0] != null
            && snapTargets[0].unit != null && snapTargets[0].unit.slot == snapTargets[0]
            && snapTargets[0].unit.incomplete()
            && overlap(snapTargets[0].unit, u0) >= options.minOverlap()
            && likeKeptCutAsAWhole(u0, snapTargets[0].unit);
    // A piece that opens with a joiner or a combining mark finishes the cut's last cluster
    // ("volunteers 👨" + "\u200D👩 ..."): whatever kept text it also lies in, it is the rest.
    // After a cut that stopped on a joiner ("👨‍👩 👨\u200D"), a piece that opens with an emoji of
    // its own may finish the cluster too, unless it says a kept sentence again from its start:
    // then the part restarts (38070, whole; 14717, cut again), and the joiner's emoji went with
    // the cut.
    boolean finishesCluster =
        lastPartCut != null && u0.leadIn == 0 && u0.isProse() && !startsWithSpace(u0)
            && lastPartCut.splitsClusterWith(u0)
            && !(opensWithOwnCluster(u0) && snapTargets[0] != null
                && restartsKeptUnit(u0));
    // A piece found as a fuller version of the very cut it follows, a cut that is not its part's
    // first unit, though what it says before the cut's words is not what the kept text says
    // there, only says those words again further on ("l Fluss river road 👨‍👩 mill 728-6-0." after
    // the cut "👨‍👩 mil" that opens a paragraph; "ge Fluss bridge river ..." after "... 927-5-1.
    // Fluss brid", 33927): it is no version of the cut, and may be its rest. (A part's first unit
    // may read on from text before it that the kept text no longer holds: not that, unless the
    // piece opens inside the cut's last token, where no restart opens: 1130985, "-0. river ...
    // 堤坝 flood 985-0-1." after the document's first unit, the cut "👨‍👩 堤坝 flood 985-0".)
    boolean saysCutFurtherOn = snapTargets[0] != null && lastPartCut != null
        && (lastPartCut.pos > 0 || opensInsideToken(lastPartCut, u0))
        && (snapTargets[0].unit == lastPartCut && lastPartCut.slot == snapTargets[0]
            // ... or of the kept cut it repeats (232591: "e ם road é bridge bridge ..." after
            // "bridge bridg", a restart's cut that repeats the kept one)
            || lastPartCut.removal != null && lastPartCut.image != null
                && Doc.live(lastPartCut.image) == snapTargets[0]
                && snapTargets[0].unit.incomplete()
                && snapTargets[0].unit.key.equals(lastPartCut.key))
        && !Keys.startsWithCut(u0.key, lastPartCut.key)
        && !saidBeforeIn(u0.key, lastPartCut.key, snapTargets[0].prev)
        && match(u0).relation() == Match.Relation.FULLER
        // Not a restart that says the kept paragraph's opening phrase twice, where a cut after
        // that phrase was read on as overlap (1194837: "mill 増水 mill 増水 橋 ש 837-1-0. ..." over
        // the kept "mill 増水 橋 ש 837-1-0. ... flood Deich", joined after "mill 増水 "): it is that
        // paragraph's fuller version, as keptWithPhraseOnce finds.
        && !(u0.blockStart && keptWithPhraseOnce(u0) == snapTargets[0]);
    // A piece that opens with a space right after a cut that did not end in one goes on from the
    // cut's last word, though it says that word again and so holds the whole cut (20633: "
    // sandbags Deich ... 633-4-0." after the one-word line "sandbags"): a restart opens where a
    // paragraph opens, never with a space.
    boolean spaceAfterWord = snapTargets[0] != null && lastPartCut != null
        && lastPartCut.markedCut && !lastPartCut.spaceBeforeMarker && u0.isProse()
        && startsWithSpace(u0);
    boolean restAfterWord = spaceAfterWord && snapTargets[0].unit == lastPartCut
        && match(u0).relation() == Match.Relation.FULLER;
    // Likewise a part that is only a cut opening with a space, after a cut that stopped right
    // after a word: the words that follow that word, whatever sentence away from the reader they
    // also start (2886019: "... 磨坊 河水" then " Fluss council counc", found opening "Fluss
    // council council river ... 19-0-1." two sentences back, then "… Fluss council council 橋 川
    // mill 19-1-2. ...").
    boolean restAfterSpace = spaceAfterWord && u0.leadIn == 0 && units.size() == 1
        && u0.incomplete() && snapTargets[0].unit != lastPartCut && head.real
        && head.unit == lastPartCut && Doc.live(snapTargets[0]) != head
        && Doc.live(snapTargets[0]) != head.next;
    if (restartedCutParagraph(lastPartCut, u0) != null) {
      return -1;
    }
    if (snapTargets[0] != null && !leadInOverCut && !leadInOverKeptCut && !finishesCluster
        && !saysCutFurtherOn && !restAfterWord && !restAfterSpace) {
      // A piece found inside kept text may still continue the cut: when it only lies inside a
      // kept sentence (it starts mid-sentence) and the cut completed by it is new text.
      if (lastPartCut == null || u0.leadIn > 0 || !lastPartCut.markedCut) {
        return -1;
      }
      Match m0 = match(u0);
      boolean near = m0.relation() == Match.Relation.NEAR;
      if ((m0.relation() == Match.Relation.FULLER || near) && lastPartCut.image != null
          && (Doc.live(lastPartCut.image) == m0.target()
              || m0.relation() == Match.Relation.FULLER
                  && Doc.live(lastPartCut.image).next == m0.target()
                  && Doc.live(lastPartCut.image).unit.incomplete())
          && (keptSaysRest(lastPartCut, u0) || keptSaysRestAcross(lastPartCut, u0))
          && !saysCutAgainFromKeptStart(lastPartCut, u0, m0.target())) {
        // ... or when it says the rest of the kept cut that cut lay in and goes further (" ם
        // Deich ש mill 39-0-2. ... 39-0-3." after the cut "川 河水" inside the kept cut "川 河水
        // ם Deich ... 39-0-3"): together they are that cut's fuller version. Not when it says the
        // cut again from where both start, a phrase long: then it restarts the sentence (106159:
        // "volunteers mill sandbags ם road river road volunteers é ..." after the cut "volunteers
        // mill sandbags ם road river road " at the start of the kept "... road volunteers").
        // Also when it was found as the fuller version of the kept cut right after that one, which
        // the first kept cut's end says again (1020597: "ich volunteers ... 597-2-2. mill flood ם
        // Brücke sandbags ... 597-2-3." after the cut "👨‍👩 De" in the kept "👨‍👩 Deich ... 597-2-2.
        // mill flood ם B", the kept cut "mill flood ם Brücke san" next): it completes both.
        if (!join(lastPartCut, u0, 0)) {
          return -1;
        }
        restartPart = false;
        return 0;
      }
      if (m0.relation() == Match.Relation.FULLER && lastPartCut.removal != null
          && keptEndSaid(cutEnd(lastPartCut), u0.key) != null) {
        // ... or when it says the end of the kept sentence its cut lay in, and then a fuller
        // version of a kept cut ("9-2-0. Fluss ... river é 199-2-1." after the cut "... 19" in
        // "... 199-2-0.", the kept cut "Fluss ... river e" next): the end is that cut's rest,
        // and only what follows replaces the kept cut.
        if (!join(lastPartCut, u0, 0)) {
          return -1;
        }
        restartPart = false;
        return 0;
      }
      if (m0.relation() != Match.Relation.COVERED && !near
          || Keys.startsWithCut(m0.target().unit.key, u0.key)
          || m0.relation() == Match.Relation.COVERED && u0.key.startsWith(m0.target().unit.key)
          || m0.relation() == Match.Relation.COVERED
              && saysAfterDoubledWord(m0.target().unit.key, u0.key)) {
        // A piece that starts where a kept sentence starts is a restart cut short, not the
        // middle of a sentence: also one that says that sentence whole and reads on into the next
        // ("é 増水 ... 661-4-1. sandbags ... 橋 661-" over two kept sentences, after the cut
        // "堤坝 Brücke road 66", which a lower-case letter would otherwise seem to go on).
        return -1;
      }
      String whole = Keys.key(lastPartCut.text() + u0.text());
      Match mw = doc.match(whole, head, options.nearSimilarity());
      boolean repeated =
          mw.relation() == Match.Relation.EXACT || mw.relation() == Match.Relation.COVERED;
      if (near && repeated && keptEndSaid(cutEnd(lastPartCut), u0.key) != null) {
        // The piece is only like kept text because it opens with the end of the kept sentence
        // its cut lay in (44405: ". 土のう river ... 堤坝" after the cut "... 405-0-1" in "...
        // 405-0-1."); joined, the two are found as the repeat they are.
        if (!join(lastPartCut, u0, 0)) {
          return -1;
        }
        restartPart = false;
        return 0;
      }
      if (near && !(mw.relation() == Match.Relation.FULLER && mw.target() == m0.target()
          && cutLike(mw.target().unit))) {
        // A piece only like a kept sentence ("unteers ... the bridge." beside the kept cut
        // "Volunteers ... and the") continues the short cut before it ("Vol") when the two
        // together complete that kept cut.
        return -1;
      }
      boolean kept = lastPartCut.slot != null && lastPartCut.slot.unit == lastPartCut;
      if (repeated && !(kept && lastPartCut.splitsClusterWith(u0))) {
        // Both pieces repeat kept text: the piece goes as a repeat, and so did the cut, unless
        // the cut was kept because it stopped inside a cluster ("e" | "\u0301 ..."): joined,
        // the two are found as the repeat they are.
        return -1;
      }
      int ov0 = overlap(lastPartCut, u0) >= options.minOverlap() ? overlap(lastPartCut, u0) : 0;
      // With no words in common, the piece must read as the cut's rest, as below: a context line
      // that starts with a heading ("# 3.4. The system ...") does not go on "... snippets".
      if (ov0 == 0 && !directJoin(lastPartCut, u0) || !join(lastPartCut, u0, ov0)) {
        return -1;
      }
      restartPart = false;
      return 0;
    }
    if (u0.leadIn > 0 && u0.isProse()) {
      // The most recent open cuts only: a lead-in repeats the words before a cut the pipeline
      // has just made, while cuts that nothing continues pile up, and every lead-in after them
      // would be compared with each of them.
      // The part just before stopped at a sentence end: a lead-in that repeats that end at least
      // as far as it repeats an older open cut is its continuation (9309: "…309-7-3." after
      // "... 橋 309-7-3.", not after the old cut "... volunteers 309-").
      int endOv = lastPartCut == null && previousPart != null && !previousPart.units().isEmpty()
          ? overlap(previousEnd(), u0) : 0;
      int scanned = 0;
      boolean breaksLine = leadInBreaksLine(u0);
      for (java.util.Iterator<Unit> it = cuts.iterator(); it.hasNext() && scanned++ < MAX_WALK; ) {
        Unit cut = it.next();
        if (cut != lastPartCut && cut.removal != null
            && cut.removal.kind() == ChangeKind.REPLACED_BY_FULLER) {
          // A fuller version already says how this older cut goes on (238286: "... mill Fluss
          // sandbags", then a restart that said it and more; a lead-in "…\n\nsandbags road ..."
          // after the later cut "san" is no rest of it).
          continue;
        }
        int ov = seamKeepsCase(cut, u0, overlap(cut, u0));
        if (ov >= options.minOverlap() && ov <= endOv) {
          continue;
        }
        // A lead-in that breaks the line repeats a paragraph's start ("…\n\nbridge sandbags ..."
        // after the one-word paragraph cut "bri"): only a cut that opens its paragraph, said
        // whole, is where it goes on, however short; not one that ends in the same letters inside
        // a paragraph (1205889: "... council bridg", an older restart's cut).
        boolean saysParagraphCut = ov > 0 && cut.blockStart && ov == cut.key.length();
        if (breaksLine && ov > 0 && !saysParagraphCut) {
          continue;
        }
        if (cut == lastPartCut && ov > 0 && saysCutWordTwiceAsInput(cut, u0, ov)) {
          return join(cut, u0, 0) ? 0 : -1;
        }
        if (ov >= options.minOverlap() || ov > 0 && leadInOpensWithCutMark(cut, u0, ov)
            || cut == lastPartCut && leadInRepeatsWholeWords(cut, u0, ov)
            || breaksLine && saysParagraphCut) {
          // The lead-in's repeated words may run on past its first unit, a longer overlap than the
          // few chars that happen to end the cut and start that unit (17815: "…磨坊 815-1-0. 磨坊 ם
          // 磨坊 815-1-1." after "... 磨坊 815-1-0. 磨坊 ם 磨坊 81", which also ends in "磨坊 81").
          // Asked first: the kept cut's end may start that unit too, by fewer words (1716000: "…
          // bridge 0-7-0. 河水 ם bridge ..." after "... flood bridge 0-7-0. 河水 ם brid", in the
          // kept cut "河水 ם bridge ... 土のう bridge 0-7").
          int j = spanningOverlap(cut);
          if (j >= 0) {
            return j;
          }
          if (leadInCompletesKeptCut(cut, 0, ov)) {
            return 0;
          }
          // The lead-in may say more than the cut: the sentence before it too ("… 👨‍👩 859-3-0. 川
          // 👨‍👩 Deich ..." after "... 859-3-0. 川 👨‍👩", where the emoji alone also ends the cut).
          return join(cut, u0, Math.max(ov, overlapAcross(cut, u0))) ? 0 : -1;
        }
        int j = spanningOverlap(cut);
        if (j >= 0) {
          return j;
        }
        int across = overlapAcross(cut, u0);
        if (across >= options.minOverlap()) {
          if (leadInCompletesKeptCut(cut, 0, across)) {
            return 0;
          }
          return join(cut, u0, across) ? 0 : -1;
        }
      }
      if (lastPartCut == null && previousPart != null && !previousPart.units().isEmpty()) {
        // The part before stopped at a sentence end, and the lead-in repeats that end ("…9-4-0."
        // after "... mill 19-4-0."): the whole lead-in line is overlap.
        Unit before = previousEnd();
        int ov = overlap(before, u0);
        // ... or repeats it and reads on in the same sentence ("…l council 86-6-2. river ...",
        // one sentence to ICU): the overlap ends where the part before ended.
        if (ov >= options.minOverlap()) {
          return join(before, u0, ov) ? 0 : -1;
        }
        // ... or reaches back past that sentence's start into the one before it on its line
        // (26778: "…. Deich ם ם 778-3-1. volunteers ..." after "... 778-3-0. Deich ם ם 778-3-1.").
        int across = overlapAcross(before, u0);
        if (across >= options.minOverlap()) {
          return join(before, u0, across) ? 0 : -1;
        }
        int j = leadInOverWholeEnd(previousPart.units());
        if (j >= 0) {
          return j;
        }
      }
      int ov = lastPartCut != null ? overlap(lastPartCut, u0) : 0;
      if (lastPartCut != null
          && (saysCutWordAgain(lastPartCut, u0, ov) || saysCutClusterAgain(lastPartCut, u0, ov))) {
        // A lead-in with no words of the cut, then its last word whole ("cou" then "…\n\ncouncil
        // Fluss ...", 48084), as below.
        return join(lastPartCut, u0, ov) ? 0 : -1;
      }
      Unit endBefore = lastPartCut != null ? keptEndBeforeParagraphCut(lastPartCut, u0) : null;
      if (endBefore != null
          && join(lastPartCut, units.get(1), lastPartCut.key.length())) {
        // A lead-in line that says only the end of the kept sentence before a cut that opens its
        // paragraph, followed by that paragraph said again from its start, repeats the words
        // before the cut and then restarts the paragraph (3074413: "…." after "... 413-0-0." and
        // the cut "é", then "é é flood ..."): the line is overlap, and the paragraph is the cut's
        // rest, not a sentence of its own after "é.".
        consumeAsOverlap(0, endBefore);
        restartPart = false;
        return 1;
      }
      return lastPartCut != null && join(lastPartCut, u0, 0) ? 0 : -1;
    }
    if (lastPartCut == null) {
      return -1;
    }
    // A piece that opens with the mark of the letter the cut ends with goes on from the very char
    // the cut stopped at, so it repeats nothing, however its words read like the cut's end
    // (123724: "土のう flood e" then "\u0301 flood é sandbags", where the text has "flood" twice).
    // So does one that opens with the low half of a surrogate pair whose high half the cut ends
    // with (1524099: "ש 橋 👨‍👩 \uD83D" then "\uDC68\u200D👩 👨‍👩 99-2-3."): read as overlap,
    // its words said again, it left the high half alone in the text.
    boolean finishesCut = finishesLetter(lastPartCut, u0) || finishesPair(lastPartCut, u0);
    // Likewise a piece that opens with the rest of the cut's last word, as the input spells that
    // word ("bridg" then "e Brücke ... 923-1-3.", 54923): a later unit of it that says the cut's
    // last words again ("volunteers bridge Brücke ...") is a new sentence, not where it goes on.
    // Likewise a piece that reads on directly from a cut that stopped between words ("... council
    // sandbags " then "969-3-0. 増水 ...", 62969; "... bridge volunteers" then " 510-1-1. ...",
    // 80510): a later unit that says the cut's last words again ("council sandbags river ..." a
    // paragraph on) only opens like them.
    boolean readsOnBetweenWords = (lastPartCut.spaceBeforeMarker || startsWithSpace(u0))
        && u0.isProse() && directJoin(lastPartCut, u0);
    // Likewise a piece that opens with a letter or digit right after a cut inside a token ("...
    // council 243-" then "2-0. Brücke ...", 483243): a later unit that says the cut's last words
    // again ("é é council 243-4-0.") is another sentence.
    boolean restOfToken = midToken(lastPartCut) && u0.leadIn == 0 && u0.textLength() > 0
        && UCharacter.isLetterOrDigit(u0.codePointAt(0))
        // ... or digits right after a cut that stopped on a digit, the number read on (804555:
        // "... Deich 河水 5" then "55-5-1. road ...", where a later paragraph opens "river Deich
        // 河水 555-6-0.", the cut's last words and a number that starts alike).
        || endsWithDigit(lastPartCut) && u0.leadIn == 0 && u0.textLength() > 0
            && UCharacter.isDigit(u0.codePointAt(0))
        // ... or a hyphen or stop that goes on the token the cut stopped in (1896420: "👨‍👩 Deich
        // Deich 橋 420-0" then "-0. 👨‍👩 river ... 420-0-1. Deich Deich 橋 420-0-2. ...", which
        // says the cut's words again a sentence on).
        || opensInsideToken(lastPartCut, u0);
    int scan = finishesCut ? 0
        : spellsCutWordOn(lastPartCut, u0) || readsOnBetweenWords || restOfToken ? 1 : 3;
    for (int k = 0; k < Math.min(scan, units.size()); k++) {
      if (snapTargets[k] != null) {
        break;
      }
      if (!units.get(k).isProse()) {
        // Code and tables never continue a sentence.
        continue;
      }
      // Past the first unit, the words the continuation picks the cut up with must say more than
      // a word that also opens the next paragraph ("... bridge sandbags" and " 37-0-2. ...
      // \n\nsandbags Deich ..."): 003 line 151 picks up a whole 24-char phrase.
      // Counted in code points: with no lead-in to say that words repeat, one emoji (two
      // surrogate pairs) said again after a cut is the next word, as often as not ("road 👨‍👩 "
      // then "👨‍👩 土のう ...", where the text has the emoji twice).
      // Likewise a cut that stopped between words ("... council volunteers " or " volunteers
      // flood ...") goes on with a new word, often the same one ("volunteers volunteers"): only a
      // phrase said again is overlap there.
      boolean betweenWords = k == 0 && (lastPartCut.spaceBeforeMarker || startsWithSpace(u0));
      int ov = overlap(lastPartCut, units.get(k));
      if (startsInsideWord(sentenceKey(lastPartCut), units.get(k).key, ov)
          || startsInsideSpacedRun(sentenceKey(lastPartCut), units.get(k).key, ov)) {
        // With no lead-in, words said again start where a word does: "volunteers sandbag" then
        // "s sandbags 土のう ..." (35726) goes on with the word's last letter, and the same
        // letters ending "volunteer|s sandbag" are no overlap.
        ov = 0;
      }
      int said = units.get(k).key.codePointCount(0, ov);
      // A piece that opens with all of a cut of several words that opened its paragraph says the
      // paragraph again from its start (130881: "橋 Fluss " then "橋 Fluss ם Brücke ... 881-3-0.
      // ..."), however few chars that is, fewer than minOverlap too (222632: "é ם" then "é ם 橋
      // 川 ..."); one word said twice may be the text's. So may a paragraph of one word too short
      // to be overlap by length, if it stopped with no space, the piece says it whole, and the two
      // read on directly spell a word the input spells nowhere near (2232001: "é" then "é river
      // river ...": "éé"), as a longer word ("Deich" then "Deich river ...") is overlap by its
      // length.
      boolean saysParagraphStart = k == 0 && lastPartCut.blockStart
          && ov == lastPartCut.key.length() && ov < units.get(k).key.length()
          && (lastPartCut.key.indexOf(' ') > 0
              || !betweenWords && units.get(k).key.charAt(ov) == ' '
                  && !spelledNearby(lastPartCut, u0, wordAcross(lastPartCut, u0),
                      NEARBY_FRAGMENTS));
      if (said >= (k == 0 && !betweenWords
          ? options.minOverlap() : Math.max(options.minOverlap(), 2 * Doc.K))
          || saysParagraphStart) {
        return join(lastPartCut, units.get(k), ov) ? k : -1;
      }
      if (k == 0 && !betweenWords && saysCutWordAgain(lastPartCut, u0, ov)) {
        // Too short to be overlap by length, but the piece says the cut's last word again whole
        // and goes on with it ("fl" then "flood é 河水 ...", 37726): "flflood" is spelled nowhere.
        return join(lastPartCut, u0, ov) ? 0 : -1;
      }
    }
    if (restartsCutInsideCluster(lastPartCut, u0)) {
      return -1;
    }
    if (u0.isProse() && (!u0.listItemStart || midToken(lastPartCut))
        && (directJoin(lastPartCut, u0) || keptSaysRest(lastPartCut, u0, true))
        && !restartCutInsideLetter(u0)
        && !restartsKeptUnitWithNext(u0)
        && !restartsCutWithNext(u0)
        && join(lastPartCut, u0, 0)) {
      return 0;
    }
    return -1;
  }

  /**
   * Whether the part's first unit, a whole sentence that opens a line, and the unit after it say
   * a kept unit again from its start ({@link #startOfUnitSaidNext}, as step() asks it later): the
   * part restarts that unit. The index finds the second there, but not always the first, when it
   * is shorter than {@code K + W - 1} chars and lies at the start of a unit that holds more, a
   * cut and its rest joined (2276739: "ש 川 ם 739-2-0. 橋 mill ... sandbags cou" over the kept "ש
   * 川 ם 739-2-0" + ". 橋 mill ... 739-2-2.", after the cut "Deich bridge ש 河水 川 "); found
   * nowhere, it seemed to read on the cut before it.
   */
  private boolean restartsKeptUnitWithNext(Unit u0) {
    return u0.blockStart && u0.leadIn == 0 && !u0.incomplete() && snapTargets[0] == null
        && units.size() > 1 && units.get(1).block == u0.block
        && !startOfUnitSaidNext(0).isNone();
  }

  /**
   * Whether the part's first unit, a whole sentence that opens a line, says the cut's opening
   * sentence again and the unit after it reads on along the rest of the cut: the part restarts
   * the cut, a paragraph a join made of a cut and the piece that read it on. Too short for the
   * index ({@code K + W - 1} chars) at the start of that joined unit, the sentence was found
   * nowhere and read on the cut as more words (2692000: "磨坊 ש ם 0-1-0." then "橋 ש Deich bridge
   * é volunteers ...", over the kept "磨坊 ש ם 0-" + "1-0. 橋 ש Deich bridge é "): the paragraph
   * twice.
   */
  private boolean restartsCutWithNext(Unit u0) {
    if (!u0.blockStart || u0.leadIn > 0 || u0.incomplete() || snapTargets[0] != null
        || !lastPartCut.blockStart) {
      return false;
    }
    return opensAndReadsOn(0, lastPartCut);
  }

  /**
   * Whether unit {@code i} says the opening sentence of {@code kept} and the part's next unit,
   * in the same block, reads on along the rest of it (says it and goes on, or stops inside it).
   */
  private boolean opensAndReadsOn(int i, Unit kept) {
    if (i + 1 >= units.size() || units.get(i + 1).block != units.get(i).block) {
      return false;
    }
    String key = kept.key;
    Unit u = units.get(i);
    int opening = u.key.length() + 1;
    if (key == null || key.length() <= opening || key.charAt(opening - 1) != ' '
        || !key.startsWith(u.key)) {
      return false;
    }
    String rest = key.substring(opening);
    String next = units.get(i + 1).key;
    return Keys.startsWithCut(next, rest) || Keys.startsWithCut(rest, next);
  }

  /**
   * How restart {@code u}, a paragraph's first sentence matched as {@code m}, reads once it
   * settles the seam of a paragraph cut after one word and read on by a piece that opened with
   * that word again: a word said twice or once, which only a restart tells.
   *
   * <table>
   *   <caption>Restarts that settle the seam</caption>
   *   <tr><th>kept opening</th><th>restart</th><th>then</th></tr>
   *   <tr><td>"w w ..." (seam read as new text)</td><td>"w ...", whole, inside it</td>
   *       <td>the cut's w goes as overlap; the restart repeats the opening (469566)</td></tr>
   *   <tr><td>"w w ..."</td><td>"w ...", cut or whole, reading on past it</td>
   *       <td>the same; the restart is its fuller version (39994)</td></tr>
   *   <tr><td>"w ..." (seam read as overlap)</td><td>"w w ...", whole</td>
   *       <td>the restart is its fuller version (516809)</td></tr>
   * </table>
   *
   * A restart cut short inside the kept opening settles nothing: it may stop before the words
   * that tell the two readings apart (83241).
   */
  private Match settleOpeningSeam(Unit u, Match m) {
    if (m.relation() == Match.Relation.COVERED && !u.incomplete()
        && saysAfterDoubledWord(m.target().unit.key, u.key) && dropDoubledWord(m.target())) {
      return new Match(Match.Relation.EXACT, m.target(), m.target(), 1.0);
    }
    if (!m.isNone()) {
      return m;
    }
    Slot t = u.incomplete() ? null : keptAfterFirstWord(u);
    if (t == null) {
      t = keptWithFirstWordTwice(u);
      if (t != null && !dropDoubledWord(t)) {
        t = null;
      }
    }
    if (t == null) {
      t = keptWithPhraseOnce(u);
    }
    return t == null ? m
        : new Match(Match.Relation.FULLER, t, t, (double) t.unit.key.length() / u.key.length());
  }

  /**
   * {@code m}, or the kept sentence inside a paragraph that {@code u} says with a phrase twice
   * where a join read that phrase as overlap ({@link #keptWithPhraseOnce}; 1020597: "👨‍👩 Deich
   * volunteers Fluss " then "volunteers Fluss river 597-2-1. ...", and the restart "... 597-2-0.
   * 👨‍👩 Deich volunteers Fluss volunteers Fluss river 597-2-1. ..."): {@code u} is its fuller
   * version.
   */
  private Match phraseOnceInside(Unit u, Match m) {
    Slot t = keptWithPhraseOnce(u);
    return t == null ? m
        : new Match(Match.Relation.FULLER, t, t, (double) t.unit.key.length() / u.key.length());
  }

  /** Words of a phrase said twice in a row that {@link #keptWithPhraseOnce} looks for. */
  private static final int MAX_PHRASE_WORDS = 3;

  /**
   * Phrases said twice in a row that {@link #keptWithPhraseOnce} looks at in one unit: periodic
   * text ("la la la ...") says one at every word.
   */
  private static final int MAX_PHRASES_TRIED = 4;

  /**
   * The kept block the reader reads next, when block {@code i} says it whole and the part's unit
   * before went as a repeat of the kept unit at the head: a restart of a list whose first version
   * abridged an item to its number (zh-4.6: "1. 将硬盘 ...", "2." and "3. 用读写访问挂载根分区。",
   * then a restart saying "2. 使用紧急介质启动系统 ..."). Too short for the index, the kept
   * item is found where the reader stands; null otherwise.
   */
  private Slot abridgedAtReader(int i) {
    Unit u = units.get(i);
    Slot kept = head.next;
    if (!u.blockStart || !u.isProse() || !repeatAtHead(i - 1) || !kept.real || kept.unit == null
        || !kept.unit.blockStart) {
      return null;
    }
    String opening = kept.unit.key;
    return opening.length() < Doc.K + Doc.W - 1 && opensWithWords(u, opening) ? kept : null;
  }

  /**
   * The kept block a part's first block says whole, when the kept one is only its opening and the
   * part's next block is found in the kept block right after it: a restart of a list whose first
   * version abridged an item to its number (en-2.6.6: "1." and the cut "2. Mount the unbootable
   * sys", then "1. Boot the system ..." and "2. Mount the unbootable system ..."). Too short for
   * the index, the kept opening is found through its neighbour; null otherwise.
   */
  private Slot abridgedOpening() {
    if (part.index() == 0 || units.size() < 2 || snapFirst[1] == null) {
      return null;
    }
    Unit u = units.get(0);
    Unit next = units.get(1);
    Slot at = Doc.live(snapFirst[1]);
    Slot kept = at.prev;
    if (!u.blockStart || !next.blockStart || !u.isProse() || !at.real || !kept.real
        || kept.unit == null || !kept.unit.blockStart || !at.unit.blockStart) {
      return null;
    }
    // The next block says the kept one again from its start: whole, completed or cut again.
    boolean nextSaysKept = Keys.startsWithCut(next.key, at.unit.key)
        || at.unit.key.startsWith(next.key);
    return nextSaysKept && opensWithWords(u, kept.unit.key) ? kept : null;
  }

  /** Whether {@code u} says {@code opening}, a kept key, and then more words after a space. */
  private static boolean opensWithWords(Unit u, String opening) {
    return !opening.isEmpty() && u.key.length() > opening.length() + 1
        && u.key.startsWith(opening) && u.key.charAt(opening.length()) == ' ';
  }

  /**
   * The kept paragraph opening that restart {@code u} says with a phrase twice where the kept one
   * says it once, at the seam it was joined across (for a {@code u} inside a paragraph, the kept
   * sentence there that a cut opened): a cut that ended with the phrase, read on by a piece that
   * opened with it, was read as overlap ("... ש volunteers sandbags " then
   * "volunteers sandbags 川 338-1-0. ...", and the restart "... ש volunteers sandbags volunteers
   * sandbags 川 338-1-0. ..."). The restart, which reads at least as far, is its fuller version.
   * Likewise when that piece was read as a restatement that replaced the cut (731863: "Deich ם ם "
   * then "Deich ם ם Fluss ...", and the restart "Deich ם ם Deich ם ם Fluss ..."). Null otherwise
   * (322338).
   */
  private Slot keptWithPhraseOnce(Unit u) {
    SplitMap<Unit> cutsByKey = u.blockStart ? openingCuts : innerCuts;
    Set<Integer> cutLengths = u.blockStart ? openingCutLengths : innerCutLengths;
    if (cutsByKey.isEmpty()) {
      return null;
    }
    // Where each word starts in the key (and one past its end), so that comparing and cutting
    // phrases costs no string per word: this runs for every unit once cuts are kept.
    int words = wordStarts(u.key);
    int[] at = wordAt;
    int tried = 0;
    for (int len = 1; len <= MAX_PHRASE_WORDS; len++) {
      for (int i = 0; i + 2 * len <= words && tried < MAX_PHRASES_TRIED; i++) {
        if (!cutLengths.contains(at[i + len] - 1) || !saidTwice(u.key, at[i], at[i + len] - 1)) {
          continue;
        }
        tried++;
        String head = u.key.substring(0, at[i + len] - 1);
        Unit cut = cutsByKey.get(head);
        if (cut == null) {
          continue;
        }
        String once = head + u.key.substring(at[i + 2 * len] - 1);
        Match r = doc.match(once, this.head, options.nearSimilarity());
        Slot t = r.target();
        // Covered too: the restart may read on into the kept text after that sentence.
        if ((r.relation() == Match.Relation.EXACT || r.relation() == Match.Relation.FULLER
                || r.relation() == Match.Relation.COVERED)
            && t.unit.blockStart == u.blockStart && t.unit.slot == t && once.startsWith(t.unit.key)
            && (t.unit.pieceCount() >= 2 && seamAfter(t.unit, head)
                || cut.removal != null && cut.removal.kind() == ChangeKind.REPLACED_BY_FULLER
                    && Doc.live(cut.removal.keptAt()) == t)) {
          return t;
        }
      }
    }
    return null;
  }

  /**
   * {@code m}, or the kept unit the reader would read next (or the one {@code m} finds near) when
   * restart {@code u} says it as it reads with less of the overlap removed at its first seam, and
   * not as it reads now: the words there were the text's own said again, which only a restart
   * tells (582167: "増水 磨坊" then " 増水 磨坊 川 ... 167-1-0. ...", and the restart, cut, "増水
   * 磨坊 増水 磨坊 川 ... road rive"; 1086110: "土のう 土" then "のう 土のう 110-0-1.", read as
   * "土のう 土のう 110-0-1.", and the restart "土のう 土のう 土のう 110-0-1."; 368139: "... Fluss
   * Flus" then "… Fluss Fluss é ...", where the overlap was "Flus", not "Fluss Flus"). What was
   * not overlap goes back into the kept unit, and {@code u} repeats it.
   */
  private Match settleOverlapSeam(Unit u, Match m) {
    if (part.index() == 0 || !u.isProse()) {
      return m;
    }
    Slot t = settles(u, head.real ? head.next : null);
    if (t == null && m.relation() == Match.Relation.NEAR && m.target() != head.next) {
      t = settles(u, m.target());
    }
    if (t == null) {
      // A restart that opens a part, away from the reader: the kept unit that says its words up
      // to the phrase it says again (overlap is only ever ambiguous where the text repeats).
      String before = beforeRepeatedPhrase(u.key);
      if (before != null && before.length() >= 2 * Doc.K) {
        Match r = doc.match(before, head, options.nearSimilarity());
        if ((r.relation() == Match.Relation.EXACT || r.relation() == Match.Relation.COVERED)
            && r.target() != head.next && r.target().unit.key.startsWith(before)) {
          t = settles(u, r.target());
        }
      }
    }
    if (t == null) {
      return m;
    }
    Match.Relation said = u.key.equals(t.unit.key) ? Match.Relation.EXACT
        : Match.Relation.COVERED;
    return new Match(said, t, t, (double) u.key.length() / t.unit.key.length());
  }

  /**
   * {@code m}, or the kept paragraph opening that restart {@code u}, cut short, says with a phrase
   * twice where the kept one says it once because a cut that ended with the phrase was replaced by
   * a piece that opened with it, read as its restatement (1660929: "volunteers " then "volunteers
   * Fluss 929-3-0. ...", and the restart "volunteers volunteers Fluss 929-3-0. river ... river"):
   * the cut goes back in front of that piece, and {@code u} repeats the paragraph so read. A whole
   * restart is the opening's fuller version instead ({@link #keptWithPhraseOnce}); this one stops
   * before the kept opening ends, so it cannot take its place.
   *
   * <p>Likewise inside a paragraph, for a cut that a piece read as its restatement there, when
   * {@code prev}, the unit before {@code u} in its part, repeated the kept sentence right before
   * (2595029: "... 29-5-1. Brücke bridge " then "Brücke bridge flood ...", and the restart "...
   * 29-5-1. Brücke bridge Brücke bridge flood 土のう flood "): where {@code u} stands is then
   * known, and a few chars after the second saying are enough.
   */
  private Match settleRestatedCutSeam(Unit u, Unit prev, Match m) {
    boolean inner = !u.blockStart;
    SplitMap<Unit> cutsByKey = inner ? innerCuts : openingCuts;
    Set<Integer> cutLengths = inner ? innerCutLengths : openingCutLengths;
    // Two sayings of a phrase, a space after each, and 2 * K chars after them: shorter keys (a
    // stream of tiny pieces asks this of every one) cannot say it.
    if (part.index() == 0 || !u.isProse() || cutsByKey.isEmpty()
        || u.key.length() < (inner ? Doc.K : 2 * Doc.K + 3)
        || inner && (prev == null || prev.block != u.block || prev.removal == null
            || prev.image == null)) {
      return m;
    }
    int words = wordStarts(u.key);
    int[] at = wordAt;
    int tried = 0;
    for (int len = 1; len <= MAX_PHRASE_WORDS; len++) {
      for (int i = 0; i + 2 * len <= words && tried < MAX_PHRASES_TRIED; i++) {
        int end = at[i + len] - 1;
        // What follows the second saying must say which reading holds: a restart cut right
        // after it ("河水 河水" over the kept "河水 mill ...", 288031) may be another paragraph.
        int after = u.key.length() - (2 * end - at[i] + 1);
        if (!cutLengths.contains(end) || !saidTwice(u.key, at[i], end)
            || after < (inner ? 1 : 2 * Doc.K)) {
          continue;
        }
        tried++;
        Unit cut = cutsByKey.get(u.key.substring(0, end));
        if (cut == null || cut.removal == null
            || cut.removal.kind() != ChangeKind.REPLACED_BY_FULLER) {
          continue;
        }
        Slot t = Doc.live(cut.removal.keptAt());
        Unit k = t.real ? t.unit : null;
        if (k == null || k.slot != t || !k.isProse() || k.part <= cut.part
            || (inner ? t.sep.indexOf('\n') >= 0 || Doc.live(prev.image) != t.prev
                : !k.blockStart)
            || !k.key.startsWith(cut.key) || Keys.startsWithCut(k.key, u.key)
            || !Keys.startsWithCut(cut.key + " " + k.key, u.key)) {
          continue;
        }
        String oldKey = k.key;
        k.setText(cut.text() + " " + k.text());
        for (int p = cut.pieceCount() - 1; p >= 0; p--) {
          k.addFirstPiece(cut.piece(p));
        }
        k.rekey();
        doc.reindex(t, oldKey);
        // Its chars stand in the kept unit now: no removal of its own to report.
        cut.removal = null;
        cut.consumed = true;
        cut.image = t;
        return new Match(Match.Relation.COVERED, t, t, (double) u.key.length() / k.key.length());
      }
    }
    return m;
  }

  /**
   * The words of {@code key} up to the first phrase of at most {@link #MAX_PHRASE_WORDS} words it
   * says twice in a row, the first saying included; null if it says none.
   */
  private static String beforeRepeatedPhrase(String key) {
    // Read in place: this is asked of every new paragraph opening of a later part.
    for (int i = 0; i < key.length(); ) {
      int end = i;
      for (int len = 1; len <= MAX_PHRASE_WORDS; len++) {
        int space = key.indexOf(' ', len == 1 ? i : end + 1);
        if (space < 0) {
          break;
        }
        end = space;
        if (saidTwice(key, i, end)) {
          return key.substring(0, end);
        }
      }
      int space = key.indexOf(' ', i);
      if (space < 0) {
        break;
      }
      i = space + 1;
    }
    return null;
  }

  /** Readings of one seam that {@link #settles} tries: the overlap shortened to each length. */
  private static final int MAX_OVERLAP_READINGS = 8;

  /**
   * {@code t}, after putting back what {@code u} says was no overlap at its first seam; null, and
   * nothing changes, if {@code u} says no such reading of it.
   */
  private Slot settles(Unit u, Slot t) {
    if (t == null || !t.real || t.unit == null || t.unit.slot != t || t.unit.part >= u.part
        || t.unit.pieceCount() < 2) {
      return null;
    }
    OverlapSeam seam = overlapSeam(t);
    // Whole, the restart may be the kept unit's first sentence, which a join made one with the
    // rest of its paragraph.
    boolean settled = seam != null && settle(t, seam, restored -> u.incomplete()
        ? Keys.startsWithCut(restored, u.key) && !Keys.startsWithCut(t.unit.key, u.key)
        : (restored.equals(u.key) || restored.startsWith(u.key + " "))
            && !t.unit.key.startsWith(u.key));
    return settled ? t : null;
  }

  /**
   * Settles {@code seam} of kept unit {@code t} at the first reading whose key {@code says}
   * holds, if one does: each reading keeps as overlap a start of the piece that the text before
   * the seam also ends with, all of it put back first.
   */
  private boolean settle(Slot t, OverlapSeam seam, Predicate<String> says) {
    String source = fragments.get(seam.fragment());
    int readings = 0;
    for (int kept = 0; kept < seam.to() - seam.from() && readings < MAX_OVERLAP_READINGS;
        kept++) {
      if (kept > 0 && (Character.isLowSurrogate(source.charAt(seam.from() + kept))
          || !seam.cutEndsWith(source, kept))) {
        continue;
      }
      readings++;
      if (says.test(Keys.key(seam.text(source, kept)))) {
        restore(t, seam, kept);
        return true;
      }
    }
    return false;
  }

  /** Seams of one kept unit, from its last, that {@link #settlesLaterSeam} reads anew. */
  private static final int MAX_SEAMS_TRIED = 8;

  /**
   * Whether kept unit {@code t} says {@code whole}, a cut of a restart that went as a repeat of it
   * completed by the piece after, once one of its last seams puts back what it read as overlap; if
   * so that seam is settled so. Says: from the first place that holds the cut's own key {@code
   * cutKey} (empty: from the kept unit's start, for a rest that reads on there after the end of the
   * kept unit before), the same before and after, the kept unit holds the whole, or, a kept cut,
   * stops inside it (the whole is then its fuller version); and did not before. A word the text
   * says again across a seam ("bridge bridge" then "…ridge bridge 427-0-2.", which says "bridge"
   * three times) reads as overlap until a restart says the sentence whole (1710427: "... 橋 ש bridge
   * bridge bridge 427-0-2. ..."; 3042190: "土のう 土" then "のう 土のう ם ...", and the restart's "土のう 土のう
   * 土のう ם ... 190-2-2. ..."). {@link #settles} does this for a restart that opens where the kept
   * unit does, at its first seam.
   */
  private boolean settlesLaterSeam(Unit whole, String cutKey, Slot t) {
    if (t == null || !t.real || t.unit == null || t.unit.slot != t || t.unit.part >= whole.part
        || t.unit.pieceCount() < 2 || !whole.isProse()) {
      return false;
    }
    Unit k = t.unit;
    // Where the cut lies: a seam read anew puts words back after it, never before.
    int place = k.key.indexOf(cutKey);
    if (place < 0 || saysFrom(k.key, place, whole, k.incomplete())) {
      return false;
    }
    String text = k.text();
    // Walked back from the end, so a unit of many pieces costs only its last few seams.
    SourceSpan last = k.piece(k.pieceCount() - 1);
    int at = text.length() - (last.end() - last.start());
    for (int p = k.pieceCount() - 1; p >= 1 && k.pieceCount() - p <= MAX_SEAMS_TRIED; p--) {
      SourceSpan before = k.piece(p - 1);
      int length = before.end() - before.start();
      String beforeSource = fragments.get(before.fragment());
      int cutEnd = at;
      while (cutEnd >= length
          && !text.regionMatches(cutEnd - length, beforeSource, before.start(), length)) {
        if (cutEnd == 0 || !Texts.isWhitespace(text.charAt(cutEnd - 1))) {
          return false;
        }
        cutEnd--;
      }
      if (cutEnd < length) {
        return false;
      }
      int from = cutEnd - length;
      OverlapSeam seam = overlapSeam(t, p, from);
      if (seam != null && seam.seam() == at
          && settle(t, seam, restored -> restored.indexOf(cutKey) == place
              && saysFrom(restored, place, whole, k.incomplete()))) {
        return true;
      }
      at = from;
    }
    return false;
  }

  /**
   * Whether kept key {@code kept}, from {@code place}, holds {@code whole} (a cut or whole
   * sentence), or stops inside it when {@code keptIsCut}.
   */
  private static boolean saysFrom(String kept, int place, Unit whole, boolean keptIsCut) {
    String from = kept.substring(place);
    return (whole.incomplete() ? Keys.startsWithCut(from, whole.key) : from.startsWith(whole.key))
        || keptIsCut && whole.key.length() > from.length() && whole.key.startsWith(from);
  }

  /**
   * The overlap a kept unit's seam {@code piece} (between that piece and the one before) dropped:
   * its report entry's index, its source range in the later piece's fragment, where that piece
   * starts, where the text before the seam ends in the unit's text, and the unit's text as it is,
   * the pieces read on at {@code seam}.
   */
  private record OverlapSeam(
      int piece, int change, int fragment, int from, int to, int restStart, int cutEnd,
      String text, int seam) {
    /** Whether the text before the seam ends with the overlap's first {@code kept} chars. */
    boolean cutEndsWith(String source, int kept) {
      return kept <= cutEnd && text.regionMatches(cutEnd - kept, source, from, kept);
    }

    /**
     * The unit's text with all of the overlap but its first {@code kept} chars put back. Those
     * chars are the cut's last ones, so what goes back reads on from the cut itself; all of it
     * goes after whatever the join put between the pieces.
     */
    String text(String source, int kept) {
      return text.substring(0, kept > 0 ? cutEnd : seam)
          + source.substring(from + kept, restStart) + text.substring(seam);
    }
  }

  /** How far back {@link #overlapSeam} looks for the overlap's report entry. */
  private static final int MAX_CHANGES_BACK = 64;

  /**
   * The overlap dropped at kept unit {@code t}'s first seam; see {@link #overlapSeam(Slot, int,
   * int)}.
   */
  private OverlapSeam overlapSeam(Slot t) {
    return overlapSeam(t, 1, 0);
  }

  /**
   * The overlap dropped at the seam before piece {@code piece} of kept unit {@code t}, if its text
   * up to there is its pieces with whitespace between and the report entry is among the last
   * {@link #MAX_CHANGES_BACK}; null otherwise. {@code textAt} is where piece {@code piece - 1}
   * starts in the unit's text.
   */
  private OverlapSeam overlapSeam(Slot t, int piece, int textAt) {
    Unit k = t.unit;
    SourceSpan cutPiece = k.piece(piece - 1);
    SourceSpan restPiece = k.piece(piece);
    String text = k.text();
    int cutLength = cutPiece.end() - cutPiece.start();
    if (textAt + cutLength > text.length() || !text.regionMatches(
        textAt, fragments.get(cutPiece.fragment()), cutPiece.start(), cutLength)) {
      return null;
    }
    int cutEnd = textAt + cutLength;
    String source = fragments.get(restPiece.fragment());
    // Whatever the join put between the pieces stays before what goes back: a space where the
    // cut stopped between words, nothing where it stopped inside one ("土のう 土" + "のう 土").
    int seam = skipWhitespace(text, cutEnd);
    int restLength = restPiece.end() - restPiece.start();
    if (seam + restLength > text.length()
        || !text.regionMatches(seam, source, restPiece.start(), restLength)) {
      return null;
    }
    for (int c = changes.size() - 1; c >= 0 && c >= changes.size() - MAX_CHANGES_BACK; c--) {
      Change o = changes.get(c);
      if (o == null || o.kind() != ChangeKind.OVERLAP_REMOVED
          || o.source().fragment() != restPiece.fragment()
          || o.source().end() > restPiece.start()) {
        continue;
      }
      if (skipWhitespace(source, o.source().end()) != restPiece.start()) {
        return null;
      }
      return new OverlapSeam(piece, c, restPiece.fragment(), o.source().start(),
          o.source().end(), restPiece.start(), cutEnd, text, seam);
    }
    return null;
  }

  /**
   * Puts back all of the overlap {@code seam} found at one of kept unit {@code t}'s seams but its
   * first {@code kept} chars, which stay overlap.
   */
  private void restore(Slot t, OverlapSeam seam, int kept) {
    Unit k = t.unit;
    SourceSpan restPiece = k.piece(seam.piece());
    String source = fragments.get(seam.fragment());
    int from = seam.from() + kept;
    String oldKey = k.key;
    k.setText(seam.text(source, kept));
    k.rekey();
    k.setPiece(seam.piece(), new SourceSpan(seam.fragment(), from, restPiece.end()));
    doc.reindex(t, oldKey);
    // The list only grows while parts are read; the report leaves out what was taken back.
    changes.set(seam.change(), kept == 0 ? null
        : Change.of(ChangeKind.OVERLAP_REMOVED, new SourceSpan(seam.fragment(), seam.from(), from),
            Texts.excerpt(source.substring(seam.from(), from), 60)));
    // The repair that the join reported now starts where the words put back do.
    SourceSpan repairedAt = new SourceSpan(seam.fragment(), seam.restStart(), seam.restStart());
    for (int r = seam.change() + 1; r < changes.size(); r++) {
      Change j = changes.get(r);
      if (j != null && j.kind() == ChangeKind.CUT_OFF_REPAIRED && j.source().equals(repairedAt)) {
        changes.set(r, Change.of(ChangeKind.CUT_OFF_REPAIRED,
            new SourceSpan(seam.fragment(), from, from),
            Texts.excerpt(source.substring(from, restPiece.end()), 60)));
        break;
      }
    }
  }

  /**
   * Whether the words {@code key[from, end)} are said again right after it, a space between, up
   * to the key's end or a space: a phrase said twice in a row.
   */
  private static boolean saidTwice(String key, int from, int end) {
    int n = end - from;
    int again = end + 1;
    return again + n <= key.length() && key.regionMatches(from, key, again, n)
        && (again + n == key.length() || key.charAt(again + n) == ' ');
  }

  /**
   * Where each of {@code key}'s space-separated words starts, and one entry more, past the end, in
   * {@link #wordAt}: word {@code w} is {@code key[wordAt[w], wordAt[w + 1] - 1)}. Returns the
   * number of words.
   */
  private int wordStarts(String key) {
    int words = 1;
    for (int i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
      words++;
    }
    if (wordAt.length < words + 1) {
      wordAt = new int[Math.max(words + 1, 2 * wordAt.length)];
    }
    int[] at = wordAt;
    at[0] = 0;
    int w = 1;
    for (int i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
      at[w++] = i + 1;
    }
    at[words] = key.length() + 1;
    return words;
  }

  /**
   * Whether kept unit {@code k} was joined across a seam right after the words keyed {@code head}.
   */
  private boolean seamAfter(Unit k, String head) {
    SourceSpan first = k.piece(0);
    return Keys.key(fragments.get(first.fragment()).substring(first.start(), first.end()))
        .equals(head);
  }

  /**
   * Whether {@code key} says the kept sentence keyed {@code kept} from its second word, where
   * that sentence opens with one word said twice ("👨‍👩 増水 川 ... 566-1-0." in "👨‍👩 👨‍👩 増水 川
   * ... 566-1-0.", a cut "👨‍👩 " read on by a restart that opened with it): the piece starts
   * where the sentence starts, one way of reading that seam, and is a restart, not the middle
   * of a sentence that a cut before it goes on into (469566; also when the piece is itself cut,
   * 497762: "flood Fluss ... é 76" is no rest of "川 council v").
   */
  private static boolean saysAfterDoubledWord(String kept, String key) {
    int space = key.indexOf(' ');
    return space > 0 && kept.startsWith(key.substring(0, space + 1))
        && Keys.startsWithCut(kept.substring(space + 1), key);
  }

  /**
   * Reads again a seam the kept paragraph opening at {@code t} was joined across, now that a
   * restart says that paragraph with its first word once: a cut that was just that word ("👨‍👩 "),
   * read on by a piece that opened with it, was not new text but the word the piece repeated.
   * The cut's piece goes as overlap, and the kept unit says the word once. Returns whether it
   * did so; nothing changes otherwise (469566).
   */
  private boolean dropDoubledWord(Slot t) {
    Unit k = t.unit;
    if (!k.blockStart || k.pieceCount() < 2 || k.slot != t) {
      return false;
    }
    SourceSpan cutPiece = k.piece(0);
    String said = fragments.get(cutPiece.fragment()).substring(cutPiece.start(), cutPiece.end());
    String text = k.text();
    String word = Keys.key(said);
    if (word.isEmpty() || word.indexOf(' ') >= 0 || !text.startsWith(said)
        || !k.key.startsWith(word + " " + word + " ")) {
      return false;
    }
    String oldKey = k.key;
    k.setText(text.substring(skipWhitespace(text, said.length())));
    k.rekey();
    k.removeFirstPiece();
    doc.reindex(t, oldKey);
    changes.add(Change.of(ChangeKind.OVERLAP_REMOVED, cutPiece, Texts.excerpt(said, 60)));
    return true;
  }

  /**
   * The kept paragraph opening that {@code u}, a restart saying its first word twice, says from
   * the second: when that opening replaced a cut that was just the word, as its fuller version,
   * the seam was read the other way ("sandbags " then "sandbags 河水 ... 809-2-0.", and the
   * restart "sandbags sandbags 河水 ... 809-2-0."): the restart is the fuller version of it. Null
   * otherwise (516809).
   */
  private Slot keptAfterFirstWord(Unit u) {
    int space = u.key.indexOf(' ');
    if (space <= 0) {
      return null;
    }
    // The key goes on with its first word and a space again; checked in place, since this runs
    // for every unit of a part.
    if (!u.key.regionMatches(space + 1, u.key, 0, space + 1)) {
      return null;
    }
    String word = u.key.substring(0, space);
    String rest = u.key.substring(space + 1);
    Match r = doc.match(rest, head, options.nearSimilarity());
    Slot t = r.target();
    if (r.relation() != Match.Relation.EXACT || !t.unit.blockStart || t.aliases == null) {
      return null;
    }
    for (Unit c : recentAliases(t)) {
      if (c.blockStart && c.removal != null
          && c.removal.kind() == ChangeKind.REPLACED_BY_FULLER && Keys.key(c.text()).equals(word)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The kept paragraph opening that says the first word of {@code u} twice and then only what
   * {@code u} says, which goes on past it ("Brücke Brücke bridge ... 994-1-0. flood" for the
   * restart "Brücke bridge ... 994-1-0. flood ש Brücke ..."); null if none.
   */
  private Slot keptWithFirstWordTwice(Unit u) {
    int space = u.key.indexOf(' ');
    if (space <= 0 || !openingCutLengths.contains(space)
        || !openingCuts.containsKey(u.key.substring(0, space))) {
      return null;
    }
    String doubled = u.key.substring(0, space + 1) + u.key;
    Match r = doc.match(doubled, head, options.nearSimilarity());
    Slot t = r.target();
    return r.relation() == Match.Relation.FULLER && t.unit.blockStart
        && t.unit.key.length() < doubled.length() && doubled.startsWith(t.unit.key) ? t : null;
  }

  /**
   * Whether {@code key}, where it says {@code cut}, says before it what kept slot {@code prev}
   * ends with (or says nothing before it); true also when it does not say the cut as it is.
   */
  private static boolean saidBeforeIn(String key, String cut, Slot prev) {
    int at = key.indexOf(cut);
    if (at <= 0) {
      return true;
    }
    String before = key.substring(0, at).strip();
    return prev.real && prev.unit != null && prev.unit.key != null
        && prev.unit.key.endsWith(before);
  }

  /**
   * Whether {@code v} says kept slot {@code kept} from its start through the first place that
   * holds all of {@code cut}, at least {@code 2 * Doc.K} key chars: {@code v} says the cut again,
   * a restart. The cut may start where the kept unit starts, or further in, where it read on from
   * a cut that started there (2954213: the rest "council council 橋 213-4-0. ... road " of a
   * restart's cut "river 👨‍👩 volunteers 磨坊", then "river 👨‍👩 volunteers 磨坊 council council
   * ... road river ש 213-4-1. ...", which the kept cut's "road river" seemed to read on).
   */
  private static boolean saysCutAgainFromKeptStart(Unit cut, Unit v, Slot kept) {
    if (kept.unit == null || kept.unit.key == null) {
      return false;
    }
    String k = kept.unit.key;
    int at = k.indexOf(cut.key);
    int end = at + cut.key.length();
    return at >= 0 && end >= 2 * Doc.K && v.key.regionMatches(0, k, 0, end);
  }

  /** Whether {@code u} says a kept unit again from that unit's start: whole, cut or fuller. */
  private boolean restartsKeptUnit(Unit u) {
    Match m = match(u);
    if (m.isNone() || m.relation() == Match.Relation.NEAR) {
      return false;
    }
    String kept = m.target().unit.key;
    return m.relation() == Match.Relation.EXACT || Keys.startsWithCut(kept, u.key)
        || u.key.startsWith(kept);
  }

  /**
   * The start of the paragraph that kept cut {@code cut} stopped in, when {@code u}, a part that
   * is only a cut of a phrase or more, says that paragraph again from its start and no more: it
   * restarts that paragraph and is cut again ("river bridge volunteers" after the kept "river
   * bridge volunteers 河水 ... sandbags 川 Brücke sandbags", 1017777; "volunteers volunteers
   * volunteers volunteers sandbag" after "volunteers ... 490-3-2. sandbag" in the paragraph that
   * opens so, 1001490); null otherwise. Read on from the cut, it would say the paragraph's opening
   * twice, glued to the cut's last word; the index may find its words elsewhere first (inside
   * "磨坊 河水 é ש 増水 river bridge volunteers 777-0-0."). A cut that stopped between words may go
   * on with the word that opens its paragraph: the restart must say more than a word.
   *
   * <p>A restart may go back further, to one of the few paragraphs before (3605272: "volunteers
   * volunteers " after the cut "... mill Deic", the kept paragraph "volunteers volunteers Fluss
   * council ..." the one before). A cut inside a word could go on with any piece that opens in
   * lower case, so there the two must not spell a word the input says ("Deicvolunteers").
   */
  private Slot restartedCutParagraph(Unit cut, Unit u) {
    if (cut == null || !cut.markedCut || units.size() != 1 || !u.incomplete() || u.leadIn > 0
        || !u.isProse() || !u.blockStart || startsWithSpace(u) || u.key.indexOf(' ') < 0
        || u.key.length() < options.minOverlap()) {
      return null;
    }
    Slot at = cut.slot != null && cut.slot.unit == cut ? cut.slot : keptCutHolding(cut);
    if (at == null || !at.real) {
      return null;
    }
    Slot start = paragraphStart(at);
    if (opensWith(start, u)) {
      return start;
    }
    if (!cut.spaceBeforeMarker) {
      String[] pieces = wordPieces(cut.text(), u.text());
      if (pieces != null && inputWords().getOrDefault(pieces[0] + pieces[1], 0) > 0) {
        return null;
      }
    }
    for (int k = 0; k < RESTART_PARAGRAPHS && start.prev.real; k++) {
      start = paragraphStart(start.prev);
      if (opensWith(start, u)) {
        return start;
      }
    }
    return null;
  }

  /** How many paragraphs before a cut's own a short restart is looked for at. */
  private static final int RESTART_PARAGRAPHS = 3;

  /** Whether kept unit {@code start} says {@code u} from its start and goes on. */
  private static boolean opensWith(Slot start, Unit u) {
    return start.unit != null && start.unit.key.length() > u.key.length()
        && Keys.startsWithCut(start.unit.key, u.key);
  }

  /**
   * The kept unit just before {@code cut} when the lead-in line {@code u0} says nothing but that
   * unit's last chars and the unit after it opens a paragraph with the cut said again whole and
   * more; else null. The cut must open its paragraph and be kept where it stands: only then is
   * the unit before it the text a lead-in repeats from.
   */
  private Unit keptEndBeforeParagraphCut(Unit cut, Unit u0) {
    if (units.size() < 2 || !cut.blockStart || cut.slot == null || cut.slot.unit != cut
        || u0.key.isEmpty() || u0.sourceNext() != units.get(1)
        || units.get(1).block == u0.block) {
      return null;
    }
    Slot before = cut.slot.prev;
    Unit next = units.get(1);
    if (before == null || !before.real || before.unit == null
        || !before.unit.key.endsWith(u0.key)
        || !next.blockStart || !next.isProse() || next.key.length() <= cut.key.length()
        || !Keys.startsWithCut(next.key, cut.key)) {
      return null;
    }
    return before.unit;
  }

  /** Whether the lead-in of {@code u} ends with a line break ("…\n\nbridge ..."). */
  private static boolean leadInBreaksLine(Unit u) {
    String t = u.text();
    return t.substring(0, Math.min(u.leadIn, t.length())).indexOf('\n') >= 0;
  }

  /** Whether {@code u} opens with a char that starts a cluster: not a mark, not a joiner. */
  private static boolean opensWithOwnCluster(Unit u) {
    String t = u.text();
    if (t.isEmpty()) {
      return false;
    }
    int cp = t.codePointAt(0);
    return !Texts.isCombiningMark(cp) && !Texts.keyIgnores(cp);
  }

  /**
   * Whether cut {@code cut} went as a repeat inside a kept sentence that goes on, after it, as
   * {@code v} starts, and {@code v} goes further (" Fluss 堤坝 ש ... 880-1-2." after the cut
   * "堤坝" inside the kept cut "堤坝 Fluss 堤坝 ש ... 堤坝 川"): the kept text shows that {@code v}
   * is the cut's rest, however much the cut looks like a label.
   */
  private static boolean keptSaysRest(Unit cut, Unit v) {
    return keptSaysRest(cut, v, false);
  }

  /**
   * As {@link #keptSaysRest(Unit, Unit)}, for a cut found over several kept units, read as one
   * (glued as keys glue) from the first to the one it ends in (861795: "flood ... 795-0-0. council
   * flood 川" over the kept "flood ... 795-0-0." and "council flood 川 sandbags 795-0-1. ... river
   * 👨‍👩", then "sandbags 795-0-1. ... river 👨‍👩 b").
   */
  private static boolean keptSaysRestAcross(Unit cut, Unit v) {
    if (cut.removal == null || cut.image == null) {
      return false;
    }
    Slot first = Doc.live(cut.removal.keptAt());
    Slot last = Doc.live(cut.image);
    if (first == last || !first.real || first.label > last.label) {
      return false;
    }
    StringBuilder kept = new StringBuilder();
    int walked = 0;
    for (Slot s = first; ; s = s.next) {
      if (!s.real || s.unit == null || s.unit.key == null || walked++ >= MAX_WALK) {
        return false;
      }
      kept.append(kept.length() == 0 ? "" : " ").append(s.unit.key);
      if (s == last) {
        break;
      }
    }
    return saysRestOf(kept.toString(), cut.key, v.key, false);
  }

  /**
   * As {@link #keptSaysRest(Unit, Unit)}, and with {@code orJustThat} also when {@code v} says
   * that rest and no more (33119: "👨‍👩 119-3-3." after the cut "... flood ש Brücke " inside the
   * kept "... flood ש Brücke 👨‍👩 119-3-3."): then both pieces repeat the kept sentence.
   */
  private static boolean keptSaysRest(Unit cut, Unit v, boolean orJustThat) {
    if (cut.removal == null || cut.image == null) {
      return false;
    }
    Slot at = Doc.live(cut.image);
    return at.real && at.unit != null && at.unit.key != null
        && saysRestOf(at.unit.key, cut.key, v.key, orJustThat);
  }

  /**
   * Whether {@code key} goes on, after a place it says {@code cut}, with a start of {@code next},
   * and {@code next} says more than that (or, with {@code orJustThat}, exactly that).
   */
  private static boolean saysRestOf(String key, String cut, String next, boolean orJustThat) {
    if (cut.isEmpty()) {
      return false;
    }
    // Any place the kept sentence says the cut ("堤坝" opens "堤坝 Fluss ... 堤坝 川" and ends it).
    int tried = 0;
    for (int p = key.indexOf(cut); p >= 0 && tried++ < MAX_WALK; p = key.indexOf(cut, p + 1)) {
      String rest = key.substring(p + cut.length()).strip();
      // The kept cut may have stopped before its last letter's mark, which the next piece has
      // (2637018: "... 18-5-2. council e" kept, the piece "... 18-5-2. council é volunteers").
      if (!rest.isEmpty()
          && (next.length() > rest.length() || orJustThat && next.length() == rest.length())
          && Keys.startsWithCut(next, rest)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code u0}, the cut that ends its part, repeats a kept sentence up to a letter whose
   * mark it lost ("ש 橋 ... 川 e" of "ש 橋 ... 川 é 土のう ..."): a restart, not the rest of the cut
   * before it, however its first letter seems to go on that cut ("518-4-" + "ש", "992-1" +
   * "mill").
   */
  private boolean restartCutInsideLetter(Unit u0) {
    return units.size() == 1 && u0.incomplete() && !cutInsideLetter(u0, Match.NONE).isNone();
  }

  /**
   * Whether {@code v} says, in order and each whole, every kept unit after {@code from} and
   * before {@code to}, a few at most, which all are whole sentences: it reads from {@code from}
   * to {@code to} through them.
   */
  private static boolean saysKeptBetween(Unit v, Slot from, Slot to) {
    if (to == null || !from.real || !Doc.before(from, to)) {
      return false;
    }
    int at = 0;
    int walked = 0;
    for (Slot s = from.next; s != to; s = s.next) {
      if (!s.real || walked++ >= MAX_SPANNED || s.unit == null || s.unit.slot != s
          || s.unit.key == null || s.unit.key.isEmpty() || s.unit.incomplete()) {
        return false;
      }
      int found = v.key.indexOf(s.unit.key, at);
      if (found < 0) {
        return false;
      }
      at = found + s.unit.key.length();
    }
    return walked > 0;
  }

  /**
   * Whether lead-in piece {@code v} is only like kept cut {@code cut} as a whole: near it, or a
   * fuller version that says it from its start (185286: "…sandbags 増水 é Brücke ..." over the
   * kept "sandbags 増水 é", after the restart's own cut "sandbags 増水 e"). A fuller version that
   * holds the cut inside replaces it as it is (201527: "…527-4-0. 土のう ... 527-4-2." over the
   * cut "土のう ... mill 527-4-", whose last chars only happen to open the lead-in).
   */
  private boolean likeKeptCutAsAWhole(Unit v, Unit cut) {
    Match.Relation r = match(v).relation();
    return r == Match.Relation.NEAR
        || r == Match.Relation.FULLER && Keys.startsWithCut(v.key, cut.key);
  }

  /** Whether {@code cut} stopped right after a digit, with no space before its marker. */
  private static boolean endsWithDigit(Unit cut) {
    int n = cut.textLength();
    return !cut.spaceBeforeMarker && n > 0 && UCharacter.isDigit(cut.codePointBefore(n));
  }

  /**
   * Whether {@code v}, read on right after {@code cut} with no space, opens with what goes on a
   * token and never starts a word: a hyphen or a full stop after the cut's letter or digit, or a
   * digit after its digit ("... flood 985-0" then "-0. river ..."). A part's first unit that a
   * fuller version seems to hold is then still where that piece goes on.
   */
  private static boolean opensInsideToken(Unit cut, Unit v) {
    int n = cut.textLength();
    if (cut.spaceBeforeMarker || v.leadIn > 0 || n == 0 || v.textLength() == 0
        || startsWithSpace(v)) {
      return false;
    }
    int before = cut.codePointBefore(n);
    int after = v.codePointAt(0);
    if (!Character.isLetterOrDigit(before)) {
      return false;
    }
    int type = UCharacter.getType(after);
    return type == UCharacter.DASH_PUNCTUATION || type == UCharacter.CONNECTOR_PUNCTUATION
        || after == '.' || after == ',' || after == ':' || after == ';'
        || Character.isDigit(before) && Character.isDigit(after);
  }

  /**
   * Whether the cut stopped inside a token, right after a hyphen that follows a letter or digit
   * ("736-4-"): what comes next is the token's rest, even if it looks like a list number ("0.").
   */
  private static boolean midToken(Unit cut) {
    int n = cut.textLength();
    if (cut.spaceBeforeMarker || n < 2) {
      return false;
    }
    int last = cut.codePointBefore(n);
    return (last == '-' || last == 0x2010 || last == 0x2011)
        && Character.isLetterOrDigit(cut.codePointBefore(n - 1));
  }

  /**
   * Whether a continuation with neither lead-in nor overlap continues the cut. A marker glued to
   * the text proves the cut; a short line of its own ("Warnung", "ヒント") is a label, not a cut;
   * a page that stops mid-sentence goes on on the next page; after a marker on its own line, the
   * continuation must look like the rest of a word.
   */
  private boolean directJoin(Unit cut, Unit v) {
    if (cut.gluedCut) {
      return true;
    }
    if (labelLike(cut)) {
      // ... unless the piece opens with a space, which no paragraph does: it goes on the line
      // the label-like word stands on (12883: "磨坊" then " road é sandbags ...").
      return completesWordSpelledNearby(cut, v) || cut.markedCut && startsWithSpace(v);
    }
    if (!cut.markedCut) {
      // A page that ends with a one-word line of its own ("Note", "Anmerkung") ends with a label.
      return !(cut.blockStart && cut.key.length() <= 10 && cut.key.indexOf(' ') < 0
          && (cut.sourceNext() == null || cut.sourceNext().block != cut.block))
          && !opensBlockAfterPage(v)
          && !endsListOfUnstoppedItems(cut);
    }
    if (cut.blockStart && v.blockStart && !cut.spaceBeforeMarker && cut.key.indexOf(' ') < 0
        && !startsWithSpace(v) && twoWordsElsewhere(cut.text(), v.text())) {
      // A paragraph of one word, then a piece that opens with a word: both stand as words
      // elsewhere in the input and never as one, so the paragraph stopped after its first word
      // and the piece opens another (1734577: "flood", then a restart "volunteers ם volunteers ם
      // sandb", not "floodvolunteers").
      return false;
    }
    // A cut between words, then a capitalized word that the input also capitalizes inside
    // sentences (a German noun, a name: "... near the " + "Brücke and ..."): no capital says new
    // text starts there.
    return continuesWord(cut, v) || cut.spaceBeforeMarker && capitalizedInsideSentences(v)
        || joinsIntoWordOfInput(cut, v);
  }

  /**
   * Whether the word a cut stops in and the word the piece after it opens with, neither a word
   * the input says on its own, are one word the input spells elsewhere: a word cut before a
   * capital inside it, an acronym or a name ("会被 N" then "M 管理，..." in a text that says "NM"
   * elsewhere), where a capital would otherwise say new text starts.
   */
  private boolean joinsIntoWordOfInput(Unit cut, Unit v) {
    if (cut.spaceBeforeMarker || startsWithSpace(v)) {
      return false;
    }
    String[] pieces = wordPieces(cut.text(), v.text());
    if (pieces == null) {
      return false;
    }
    Map<String, Integer> inner = innerWords();
    // Across the marker the two pieces are never spelled together, so any count is elsewhere.
    return inner.getOrDefault(pieces[0], 0) == 0 && inner.getOrDefault(pieces[1], 0) == 0
        && spelledAsOneWord(pieces[0] + pieces[1]);
  }

  /**
   * Whether the input spells {@code word} as a word, in any case: a name cut before its inner
   * capital is the name the text also writes another way (zh-12.7 of the quality bench: "和 Java"
   * then "Script." in a text that says "Javascript" two lines before).
   */
  private boolean spelledAsOneWord(String word) {
    if (inputWords().getOrDefault(word, 0) > 0) {
      return true;
    }
    if (foldedWords == null) {
      java.util.Set<String> folded = new java.util.HashSet<>();
      for (String w : inputWords().keySet()) {
        folded.add(UCharacter.foldCase(w, UCharacter.FOLD_CASE_DEFAULT));
      }
      foldedWords = folded;
    }
    return foldedWords.contains(UCharacter.foldCase(word, UCharacter.FOLD_CASE_DEFAULT));
  }

  /**
   * Whether lead-in piece {@code v}, whose first word is the word {@code cut} ends with (the
   * {@code ov} key chars they share), says that word a second time: read on directly, the word
   * before the cut, the word twice and the piece's next word are a phrase the input spells near
   * the seam, and read as overlap, the three are not (de-1.2.2 of the quality bench: "... 1
   * penguin" then "…penguin 0 Oct 16 21:39 bar -rw-r--r-- 1 penguin penguin 0 Oct ...": a lead-in
   * mark with no words said again, and the listing says "1 penguin penguin 0" a line on). The
   * phrase with the word twice must be in the piece's own fragment, and a lead-in line that says
   * the end of the kept sentence before a cut that opens its paragraph is that ({@link
   * #keptEndBeforeParagraphCut}).
   */
  private boolean saysCutWordTwiceAsInput(Unit cut, Unit v, int ov) {
    String ct = cut.text();
    int end = ct.length();
    while (end > 0 && Texts.isWhitespace(ct.charAt(end - 1))) {
      end--;
    }
    int wordStart = wordStartBefore(ct, end);
    // A word is short; a long run with no space is no word said twice.
    if (end - wordStart > MAX_WORD_CHARS || wordStart == end) {
      return false;
    }
    String word = ct.substring(wordStart, end);
    if (Keys.key(word).length() != ov) {
      return false;
    }
    int b = wordStart;
    while (b > 0 && Texts.isWhitespace(ct.charAt(b - 1))) {
      b--;
    }
    int beforeStart = wordStartBefore(ct, b);
    if (b - beforeStart > MAX_WORD_CHARS) {
      return false;
    }
    String before = ct.substring(beforeStart, b);
    String t = v.text();
    int first = skipWhitespace(t, v.leadIn);
    if (before.isEmpty() || !t.startsWith(word, first)) {
      return false;
    }
    int nextStart = skipWhitespace(t, first + word.length());
    if (nextStart == first + word.length()) {
      return false;
    }
    int nextEnd = nextStart;
    while (nextEnd < t.length() && nextEnd - nextStart <= MAX_WORD_CHARS
        && !Texts.isWhitespace(t.charAt(nextEnd))) {
      nextEnd++;
    }
    if (nextEnd == nextStart) {
      return false;
    }
    String next = t.substring(nextStart, nextEnd);
    // Only the piece's own fragment tells: the kept text before the cut may say the phrase the
    // lead-in repeats, the word twice in it (574805: the cut "堤坝 ם 河水" opens a paragraph, and
    // "… 河水 805-0-2.\n\n堤坝 ם 河水 ..." says again the end of the one before, "... ם 河水 河水
    // 805-0-2.", then the cut's paragraph from its start).
    return holds(v.fragment, Spelling.of(before + " " + word + " " + word + " " + next),
            v.start, v.end)
        && !spelledNearby(cut, v, before + " " + word + " " + next, NEARBY_FRAGMENTS)
        && keptEndBeforeParagraphCut(cut, v) == null;
  }

  /**
   * Whether the spaced-script word that ends {@code before} and the one that opens {@code after}
   * each stand as a word elsewhere in the input, and the two together never do.
   */
  private boolean twoWordsElsewhere(String before, String after) {
    String[] pieces = wordPieces(before, after);
    if (pieces == null) {
      return false;
    }
    Map<String, Integer> inner = innerWords();
    return inner.getOrDefault(pieces[0], 0) > 0 && inner.getOrDefault(pieces[1], 0) > 0
        && inputWords().getOrDefault(pieces[0] + pieces[1], 0) == 0;
  }

  /** Words of the input that stand away from a fragment's edges; built when a seam first asks. */
  private Map<String, Integer> innerWords;

  /**
   * How often each word of a spaced script stands in the fragments neither first in its fragment
   * nor last before the fragment's end or an end marker: the pieces of a word cut at a seam stand
   * at those edges, however often restarts cut it at the same place ("volu" and "nteers").
   */
  private Map<String, Integer> innerWords() {
    if (innerWords == null) {
      innerWords = countWords(true);
    }
    return innerWords;
  }

  /** Whether {@code v} opens with a capitalized word the input also writes inside sentences. */
  private boolean capitalizedInsideSentences(Unit v) {
    String t = v.text();
    if (v.pos != 0 || v.leadIn > 0 || t.isEmpty()) {
      return false;
    }
    int first = t.codePointAt(0);
    if (!UCharacter.isUpperCase(first) || !Texts.wordChar(first)) {
      return false;
    }
    int end = 0;
    while (end < t.length() && Texts.wordChar(t.codePointAt(end))) {
      end += Character.charCount(t.codePointAt(end));
    }
    return openers().writtenInsideSentences(t.substring(0, end));
  }

  /**
   * Whether page {@code v} opens with what the input writes only where a sentence or line starts,
   * so the line without a full stop that ended the page before was a block of its own (a caption,
   * a list item, "... as the matching service file of sshd.socket"): a capitalized word the input
   * also writes in lower case and capitalizes only to open sentences ("You", "For"; not "Debian",
   * German nouns or "Sie", which stand inside sentences too), or a token opening with a bracket or
   * symbol that the input writes only at line starts ("[Unit]").
   */
  private boolean opensBlockAfterPage(Unit v) {
    String t = v.text();
    if (!v.blockStart || v.pos != 0 || v.leadIn > 0 || t.isEmpty() || startsWithSpace(v)) {
      return false;
    }
    int first = t.codePointAt(0);
    if (UCharacter.isUpperCase(first) && Texts.wordChar(first)) {
      int end = 0;
      while (end < t.length() && Texts.wordChar(t.codePointAt(end))) {
        end += Character.charCount(t.codePointAt(end));
      }
      String word = t.substring(0, end);
      String lower = UCharacter.toLowerCase(java.util.Locale.ROOT, word);
      return !lower.equals(word)
          && inputWords().getOrDefault(lower, 0) > 0
          && openers().opensSentencesOnly(word);
    }
    if (UCharacter.isLetterOrDigit(first)) {
      return false;
    }
    int end = 0;
    while (end < t.length() && !Texts.isWhitespace(t.codePointAt(end))) {
      end += Character.charCount(t.codePointAt(end));
    }
    return openers().opensLinesOnly(t.substring(0, end));
  }

  /**
   * Whether {@code cut} is an item of a list whose items before it (two or more) end without a
   * full stop too: a page that ends with it ends with a whole item, as they are ("- ログイン名",
   * ..., "- ユーザーのコマンドインタープリター (無いこともある)"), not mid-sentence.
   */
  private static boolean endsListOfUnstoppedItems(Unit cut) {
    if (cut.sourceNext() != null && cut.sourceNext().block == cut.block) {
      return false;
    }
    Unit first = blockStartOf(cut);
    if (!first.listItemStart) {
      return false;
    }
    int items = 0;
    for (Unit u = first.sourcePrevious(); u != null && items < 2; u = first.sourcePrevious()) {
      // u ends the item before.
      first = blockStartOf(u);
      if (!first.listItemStart || !u.incomplete()) {
        return false;
      }
      items++;
    }
    return items == 2;
  }

  /** The first unit of {@code u}'s block in its part. */
  private static Unit blockStartOf(Unit u) {
    Unit first = u;
    while (first.sourcePrevious() != null && first.sourcePrevious().block == first.block) {
      first = first.sourcePrevious();
    }
    return first;
  }

  private Openers openers() {
    if (openers == null) {
      openers = new Openers(fragments);
    }
    return openers;
  }

  /**
   * Whether {@code v} can be the rest of the word or sentence {@code cut} stopped in. In spaced
   * scripts a direct continuation starts mid-word (lower case), with punctuation, or with the
   * space it stopped before; a capital after no space starts new text. Unspaced scripts give no
   * such sign.
   */
  private static boolean continuesWord(Unit cut, Unit v) {
    if (startsWithSpace(v) || cut.text().isEmpty() || v.text().isEmpty()) {
      return true;
    }
    if (v.blockStart && startsLikeHeading(v.text())) {
      // A line that opens with a heading mark ("### 2.2.6. ...", a context line) starts new
      // text in every script, also after a cut in one without spaces.
      return false;
    }
    int before = Texts.lastBase(cut.text());
    int after = v.text().codePointAt(0);
    if (Texts.isCombiningMark(after) || after == 0x200D || isLoneHalf(after, false)) {
      // A combining mark, a joiner or the low half of a surrogate pair cannot start text: it
      // finishes the cut's last cluster.
      return true;
    }
    if (!Texts.spacedScript(before) && !Texts.spacedScript(after)) {
      return true;
    }
    if (cut.spaceBeforeMarker && (Character.isDigit(after) || caseless(after)
        || UCharacter.getType(after) == UCharacter.OTHER_SYMBOL)) {
      // Cut between words, and the next word is a number, in a script without case, or an emoji
      // ("sandbags " then "増水 Brücke ...", "road " then "ש 磨坊 ...", "council " then "534-6-2.",
      // "mill " then "👨‍👩 600-1-0. ...", 85600): no capital says new text starts, and mixed text
      // reads on this way.
      return true;
    }
    if (caseless(after) && caseless(before)
        && UScript.getScript(after) == UScript.getScript(before)) {
      // Mid-word in a script without case ("של" + "ום"): nothing says new text starts either.
      return true;
    }
    // Inside a token cut after its punctuation ("3-3-" + "1.", "http://" + "example"), the rest
    // of the token follows.
    if (!Character.isLetterOrDigit(before) && !Texts.isWhitespace(before)
        && Character.isLetterOrDigit(after)) {
      return true;
    }
    // The rest of a word (lower case), punctuation that goes on a sentence, or a hyphen that goes
    // on a word or token ("well" + "-known", "17" + "-1-0."; a dash starting a line is a dash).
    return Character.isLowerCase(after)
        || (after == '-' || after == 0x2010 || after == 0x2011)
            && Character.isLetterOrDigit(before)
        || ",.;:!?)]}'\"’”»、。，".indexOf(after) >= 0
        || Character.isDigit(after) && Character.isDigit(before)
        || capitalsGoOn(cut.text(), v.text());
  }

  /**
   * Whether a word in capitals stopped mid-word and goes on in capitals ("FIRS" + "T error",
   * "XAUTH" + "ORITY holds"): the cut ends in two or more capitals and the rest's first word has
   * no lower-case letter. "NFS" + "The ..." starts new text.
   */
  private static boolean capitalsGoOn(String cut, String rest) {
    int capitals = 0;
    for (int i = cut.length(); i > 0 && capitals < 2; ) {
      int cp = cut.codePointBefore(i);
      if (!UCharacter.isUpperCase(cp)) {
        break;
      }
      capitals++;
      i -= Character.charCount(cp);
    }
    if (capitals < 2) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < rest.length(); ) {
      int cp = rest.codePointAt(i);
      if (!UCharacter.isLetter(cp)) {
        break;
      }
      if (!UCharacter.isUpperCase(cp)) {
        return false;
      }
      letters++;
      i += Character.charCount(cp);
    }
    return letters > 0;
  }

  /** Whether {@code t} opens with one to six '#' and a space: a heading mark. */
  private static boolean startsLikeHeading(String t) {
    int n = 0;
    while (n < t.length() && n < 7 && t.charAt(n) == '#') {
      n++;
    }
    return n >= 1 && n <= 6 && n < t.length() && (t.charAt(n) == ' ' || t.charAt(n) == '\t');
  }

  /** A letter of a script without case (Han, kana, Hebrew, Arabic, ...): no capital can start text. */
  private static boolean caseless(int cp) {
    return UCharacter.isLetter(cp) && !UCharacter.isUUppercase(cp) && !UCharacter.isULowercase(cp)
        && UCharacter.getType(cp) != UCharacter.TITLECASE_LETTER;
  }

  /**
   * A lead-in whose repeated words span a sentence or paragraph break ("…3-1-3.\n\nThe next
   * paragraph's start" after a cut inside the next paragraph): compares the text before the cut
   * with the start of this part across unit boundaries. Units wholly inside the repeated words are
   * removed; the unit where they end is joined to the cut. Returns that unit's index, or -1.
   */
  private int spanningOverlap(Unit cut) {
    StringBuilder tail = new StringBuilder();
    for (int k = Math.max(0, cut.pos - 8); k <= cut.pos && k < cut.siblings.size(); k++) {
      Unit w = cut.siblings.get(k);
      if (tail.length() > 0) {
        tail.append(keySep(w));
      }
      // What a join took from a unit's start is still said there, and a lead-in may say it again
      // (1535932: "…1. 橋 増水 ם 932-0-2.\n\n増水 Deich ..." after "32-0-1. 橋 増水 ם 932-0-2.",
      // whose "32-0-1." completed a cut before it, and the paragraph cut "増水 ").
      tail.append(keyAsSaid(w));
    }
    if (cut.pos >= cut.siblings.size() || cut.siblings.get(cut.pos) != cut) {
      return -1;
    }
    StringBuilder start = new StringBuilder();
    int limit = Math.min(units.size(), 8);
    int[] offsets = new int[limit];
    for (int k = 0; k < limit; k++) {
      if (!units.get(k).isProse()) {
        limit = k;
        break;
      }
      if (k > 0) {
        start.append(keySep(units.get(k)));
      }
      offsets[k] = start.length();
      start.append(units.get(k).key);
    }
    // As for any overlap, also when the cut stopped between a letter and its mark.
    int length = keyOverlap(tail.toString(), start.toString(), options.minOverlap() - 1);
    // Only an overlap that crosses a unit boundary is new here; one inside the first unit was
    // tried already.
    if (length == 0 || length <= units.get(0).key.length()) {
      return -1;
    }
    int j = 0;
    while (j + 1 < limit && offsets[j + 1] <= length) {
      j++;
    }
    int into = length - offsets[j];
    if (j == 0 || into <= 0 || into > units.get(j).key.length()) {
      return -1;
    }
    // The units before j are consumed first, so the join must be known to go ahead.
    if (makesMarker(cut, plan(cut, units.get(j), into))) {
      return -1;
    }
    for (int k = 0; k < j; k++) {
      Unit w = units.get(k);
      w.consumed = true;
      w.image = cut.slot != null ? cut.slot : (cut.removal != null ? cut.removal.keptAt() : head);
      reportOverlap(w);
    }
    if (!leadInCompletesKeptCut(cut, j, into)) {
      join(cut, units.get(j), into);
    }
    return j;
  }

  /** Whether this part's units, all of them, say {@code kept}'s words from its start. */
  private boolean saysStartOf(Unit kept) {
    StringBuilder said = new StringBuilder();
    for (Unit w : units) {
      if (said.length() > 0) {
        said.append(' ');
      }
      said.append(w.key);
      if (said.length() >= kept.key.length()) {
        return false;
      }
    }
    return Keys.startsWithCut(kept.key, said.toString());
  }

  /**
   * What stands between the keys of unit {@code u} and the unit before it when a run of units is
   * compared: a line break as a char no key holds, so a repeat never bridges lines otherwise than
   * the text does; on one line, what keys glue units with ("…1. Fluss ..." where the letterless
   * "1." and "Fluss ..." are one unit repeats "219-3-1." and "Fluss ..." that are two).
   */
  private static String keySep(Unit u) {
    return u.sep.indexOf('\n') >= 0 ? "\u0001" : u.sep.isEmpty() ? "" : " ";
  }

  /**
   * The part before ended whole with {@code before} (a table, a list), and the lead-in repeats its
   * last lines over several units of this part ("… | time |" then the table's last rows, which
   * parse as a line of text and a table): all of them are overlap. Returns the index of the last
   * of them, or -1 if the first units do not end {@code before} that way.
   */
  private int leadInOverWholeEnd(List<Unit> previous) {
    Unit before = previous.get(previous.size() - 1);
    // The lead-in may reach back past the last unit ("…-5-1. 川 橋 川 786-5-2." after "... council
    // 786-5-1. 川 橋 川 786-5-2."): the end is the last few units' keys, glued as keys glue units.
    StringBuilder tail = new StringBuilder(before.key);
    for (int k = previous.size() - 2; k >= Math.max(0, previous.size() - 8); k--) {
      if (tail.length() >= MAX_LEAD_IN_CHARS || previous.get(k).key == null) {
        break;
      }
      tail.insert(0, previous.get(k).key + ' ');
    }
    String end = tail.toString();
    StringBuilder start = new StringBuilder();
    for (int j = 0; j < Math.min(units.size(), 8); j++) {
      Unit w = units.get(j);
      if (j > 0 && w.segmentStart) {
        return -1;
      }
      if (j > 0 && w.key.length() > before.key.length() && w.key.startsWith(before.key)
          && end.endsWith(start + " " + before.key)) {
        // The lead-in's units before this one end where the part before's last unit starts, and
        // this one says that unit and goes on, one unit to ICU ("…-2.", then "川 川 mill
        // 412-2-0. river ..." after "... 412-1-2." and "川 川 mill 412-2-0.", 188412): those
        // units are overlap, and this one is the last unit's fuller version, read as such.
        consumeAsOverlap(j - 1, before);
        return j - 1;
      }
      if (j > 0) {
        start.append(' ');
      }
      start.append(w.key);
      if (start.length() > end.length()) {
        return -1;
      }
      // A lead-in line that says nothing but that end is overlap however short ("…0." after
      // "... 568-1-0.", 59568).
      boolean wholeLine = j == 0 && (w.sourceNext() == null || w.sourceNext().block != w.block);
      if ((start.length() >= options.minOverlap() || wholeLine && start.length() > 0)
          && end.endsWith(start.toString())) {
        consumeAsOverlap(j, before);
        return j;
      }
    }
    return -1;
  }

  /** Units 0 to {@code j} of this part repeat the end of the part before, {@code before} last. */
  private void consumeAsOverlap(int j, Unit before) {
    Slot kept =
        before.slot != null ? before.slot
            : before.removal != null ? before.removal.keptAt() : head;
    for (int k = 0; k <= j; k++) {
      Unit c = units.get(k);
      c.consumed = true;
      c.image = kept;
      reportOverlap(c);
    }
  }

  /**
   * Reports unit {@code w}, read from its source whole, as overlap: a lead-in mark it opens with as
   * what it is, the words after it as the overlap they are.
   */
  private void reportOverlap(Unit w) {
    SourceSpan span = w.span();
    if (w.leadIn > 0) {
      changes.add(
          Change.of(
              ChangeKind.LEAD_IN_REMOVED,
              new SourceSpan(span.fragment(), span.start(), span.start() + w.leadIn),
              w.text().substring(0, w.leadIn)));
      span = new SourceSpan(span.fragment(), span.start() + w.leadIn, span.end());
    }
    changes.add(
        Change.of(
            ChangeKind.OVERLAP_REMOVED,
            span,
            Texts.excerpt(w.text().substring(span.start() - w.span().start()), 60)));
  }

  /**
   * Key chars of {@code v} that repeat the end of the text before the cut when they reach back
   * past the cut's own start into the sentence before it on the same line: "…-4-0. 増水 flood
   * flood ..." after "... 55-4-0. 増水 flood floo" (the letterless "-4-0." is not a unit of its
   * own, so the lead-in is one unit that starts inside the sentence before the cut). 0 if none.
   */
  private static int overlapAcross(Unit cut, Unit v) {
    if (!cut.takenHead().isBlank()) {
      // The sentence before the cut was its own unit's start, taken to complete an earlier cut
      // ("…1. Deich ם bridge 川 Deich ..." after " 358-1-1. Deich ם bridge 川").
      String said = keyAsSaid(cut);
      int ov = keyOverlap(said, v.key, cut.key.length());
      // That start may be the low half of a pair whose high half ended the earlier cut (3810371:
      // "\uDC68\u200D👩 flood 371-3-0. é" after "... 増水 \uD83D"); a lead-in that says the pair
      // whole ("…👨‍👩 flood 371-3-0. é mill ...") repeats all of it.
      if (ov == 0 && isLoneHalf(said.charAt(0), false) && v.key.length() > said.length() + 1
          && Character.isHighSurrogate(v.key.charAt(0)) && v.key.startsWith(said, 1)) {
        return said.length() + 1;
      }
      return ov;
    }
    Unit before = cut.sourcePrevious();
    if (before == null || before.block != cut.block || cut.sep.indexOf('\n') >= 0) {
      return 0;
    }
    String a = before.key + (cut.sep.isEmpty() ? "" : " ") + cut.key;
    return keyOverlap(a, v.key, cut.key.length());
  }

  /**
   * The key of {@code w} as its fragment says it: with what a join took from its start to
   * complete a cut before it ({@link Unit#takenHead}) put back in front.
   */
  private static String keyAsSaid(Unit w) {
    String head = w.takenHead();
    if (head.isBlank()) {
      return w.key;
    }
    String glue = Texts.isWhitespace(head.charAt(head.length() - 1)) ? " " : "";
    return Keys.key(head) + glue + w.key;
  }

  /** Whether {@code u} is a unit of the long sentence that kept cut {@code cut} reads on in. */
  private static boolean sameSentence(Unit u, Unit cut) {
    return cut.sentenceStart != null
        && (u == cut.sentenceStart || u.sentenceStart == cut.sentenceStart);
  }

  /**
   * Whether lead-in piece {@code v}, which overlaps {@code cut} by {@code ov} key chars, repeats
   * from the mark of the letter before them: its text opens, after the lead-in, with a combining
   * mark that no key keeps, then a space, and the cut says a letter with that mark right before
   * the space (117533: "…\u0301 council Fluss ..." after "... Fluss e\u0301 cou"). Then the
   * overlap is longer than its key chars, and is one however few they are.
   */
  private static boolean leadInOpensWithCutMark(Unit cut, Unit v, int ov) {
    String t = v.text();
    int at = v.leadIn;
    if (at >= t.length() || !Texts.isCombiningMark(t.codePointAt(at))) {
      return false;
    }
    int after = at + Character.charCount(t.codePointAt(at));
    if (after >= t.length() || !Texts.isWhitespace(t.charAt(after))) {
      return false;
    }
    String key = sentenceKey(cut);
    int space = key.length() - ov - 1;
    return space > 0 && key.charAt(space) == ' '
        && Keys.endsWithMark(key.codePointBefore(space), t.codePointAt(at));
  }

  /**
   * Whether lead-in piece {@code v} opens with the last {@code ov} key chars of {@code cut}, fewer
   * than minOverlap, from the start of a word of the cut: to the end of a word of {@code v}
   * (157470: "… 川 ש Deich ..." after "... 増水 川 ש "), or, where the cut stopped inside a word,
   * to where it stopped, over more than one word (227049: "… e\u0301 堤坝 ..." after "...
   * e\u0301 堤"; a lone "6" may start anything, 8631: "… 631-0-2." after "road 増水 堤坝 6"). A
   * lead-in mark says the piece repeats the words before the cut, so these are those words, however
   * short.
   */
  private static boolean leadInRepeatsWholeWords(Unit cut, Unit v, int ov) {
    String key = sentenceKey(cut);
    int start = key.length() - ov;
    // A lead-in may open inside a word of the cut too, when it goes on over the next word
    // (509826: "…e é 橋 ..." after "... Brücke é "): cut at its left as the cut was at its right.
    return ov > 0 && start >= 0
        && (start == 0 || key.charAt(start - 1) == ' ' || key.indexOf(' ', start) >= 0)
        && ov < v.key.length()
        && (v.key.charAt(ov) == ' '
            || !cut.spaceBeforeMarker && key.indexOf(' ', start) >= 0);
  }

  /**
   * The longest overlap of lead-in piece {@code v} with {@code cut}, at most {@code ov} key chars,
   * whose seam word the two write alike: keys fold case, so the cut's last letters "br" also match
   * the "Br" of "Brücke", and with words said twice the longest overlap can be that false one
   * (92791: "... bridge bridge br" then "…ridge bridge Brücke ...", where "ridge br" is the
   * overlap). Where no shorter overlap of at least minOverlap keeps case, {@code ov} stands.
   */
  private int seamKeepsCase(Unit cut, Unit v, int ov) {
    if (ov < options.minOverlap() || cut.spaceBeforeMarker) {
      return ov;
    }
    String cutText = cut.text();
    int w = cutText.length();
    while (w > 0 && !Texts.isWhitespace(cutText.charAt(w - 1))) {
      w--;
    }
    String cutWord = cutText.substring(w);
    if (cutWord.isEmpty() || seamWordKeepsCase(cutWord, v, ov)) {
      return ov;
    }
    String a = sentenceKey(cut);
    for (int len = ov - 1; len >= options.minOverlap(); len--) {
      if (a.regionMatches(a.length() - len, v.key, 0, len) && seamWordKeepsCase(cutWord, v, len)) {
        return len;
      }
    }
    return ov;
  }

  /** Whether {@code v}'s word where its first {@code len} key chars end starts as written. */
  private static boolean seamWordKeepsCase(String cutWord, Unit v, int len) {
    String t = v.text();
    int end = textAfterKeyChars(t, len);
    int start = end;
    while (start > 0 && !Texts.isWhitespace(t.charAt(start - 1))) {
      start--;
    }
    String said = t.substring(start, end);
    // Only the letters the cut wrote are compared: the lead-in's word may go on past them.
    return !said.equalsIgnoreCase(cutWord) || said.equals(cutWord);
  }

  /** Longest run of key chars that ends {@code cut} and starts {@code next}. */
  private static int overlap(Unit cut, Unit next) {
    return keyOverlap(sentenceKey(cut), next.key, 0);
  }

  /**
   * Whether the last {@code ov} key chars of {@code cut}, said again at the start of {@code next},
   * start inside a word of a spaced script: a letter before them in the cut, and {@code next}
   * opening with a letter. Keys of scripts without spaces have no such word starts.
   */
  private static boolean startsInsideWord(String cut, String next, int ov) {
    int start = cut.length() - ov;
    return ov > 0 && start > 0 && start < cut.length() && !next.isEmpty()
        && Texts.wordChar(cut.codePointBefore(start)) && Texts.wordChar(next.codePointAt(0));
  }

  /**
   * As {@link #startsInsideWord} for letters of a script that spaces no words (kana, Han), where
   * the text spaces them all the same: the overlap starts between two letters of the cut and runs
   * over a space, so the piece's first word would be the end of one of the cut's (3802788: "土のう
   * 土の" then "う 土のう é ...", where "う 土の" ends the cut and starts the piece, but the piece
   * reads on "土の|う", as the restart that says the paragraph again shows). Unspaced text ("...
   * 土のう土の" then "う土のう ...") is not asked: there any char may start the overlap.
   */
  private static boolean startsInsideSpacedRun(String cut, String next, int ov) {
    int start = cut.length() - ov;
    return ov > 0 && start > 0 && start < cut.length() && !next.isEmpty()
        && UCharacter.isLetter(cut.codePointBefore(start))
        && UCharacter.isLetter(cut.codePointAt(start))
        && UCharacter.isLetter(next.codePointAt(0))
        && cut.indexOf(' ', start) >= 0;
  }

  /**
   * Whether the last {@code ov} key chars of {@code cut}, which {@code v} starts with, are the
   * cut's whole last word, cut short in a spaced script, and {@code v}'s first word goes on
   * from them to a word the input spells, while the two read on directly spell a word it does not
   * (in the fragments near the seam): "fl" then "flood ...".
   */
  private boolean saysCutWordAgain(Unit cut, Unit v, int ov) {
    String key = cut.key;
    int start = key.length() - ov;
    if (ov <= 0 || start < 0 || start > 0 && key.charAt(start - 1) != ' '
        || v.key.length() <= ov || !Texts.wordChar(v.key.codePointAt(ov))
        || !Texts.wordChar(key.codePointAt(start)) || !key.regionMatches(start, v.key, 0, ov)) {
      return false;
    }
    return !spelledNearby(cut, v, wordAcross(cut, v), NEARBY_FRAGMENTS);
  }

  /**
   * As {@link #saysCutWordAgain} for a cut that stopped after a zero-width joiner, inside an emoji
   * sequence: a lead-in, then that sequence whole (949955: "👨\u200D", then "…\n\n👨\u200D👩 磨坊
   * ..."), is the sequence said again, unless the input spells the two read on directly
   * ("👨\u200D👨\u200D👩") near the seam. Keys drop the joiner, so the overlap is the emoji before
   * it.
   */
  private boolean saysCutClusterAgain(Unit cut, Unit v, int ov) {
    String ct = cut.text();
    if (ov <= 0 || v.leadIn == 0 || !ct.endsWith("\u200D") || ov > cut.key.length()) {
      return false;
    }
    String word = ct.substring(lastWordStart(ct));
    String t = v.text();
    return t.startsWith(word, skipWhitespace(t, v.leadIn))
        && !spelledNearby(cut, v, wordAcross(cut, v), NEARBY_FRAGMENTS);
  }

  /**
   * Whether {@code v}, with no lead-in or space, opens with letters that go on the cut's last
   * word, cut inside it, into a word the input spells nearby ("bridg" then "e Brücke ..."). Kana
   * and Han count too: their "word" is the run between spaces, which the input spells nearby when
   * it spaces them like words (3828696: "... volunteers road 土" then "のう mill Fluss ...", where
   * a unit two on opens "volunteers road 土のう ...", the cut's last words; "土のう" is spelled, so
   * the piece reads on, and that unit is a later paragraph), and in unspaced text only when it
   * says the same run again.
   */
  private boolean spellsCutWordOn(Unit cut, Unit v) {
    int n = cut.textLength();
    return !startsWithSpace(v) && !cut.spaceBeforeMarker && v.leadIn == 0
        && v.textLength() > 0 && UCharacter.isLetter(v.codePointAt(0))
        && n > 0 && UCharacter.isLetter(cut.codePointBefore(n))
        && spelledNearby(cut, v, wordAcross(cut, v), NEARBY_FRAGMENTS);
  }

  /**
   * Whether {@code v} says again the one word {@code cut} holds, which stopped inside a grapheme
   * cluster, and completes that cluster (250652: the cut "e", then "e\u0301 council ם ..."): the
   * piece restarts the cut's paragraph, unless the input spells the two read on directly
   * ("ee\u0301") near the seam.
   */
  private boolean restartsCutInsideCluster(Unit cut, Unit v) {
    if (v.leadIn > 0 || cut.textLength() == 0 || v.textLength() <= cut.textLength()
        || cut.codePointAt(0) != v.codePointAt(0)) {
      return false;
    }
    String ct = cut.text();
    String t = v.text();
    if (v.leadIn > 0 || ct.isEmpty() || lastWordStart(ct) > 0 || !t.startsWith(ct)
        || t.length() == ct.length() || !Texts.splitsCluster(ct, t.substring(ct.length()))) {
      return false;
    }
    return !spelledNearby(cut, v, wordAcross(cut, v), NEARBY_FRAGMENTS);
  }

  /** Where the last word of {@code s} starts: after its last whitespace. */
  private static int lastWordStart(String s) {
    int wordStart = s.length();
    while (wordStart > 0 && !Texts.isWhitespace(s.codePointBefore(wordStart))) {
      wordStart -= Character.charCount(s.codePointBefore(wordStart));
    }
    return wordStart;
  }

  /**
   * Where the word of {@code s} that ends at {@code end} starts, after the whitespace before it;
   * read back at most {@link #MAX_WORD_CHARS} + 1 chars, so a longer run gives a start more than
   * that far back (and costs no more to find).
   */
  private static int wordStartBefore(String s, int end) {
    int floor = Math.max(0, end - MAX_WORD_CHARS - 1);
    int wordStart = end;
    while (wordStart > floor && !Texts.isWhitespace(s.charAt(wordStart - 1))) {
      wordStart--;
    }
    return wordStart == floor && floor > 0 ? floor - 1 : wordStart;
  }

  /** The longest run without a space read as one word where a word is compared whole. */
  private static final int MAX_WORD_CHARS = 64;

  /**
   * The cut's last word and {@code v}'s first (after its lead-in), read on directly: "bridg" and
   * "e Brücke ..." give "bridge".
   */
  private static String wordAcross(Unit cut, Unit v) {
    String ct = cut.text();
    int wordStart = lastWordStart(ct);
    String t = v.text();
    int end = skipWhitespace(t, v.leadIn);
    int first = end;
    while (end < t.length() && !Texts.isWhitespace(t.codePointAt(end))) {
      end += Character.charCount(t.codePointAt(end));
    }
    return ct.substring(wordStart) + t.substring(first, end);
  }

  /**
   * Whether {@code s} is spelled near the seam: around the cut in its fragment, around {@code v}
   * in its own, or at the end of one of the {@code around} fragments before the cut's or the start
   * of one after {@code v}'s. Restarts and copies say a word again within a few fragments (158486:
   * the cut "土の" of "土のう", spelled one fragment before it and two after its rest). Each
   * fragment is read only {@link #NEARBY_CHARS} either side of the seam, and all reads together
   * stay within a budget linear in the input: a long fragment with a seam every few words would
   * otherwise be read once per seam.
   */
  private boolean spelledNearby(Unit cut, Unit v, String s, int around) {
    return spelledNearby(cut, v, Spelling.of(s), around);
  }

  /** As {@link #spelledNearby(Unit, Unit, String, int)} for chars read in place. */
  private boolean spelledNearby(Unit cut, Unit v, Spelling s, int around) {
    if (holds(v.fragment, s, v.start, v.end)
        || cut.fragment != v.fragment && holds(cut.fragment, s, cut.start, cut.end)) {
      return true;
    }
    for (int k = 1; k <= around; k++) {
      if (cut.fragment - k >= 0
              && holds(cut.fragment - k, s, fragments.get(cut.fragment - k).length(),
                  fragments.get(cut.fragment - k).length())
          || v.fragment + k < fragments.size() && holds(v.fragment + k, s, 0, 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether fragment {@code f} spells {@code s} within {@link #NEARBY_CHARS} of {@code [from,
   * to)}; false once {@link #nearbyBudget} cannot pay for the read.
   */
  private boolean holds(int f, Spelling s, int from, int to) {
    String text = fragments.get(f);
    int a = Math.max(0, from - NEARBY_CHARS);
    int b = (int) Math.min(text.length(), (long) to + NEARBY_CHARS);
    if (b - a < s.length() || nearbyBudget < b - a) {
      return false;
    }
    nearbyBudget -= b - a;
    return s.in(text, a, b);
  }

  /** How many fragments either side of a seam {@link #spelledNearby} reads for a word. */
  private static final int NEARBY_FRAGMENTS = 2;

  /** Chars either side of a seam that {@link #spelledNearby} reads in one fragment. */
  private static final int NEARBY_CHARS = 1 << 15;

  /**
   * Chars {@link #spelledNearby} may read per char of input, and beyond that: its reads are
   * bounded by the input, not by the number of seams times the fragments' length.
   */
  private static final long NEARBY_BUDGET_PER_CHAR = 16;

  private static final long NEARBY_BUDGET_BASE = 1 << 22;

  /** Whether {@code after} opens with the low half of a surrogate pair {@code before} ends in. */
  private static boolean finishesPair(Unit before, Unit after) {
    int n = before.textLength();
    return n > 0 && after.textLength() > 0
        && isLoneHalf(before.codePointBefore(n), true) && isLoneHalf(after.codePointAt(0), false);
  }

  private static boolean isLoneHalf(int cp, boolean high) {
    return cp < Character.MIN_SUPPLEMENTARY_CODE_POINT
        && (high ? Character.isHighSurrogate((char) cp) : Character.isLowSurrogate((char) cp));
  }

  /** Whether {@code after} opens with a mark that finishes the letter {@code before} ends with. */
  private static boolean finishesLetter(Unit before, Unit after) {
    int n = before.textLength();
    return n > 0 && after.textLength() > 0
        && Character.isLetter(before.codePointBefore(n))
        && Texts.isCombiningMark(after.codePointAt(0));
  }

  /**
   * The key of the sentence {@code cut} ends: its own, and for a cut that reads on from a long
   * one, that one's before it (while the whole is shorter than the 400 chars an overlap is looked
   * for in), so that a lead-in repeating words from before the split is found as the overlap it is.
   */
  private static String sentenceKey(Unit cut) {
    if (cut.readsOnFrom == null || cut.slot == null) {
      return cut.key;
    }
    String key = cut.key;
    for (Unit u = cut; u.readsOnFrom != null && u.slot != null && key.length() < 400;
        u = u.readsOnFrom) {
      if (u.readsOnFrom.key == null) {
        break;
      }
      key = u.readsOnFrom.key + (u.slot.sep.isEmpty() ? "" : " ") + key;
    }
    return key;
  }

  /**
   * Longest run of more than {@code past} key chars that ends {@code a} and starts {@code b}, in
   * {@code b}'s chars; 0 if none.
   */
  private static int keyOverlap(String a, String b, int past) {
    int max = Math.min(Math.min(a.length(), b.length()), 400);
    int found = 0;
    for (int len = max; len > past; len--) {
      if (a.regionMatches(a.length() - len, b, 0, len)) {
        found = len;
        break;
      }
    }
    // A cut between a letter and its mark ("... mill e" | "\u0301 ...") keys its last letter
    // bare, while a repeat of it keys the whole "é": the repeat's letter starts with the cut's.
    if (a.isEmpty()) {
      return found;
    }
    int last = a.codePointBefore(a.length());
    if (!Character.isLetter(last)) {
      return found;
    }
    String bare = a.substring(0, a.length() - Character.charCount(last));
    int bareMax = Math.min(Math.min(bare.length(), b.length() - 1), 400);
    for (int len = bareMax; len > found && len >= past; len--) {
      if (bare.regionMatches(bare.length() - len, b, 0, len)) {
        int c = b.codePointAt(len);
        if (Keys.composesFrom(c, last)) {
          return len + Character.charCount(c);
        }
      }
    }
    return found;
  }

  /** What joining {@code v} to {@code cut} removes from {@code v} and keeps of it. */
  private record JoinPlan(boolean lead, int overlapTo, int from, String joint, String rest) {}

  private JoinPlan plan(Unit cut, Unit v, int overlapKeyChars) {
    int from = 0;
    boolean lead = v.leadIn > 0;
    if (lead) {
      from = v.leadIn;
    }
    int overlapTo = from;
    if (overlapKeyChars > 0) {
      String text = v.text();
      Keys.Key k = Keys.normalize(text, 0, text.length(), true);
      int to = overlapKeyChars >= k.key.length() ? text.length() : k.origin[overlapKeyChars];
      String cutText = cut.text();
      if (to > from && !cutText.isEmpty()) {
        // The overlap ends with a letter and its marks where the cut ends with the bare letter
        // (see overlap): the rest starts at the marks, which finish the cut's letter.
        int clusterStart = Texts.graphemeFloor(text, to - 1);
        int base = cutText.codePointBefore(cutText.length());
        if (clusterStart >= from && text.codePointAt(clusterStart) == base
            && clusterStart + Character.charCount(base) < to && Character.isLetter(base)
            && !cutText.endsWith(text.substring(clusterStart, to))) {
          to = clusterStart + Character.charCount(base);
        }
      }
      // Chars that keys drop (a joiner, a variation selector) just before the end of the overlap
      // are not known to be in the cut: the rest keeps those the cut does not end with ("👨" cut,
      // "…👨\u200D👩 ..." repeated: the rest starts at the joiner).
      int back = to;
      while (back > from && Texts.keyIgnores(text.codePointBefore(back))) {
        back -= Character.charCount(text.codePointBefore(back));
      }
      String dropped = text.substring(back, to);
      int own = dropped.length();
      while (own > 0 && !cutText.endsWith(dropped.substring(0, own))) {
        own--;
      }
      to = back + own;
      // The seam never splits a cluster, unless the cut already did and the rest finishes it.
      if (!Texts.splitsCluster(cutText, text.substring(to))) {
        to = Texts.graphemeCeil(text, to);
      }
      overlapTo = Math.max(from, to);
    }
    from = overlapTo;
    String rest = v.text().substring(from);
    String joint = "";
    int ws = 0;
    while (ws < rest.length() && Texts.isWhitespace(rest.charAt(ws))) {
      ws++;
    }
    if (ws > 0) {
      joint = rest.substring(0, ws).replace('\n', ' ');
      rest = rest.substring(ws);
      from += ws;
    } else if (!rest.isEmpty()
        && ((overlapKeyChars == 0 && startsWithSpace(v))
            || needsSpace(cut, v, rest, lead, overlapKeyChars))) {
      joint = " ";
    }
    return new JoinPlan(lead, overlapTo, from, joint, rest);
  }

  /**
   * Whether joining would spell the end marker across the seam ("---END--" cut, "-END---" after
   * it): the output never holds a marker, so such pieces are not joined. Neither side holds one,
   * since the parser splits at every marker.
   */
  private boolean makesMarker(Unit cut, JoinPlan p) {
    return spellsMarker(cut.text(), p.joint() + p.rest());
  }

  /** Whether {@code before} followed by {@code after} holds the end marker across the seam. */
  private boolean spellsMarker(String before, String after) {
    String marker = options.endMarker();
    int keep = marker.length() - 1;
    String around =
        before.substring(Math.max(0, before.length() - keep))
            + after.substring(0, Math.min(after.length(), keep));
    return around.contains(marker);
  }

  /**
   * Joins continuation {@code v} to {@code cut}: removes its lead-in and the words it repeats,
   * then extends the cut's text (if the cut is in the document) or relates the whole sentence to
   * the kept text that covered the cut. Returns whether it joined: it does not, and changes
   * nothing, when the two would spell the end marker across the seam.
   */
  private boolean join(Unit cut, Unit v, int overlapKeyChars) {
    JoinPlan plan = plan(cut, v, overlapKeyChars);
    if (overlapKeyChars > 0 && cut.removal != null && !plan.rest().isEmpty()) {
      // The cut repeats kept text, so the kept sentence says whether the words the two pieces
      // share were said once or twice ("堤坝 road " then "road 河水 ...", where the text has
      // "road road"): keep them both when only that reads as the kept sentence.
      JoinPlan direct = plan(cut, v, 0);
      if (!repeatsKept(cut.text() + plan.joint() + plan.rest())
              && repeatsKept(cut.text() + direct.joint() + direct.rest())
          || keptReadsOnWith(cut, direct.rest(), plan.rest())) {
        plan = direct;
        overlapKeyChars = 0;
      }
    }
    if (makesMarker(cut, plan)) {
      return false;
    }
    boolean lead = plan.lead();
    if (lead) {
      changes.add(
          Change.of(
              ChangeKind.LEAD_IN_REMOVED,
              new SourceSpan(v.fragment, v.start, v.start + v.leadIn),
              v.text().substring(0, v.leadIn)));
    }
    int leadEnd = lead ? v.leadIn : 0;
    if (overlapKeyChars > 0 && plan.overlapTo() > leadEnd) {
      changes.add(
          Change.of(
              ChangeKind.OVERLAP_REMOVED,
              new SourceSpan(v.fragment, v.start + leadEnd, v.start + plan.overlapTo()),
              Texts.excerpt(v.text().substring(leadEnd, plan.overlapTo()), 60)));
    }
    int from = plan.from();
    String rest = plan.rest();
    String joint = plan.joint();
    v.consumed = true;
    if (rest.isEmpty()) {
      v.image = cut.image != null ? cut.image : cut.slot;
      v.saidCutAgain = cut;
      return true;
    }
    SourceSpan restSpan = new SourceSpan(v.fragment, v.start + from, v.end);
    Slot s = cut.slot;
    if (s != null && s.unit == cut && cut.textLength() >= MAX_JOINED) {
      // A cut this long has been completed part after part (a generation streamed in pieces of
      // a few words, none ending a sentence): joining each piece into it would rekey and
      // reindex all of it every time, quadratic in its length. The rest reads on right after it
      // as a unit of its own, the open cut from now on; the text is the same.
      takeRest(v, rest, restSpan);
      v.readsOnFrom = cut;
      v.sentenceStart = cut.sentenceStart != null ? cut.sentenceStart : cut;
      place(v, doc.insertAfter(s, v, joint));
      changes.add(
          Change.of(
              ChangeKind.CUT_OFF_REPAIRED,
              new SourceSpan(v.fragment, restSpan.start(), restSpan.start()),
              Texts.excerpt(rest, 60)));
      head = v.slot;
      cuts.remove(cut);
      return true;
    }
    if (s != null && s.unit == cut) {
      String oldKey = cut.key;
      String joined = cut.text() + joint + rest;
      String joinedKey = Keys.key(joined);
      // A cut that reads on from a long one is that sentence's end: what it says again of the
      // sentence's start is the sentence's own wording, as it would be if the whole were one unit.
      Match copy = cut.readsOnFrom != null ? null
          : adjacentCopy(s, joinedKey, joint.isEmpty() && Texts.splitsCluster(cut.text(), rest));
      if (copy != null) {
        // The cut was kept as new text only because its last letter was not yet whole ("ם e"
        // before "\u0301 Brücke ..."), or because it was too short to find: repaired, it is the
        // kept sentence next to it said again, and both pieces go as a repeat. Each piece alone
        // lies inside the kept sentence, even when both together equal it.
        Slot kept = copy.target();
        retire(s, copy.last());
        cut.removal = new Unit.Removal(ChangeKind.REPEAT_REMOVED, kept, MatchKind.CONTAINED,
            (double) oldKey.length() / kept.unit.key.length());
        restRepeats(v, rest, restSpan, kept, copy.last(), 1);
        cuts.remove(cut);
        return true;
      }
      cut.setText(joined);
      cut.addPiece(restSpan);
      cut.key = joinedKey;
      doc.reindex(s, oldKey);
      changes.add(
          Change.of(
              ChangeKind.CUT_OFF_REPAIRED,
              new SourceSpan(v.fragment, restSpan.start(), restSpan.start()),
              Texts.excerpt(rest, 60)));
      v.image = s;
      head = s;
      cuts.remove(cut);
      Slot once = cut.blockStart && !cut.incomplete() ? keptWithPhraseOnce(cut) : null;
      if (once != null && once != s && once.label < s.label) {
        // Completed, the cut is a restart that says a phrase twice where the kept paragraph
        // opening says it once, a seam read as overlap (105201: "河水 flood " then "河水 flood ש é
        // ...", and the restart "河水 flood 河水 flood ש é 河水 " + "Deich ... 201-2-0."): kept
        // as new text while it was cut and found nowhere, it is that opening's fuller version.
        moveToFuller(s, once);
        v.image = once;
        return true;
      }
      absorbCutBeside(s);
      absorbRestOfReplaced(s);
      return true;
    }
    // The cut's text was already inside kept text: decide what the whole sentence is.
    Unit whole = cut;
    String oldText = whole.text();
    // Found before the cut is keyed as the whole: where it stopped is read from its own key.
    String restKey = Keys.key(rest);
    CutEnd end = cut.removal != null ? cutEndSaidBy(cut, restKey) : null;
    String endSaid = keptEndSaid(end, restKey);
    whole.setText(oldText + joint + rest);
    whole.rekey();
    Match m = match(whole);
    if (m.isNone() && cut.removal != null && whole.blockStart && !whole.incomplete()) {
      // A restart's cut that went as a repeat of a kept paragraph opening, completed, may say a
      // phrase twice where the kept opening says it once, a seam read as overlap (2087365: "👨‍👩
      // 堤坝 volunte" + "ers bridge volunteers bridge volunteers 365-1-0. ... 365-1-1." over the
      // kept cut "👨‍👩 堤坝 volunteers bridge volunteers 365-1-0. ... vol"): it is that opening's
      // fuller version, as it would be read in one piece; its rest does not read on at the kept
      // cut's end ("volers").
      Slot once = keptWithPhraseOnce(whole);
      if (once != null && once == Doc.live(cut.removal.keptAt())) {
        m = new Match(Match.Relation.FULLER, once, once,
            (double) once.unit.key.length() / whole.key.length());
      }
    }
    if ((m.isNone() || m.relation() == Match.Relation.NEAR) && cut.removal != null
        && settlesLaterSeam(whole, Keys.key(oldText), Doc.live(cut.removal.keptAt()))) {
      m = match(whole);
    }
    if ((m.relation() == Match.Relation.FULLER || m.relation() == Match.Relation.NEAR
            || m.isNone())
        && endSaid != null) {
      // The rest says the end of the kept sentence the cut lay in and reads on into the kept
      // cut after it (1135: "135-6-2. volunteers ... 135-6-3." after the cut "川 Fluss 川 増" in
      // "川 Fluss 川 増水 ... 135-6-2.", the kept cut "volunteers ... ש floo" next): the whole
      // is only like that next sentence. The end goes as a repeat, and what follows it is
      // matched on its own. Found as nothing, the whole may be that end and then a kept cut's
      // fuller version (13022: "2-0. 川 👨‍👩 river 22-2-1. road ..." after the cut "... 22-" in
      // "... 22-2-0.", the kept cut "川 👨‍👩 river 2" next), the first letters of the kept unit
      // after it, or new text (2310304).
      whole.setText(oldText);
      whole.rekey();
      takeRest(v, rest, restSpan);
      String between = saysEndThenGoesOn(cut, v);
      if (between == null) {
        // Not reached: endSaid holds only if words follow the end.
        between = " ";
      }
      Slot at = end.at();
      Match after = matchAfterEnd(v.key, at);
      if ((after.isNone() || after.relation() == Match.Relation.NEAR)
          && settlesLaterSeam(v, "", at.next)) {
        // What follows the end opens the kept unit after it once a seam there is read anew
        // (3113537: "... 537-0-2." then "ש 河水 Brücke council council council ...", over the kept
        // "ש 河水 Brücke council counci" + "… council council 堤坝 ...", read with "council"
        // twice).
        after = matchAfterEnd(v.key, at);
      }
      if (after.relation() == Match.Relation.COVERED && v.incomplete() && after.target() != at
          && after.target() != at.next && !Keys.startsWithCut(after.target().unit.key, v.key)) {
        // A cut after the end that only shares words with a sentence elsewhere (567593: "...
        // 593-1-0. volunteers" at the end of kept text, "volunteers" inside paragraph 0) is new
        // text after the end, not a repeat of that sentence.
        after = Match.NONE;
      }
      if (after.relation() == Match.Relation.COVERED && v.incomplete() && after.target() == at
          && after.last() == at && !Keys.startsWithCut(at.unit.key, v.key)) {
        // Nor does a cut after the end repeat the sentence just said to that end, where it only
        // shares words with its middle (1912381: "bridge counci" after "... 381-1-2.", the end
        // of "... 河水 bridge council 381-1-0. ... 381-1-2."): the text reads on, new there.
        after = Match.NONE;
      }
      if (after.relation() == Match.Relation.FULLER && v.incomplete()
          && startsCutIntoNext(after.target(), v)) {
        // Fuller only by the first letters of the kept unit after it, a paragraph of its own
        // because the part before stopped at a full stop (404684: "ם 土のう bridge é 684-0-2.
        // counc" over the kept "ם ... 684-0-2." and "council sandbags ... 684-0-3."): the restart
        // says both again and was cut.
        Slot next = after.target().next;
        after = new Match(Match.Relation.COVERED, after.target(), next,
            (double) v.key.length() / (after.target().unit.key.length() + 1
                + next.unit.key.length()));
      }
      if (after.isNone() && v.incomplete()) {
        after = opensNextUnit(v.key, at);
      }
      if (after.relation() == Match.Relation.EXACT
          || after.relation() == Match.Relation.COVERED) {
        restRepeats(v, v.text(), v.piece(0), after.target(), after.last(), after.similarity());
      } else if (after.relation() == Match.Relation.FULLER) {
        dropKeptSentencesBefore(v, at, after.target());
        v.removal = null;
        supersede(after.target(), v, ChangeKind.REPLACED_BY_FULLER, MatchKind.CONTAINED,
            after.similarity());
        absorbRestOfReplaced(after.target());
        v.image = after.target();
        head = after.target();
      } else {
        String sep = spellsMarker(at.unit.text(), between + v.text()) ? "\n\n" : between;
        place(v, doc.insertAfter(at, v, sep));
      }
      cuts.remove(cut);
      return true;
    }
    if (m.isNone() && cut.removal != null) {
      Slot kept = Doc.live(cut.removal.keptAt());
      Slot next = kept.next;
      String k = whole.key;
      int at = next.real && next.unit != null ? k.length() - next.unit.key.length() - 1 : -1;
      if (kept.real && kept.unit != null && !kept.unit.incomplete() && at > 0
          && k.endsWith(next.unit.key) && k.charAt(at) == ' '
          && kept.unit.key.endsWith(k.substring(0, at))) {
        // The cut said the end of the kept sentence it lay in and the start of the next, and the
        // rest completes that one (26209: "9-2-2. 👨‍👩 é 磨坊 堤坝 " + "209-2-3."): all of it is
        // kept text, though the end before the junction is too short for an anchor. The rest
        // lies in the next one, and the report points there. (A kept cut is another matter.)
        String nk = next.unit.key;
        m = new Match(Match.Relation.COVERED, next, next,
            (double) Math.min(Keys.key(rest).length(), nk.length()) / nk.length());
      } else if (kept.real && kept.unit != null && k.length() > kept.unit.key.length()
          && Keys.startsWithCut(k, kept.unit.key)) {
        // The cut lay inside a kept sentence, and with the continuation it reads that sentence
        // and goes on: the kept sentence stopped at a marker too (at a sentence end, so it did
        // not look cut), and this is its fuller version (a restart that goes further).
        m = new Match(Match.Relation.FULLER, kept, kept,
            (double) kept.unit.key.length() / k.length());
      }
    }
    Slot stood = m.isNone() ? stoodAwayFromKeptStart(cut, Keys.key(oldText)) : null;
    if (stood != null) {
      // A cut that opens a paragraph as a kept sentence opens ("road 👨‍👩 é" after "road 👨‍👩 é
      // sandbags ... 627-0-0. 橋 ... 627-0-1.", 44627; "増水 volunteers" far from "増水
      // volunteers road ... 874-0-2.", 61874), away from where the run stood, and whole says
      // something else (" 627-1-0. council ..."): new text, where the run stood, not a sentence
      // inside the one it began like.
      placeWholeAsNew(cut, v, rest, restSpan, stood);
      return true;
    }
    if (m.relation() == Match.Relation.NEAR && cut.removal != null
        && sameRunBefore(cut, m.target())) {
      // The cut began like the sentence its own run wrote just before it ("+ \"http://.../pro"
      // after "+ \"http://.../program.pl?..."), and whole it differs: a run never rewrites the
      // sentence it has just written, so this is its next one (a list item like the last),
      // placed as new text after it.
      placeWholeAsNew(cut, v, rest, restSpan, Doc.live(cut.removal.keptAt()));
      return true;
    }
    if (m.isNone() && cut.removal != null
        && (sameRunBefore(cut, Doc.live(cut.removal.keptAt()))
            || cut.blockStart && completedByRunBefore(cut, Doc.live(cut.removal.keptAt()))
            || saidToEndThenOpensAlike(cut, Keys.key(oldText), Doc.live(cut.removal.keptAt())))) {
      // Likewise a cut that says words of the sentence its run has just written, opening a
      // paragraph ("sandbags " after "... 400-1-2. sandbags Fluss river ... 400-1-3.", 6400) or
      // on the same line ("堤坝 river " after "堤坝 river 橋 council 357-0-1.", 110357), and whole
      // is found nowhere ("sandbags 川 河水 ..."): the next sentence, not that one said again.
      // The same after a sentence the run has just completed (completedByRunBefore), or said
      // again to its end, when the cut says its start again (saidToEndThenOpensAlike).
      placeWholeAsNew(cut, v, rest, restSpan, Doc.live(cut.removal.keptAt()));
      return true;
    }
    if (m.relation() == Match.Relation.NEAR && !lead && overlapKeyChars == 0
        && cut.removal != null && m.target() == Doc.live(cut.removal.keptAt())) {
      // Only like the kept cut the cut lay in, because the cut began inside it ("eich sandbags
      // ... 980-0-2", the rest of a restart's "👨‍👩 D", then ". flood Brücke ... sandbags 川 Dei"
      // over the kept "... 980-0-2. flood Brücke ... sandbag", 72980): the rest may complete it.
      whole.setText(oldText);
      whole.rekey();
      v.consumed = false;
      if (completesKeptCut(cut, v)) {
        return true;
      }
      // Or it says the kept cut's last chars and reads on (2231018: the rest "\u200D👩 ... 18-5"
      // of a restart's "👨", then "-3." over the kept "👨‍👩 ... 18-5-3"): only the start the cut
      // never had keeps the whole from being the kept cut's fuller version, and a version that
      // opens with a bare joiner must not take its place. Only where the cut lies once, and not
      // at the kept cut's start: a restart's "r" then "oad ..." over the kept "road ... é ro"
      // (948785) is no rest read on after the "r" of "ro".
      String keptKey = m.target().unit.key;
      int in = keptKey.indexOf(cut.key);
      if (from == 0 && v.pieceCount() == 1 && cut.image != null
          && Doc.live(cut.image) == m.target() && in > 0 && in == keptKey.lastIndexOf(cut.key)
          && readsOnInKeptCut(cut, v, restSpan)) {
        return true;
      }
      v.consumed = true;
      whole.setText(oldText + joint + rest);
      whole.rekey();
    }
    switch (m.relation()) {
      case EXACT, COVERED -> {
        whole.setText(oldText);
        whole.rekey();
        if (!splitRepeatAtKeptEnd(cut, end, v, rest, restSpan, m, endSaid)) {
          restRepeats(v, rest, restSpan, m.target(), m.last(), m.similarity());
        }
      }
      case FULLER, NEAR -> {
        whole.addPiece(restSpan);
        whole.removal = null;
        boolean cutDropped = false;
        if (m.relation() == Match.Relation.FULLER) {
          // The cut may have opened with the end of the kept sentence before the one its whole
          // completes (7376: "川 Fluss ם 376-2-1. sandbags ... é r" + "oad 橋 Deich 376-2-2."
          // after "... 376-2-0. 川 Fluss ם 376-2-1."): said there already, it goes as overlap.
          cutDropped = stripRepeatedHead(whole, m.target());
          supersede(m.target(), whole, ChangeKind.REPLACED_BY_FULLER, MatchKind.CONTAINED,
              m.similarity());
        } else {
          variant(m.target(), whole, m.similarity());
        }
        if (whole.removal != null) {
          // The kept version won; the continuation's text goes with the cut's.
          whole.setText(oldText);
          whole.rekey();
          whole.removeLastPiece();
          v.consumed = false;
          v.setText(rest);
          v.setFirstPiece(restSpan);
          v.removal = new Unit.Removal(
              ChangeKind.VARIANT_DROPPED, m.target(), MatchKind.NEAR, m.similarity());
        } else {
          // A cut that went as overlap with the head of its rest (stripRepeatedCut) was not
          // repaired: the kept cut that the rest completes is reported as replaced.
          if (!cutDropped) {
            changes.add(
                Change.of(
                    ChangeKind.CUT_OFF_REPAIRED,
                    new SourceSpan(v.fragment, restSpan.start(), restSpan.start()),
                    Texts.excerpt(rest, 60)));
          }
          if (m.relation() == Match.Relation.FULLER) {
            absorbRestOfReplaced(m.target());
          }
        }
        v.image = m.target();
        head = m.target();
      }
      default -> {
        // New text that continues a sentence the document already holds: keep it after that.
        whole.setText(oldText);
        whole.rekey();
        if (cut.removal != null && rewritesEnd(Doc.live(cut.removal.keptAt()), cut, v, rest,
            joint, restSpan)) {
          break;
        }
        v.consumed = false;
        if (!lead && overlapKeyChars == 0 && completesKeptCut(cut, v)) {
          return true;
        }
        takeRest(v, rest, restSpan);
        Slot anchor = Doc.live(cut.removal != null ? cut.removal.keptAt() : head);
        if (cut.removal != null && cut.image != null) {
          // The rest alone may still lie in the kept sentence the cut was read in ("水 515-4-2."
          // after a cut ". 橋 ... Fluss 河" that went as a repeat): then it repeats too, where
          // the whole did not match only for the sentence end the cut started with.
          // Too short for the index, often: the kept sentence there is asked directly.
          Slot at = Doc.live(cut.image);
          // (Also when the rest stopped before its last letter's mark: 10588, "... sandbags e".)
          // Not a rest without a letter or digit after a cut that stopped at the very end of a
          // kept cut: it goes on that cut, though a "." or "," stands in it elsewhere (2102053:
          // the "." of "…53-1-2." after a cut that went as a repeat of the end of the kept cut
          // "... 53-1-1. council 橋 磨坊 volunteers 53-1-2").
          CutEnd e = wordless(v.key) ? cutEnd(cut) : null;
          boolean goesOnKeptCut = e != null && e.at() == at && at.unit.incomplete()
              && e.end() >= at.unit.key.length();
          if (!v.key.isEmpty() && at.real && at.unit != null && !goesOnKeptCut
              && (at.unit.key.contains(v.key)
                  || v.incomplete() && Keys.containsCut(at.unit.key, v.key))) {
            restRepeats(v, rest, restSpan, at, at, (double) v.key.length() / at.unit.key.length());
            break;
          }
          if (goesOnKeptCut && at.unit.slot == at && !spellsMarker(at.unit.text(), joint + rest)) {
            // ... and it is that cut's repair, not a unit of its own after it: the kept cut then
            // stood in the report as cut off, its full stop right beside it.
            readOnKeptCut(at, v, joint, rest, restSpan);
            break;
          }
        }
        if (cut.removal != null && cut.image != null && readsOnInKeptCut(cut, v, restSpan)) {
          break;
        }
        CutEnd atEnd = cut.removal != null && cut.image != null ? cutEnd(cut) : null;
        if (atEnd != null && atEnd.end() == atEnd.at().unit.key.length()) {
          // The cut went as a repeat up to the very end of a kept unit, and the rest is the
          // fuller version of the kept sentence right after it (2105398: "川 é ... 398-1-2. mill
          // ... 398-1-3." after the end of "... 398-1-1.", the kept "川 é ... 398-1-2." next):
          // it replaces that sentence, as a rest after a kept sentence's end said does.
          Slot endAt = atEnd.at();
          Match fuller = matchAfterEnd(v.key, endAt);
          if (fuller.relation() == Match.Relation.FULLER && fuller.target() == endAt.next) {
            supersede(fuller.target(), v, ChangeKind.REPLACED_BY_FULLER, MatchKind.CONTAINED,
                fuller.similarity());
            absorbRestOfReplaced(fuller.target());
            v.image = fuller.target();
            head = fuller.target();
            break;
          }
          if (endAt.unit.incomplete() && endAt.unit.slot == endAt && endAt == Doc.live(cut.image)
              && !spellsMarker(endAt.unit.text(), joint + rest)) {
            // A kept cut's very end: the rest is its repair, as a wordless one is above, not a
            // unit of its own beside a kept cut that the report would call cut off (2646216:
            // "é 216-3-1. ..." after a lead-in's "堤坝 road 堤坝", the end of the kept
            // "volunteers mill 川 216-3-0. 堤坝 road 堤坝").
            readOnKeptCut(endAt, v, joint, rest, restSpan);
            break;
          }
        }
        String between =
            cut.removal != null && cut.image != null ? saysEndThenGoesOn(cut, v) : null;
        if (between != null) {
          anchor = cutEnd(cut).at();
        }
        String after = between != null ? between : joint;
        // The kept sentence that holds the cut ends otherwise than the cut did: the seam is
        // checked again ("... ND---" then "--END---" would spell the marker; fuzzing found it).
        String sep =
            anchor.real && spellsMarker(anchor.unit.text(), after + v.text()) ? "\n\n" : after;
        Slot placed = doc.insertAfter(anchor, v, sep);
        place(v, placed);
      }
    }
    cuts.remove(cut);
    return true;
  }

  /** The live kept cut that {@code cut} went as a repeat in, or null when it went in none. */
  private static Slot keptCutHolding(Unit cut) {
    Slot within = cut.removal != null ? Doc.live(cut.removal.keptAt()) : null;
    return within != null && within.real && within.unit != null && within.unit.slot == within
        && within.unit.incomplete() ? within : null;
  }

  /**
   * Whether unit {@code k} of a lead-in part, {@code v}, which overlaps {@code cut} by {@code ov}
   * key chars, completes the kept cut that {@code cut} went as a repeat in (joined there, and then
   * true): it says more of that kept cut's end than of the cut, then goes on (75060: "…2-1.
   * volunteers sandbags ... flood council flood council " after the cut "Deich ... 60-2-1.
   * volunteers" in the kept "... 60-2-1. volunteers sandbags ... flood council flood co"), as a
   * continuation without lead-in would ({@link #completesKeptCut}). Only when {@code v} is found
   * in that kept cut, or found nowhere as it reads on past its end to a sentence end (77286:
   * "…286-2-1. 河水 sandbags ... flood 磨坊 mill council ם 286-2-3." after the cut "河水" in "...
   * 286-2-1. 河水 sandbags ... flood 磨坊"), and only when the kept cut ends its line: otherwise
   * the kept cut's rest may stand elsewhere already (16762; 16489: "... bridge volunteers " then
   * "👨‍👩 489-0-3.", a unit of its own, and the lead-in "… council bridge volunteers 👨‍", itself
   * cut). {@code k} is past 0 when the lead-in's repeated words span a sentence end ({@link
   * #spanningOverlap}; 108605: "…l 605-0-0. ש 橋 sandbags ... Fluss sandbags road ..." after the
   * cut "... 605-0-0. ש 橋 sandb" in the kept "... 605-0-0. ש 橋 sandbags ... Fluss sand").
   */
  private boolean leadInCompletesKeptCut(Unit cut, int k, int ov) {
    Slot within = keptCutHolding(cut);
    Unit v = units.get(k);
    if (within == null || !(snapTargets[k] == within || snapTargets[k] == null)
        || within.next.real && within.next.sep.indexOf('\n') < 0) {
      return false;
    }
    if (ov < v.key.length() && within.unit.key.contains(cut.key + v.key.substring(ov))) {
      // The lead-in reads on from the cut inside the kept cut, not at its end, which only ends
      // with the same letters ("…volunteers é ... 976-2-0. b" after "ש 👨‍👩 ש ש volunte", in the
      // kept "ש 👨‍👩 ש ש volunteers é ... 976-2-0. bridge voluntee"): a repeat (543976). Also
      // when it reads on into a paragraph it opens ("…2.\n\nBrücke Brücke ... 川 Brücke " after
      // the cut "Brücke", in the kept "Brücke Brücke ... 川 Brücke Br", 574822).
      return false;
    }
    int keptOv = overlap(within.unit, v);
    if (keptOv > ov && keptOv < v.key.length() && join(within.unit, v, keptOv)) {
      cuts.remove(cut);
      return true;
    }
    return false;
  }

  /**
   * Whether {@code v}, the continuation of {@code cut}, which went as a repeat inside a kept cut,
   * completes that kept cut instead (joined there, and then true): it says the kept cut's last
   * words again and goes on ("橋 é 川 増水 ם 67" + "3-1-2. river ... 河水 flood 673-1-3." in the
   * kept "... 673-1-2. river ... 河水 f"), or {@code cut} stopped where the kept cut stops and
   * {@code v} goes on from there (76753: "... sandbags Deich 👨" said again, then "\u200D👩
   * 753-1-1. ...").
   */
  private boolean completesKeptCut(Unit cut, Unit v) {
    Slot within = keptCutHolding(cut);
    if (within == null) {
      return false;
    }
    int ov = overlap(within.unit, v);
    if (ov >= options.minOverlap() && ov < v.key.length() && join(within.unit, v, ov)) {
      cuts.remove(cut);
      return true;
    }
    if (within.unit != cut && within.unit.key.endsWith(cut.key)) {
      // The cut said how it ended: a space before its marker is a word's end there too (4233:
      // "... river council " said again, then "ם mill ...").
      boolean spaceBefore = within.unit.spaceBeforeMarker;
      within.unit.spaceBeforeMarker |= cut.spaceBeforeMarker;
      if (join(within.unit, v, 0)) {
        cuts.remove(cut);
        return true;
      }
      within.unit.spaceBeforeMarker = spaceBefore;
    }
    return false;
  }

  /**
   * Continuation {@code v} of a cut that went as a repeat inside a kept sentence says the rest of
   * that sentence, full stop included, and goes on in the same unit ("... sandbags ש " in "...
   * sandbags ש 7-4-1.", then "7-4-1. bridge mill ... 7-4-3.", one sentence to ICU since "bridge"
   * is lower case): the repeated end is removed as a repeat and {@code v} keeps only what follows
   * it, to be placed after the kept sentence. Returns the whitespace that stood between the two,
   * or null (and nothing changes) if {@code v} does not.
   */
  private String saysEndThenGoesOn(Unit cut, Unit v) {
    CutEnd end = cutEndSaidBy(cut, v.key);
    String oldEnd = v.pieceCount() == 1 ? keptEndSaid(end, v.key) : null;
    if (oldEnd == null) {
      return null;
    }
    Slot at = end.at();
    String text = v.text();
    if (skipWhitespace(text, textAfterKeyChars(text, oldEnd.length())) >= text.length()) {
      return null;
    }
    return dropSaidStart(v, oldEnd.length(), at.unit.piece(0), MatchKind.CONTAINED,
        clamp((double) oldEnd.length() / at.unit.key.length()));
  }

  /**
   * Takes off the start of {@code v}, read from one piece, the text that says the first {@code
   * keyChars} chars of its key, reported as a repeat of {@code kept}; returns the whitespace that
   * followed that text.
   */
  private String dropSaidStart(
      Unit v, int keyChars, SourceSpan kept, MatchKind match, double similarity) {
    String text = v.text();
    int off = textAfterKeyChars(text, keyChars);
    int from = skipWhitespace(text, off);
    SourceSpan p = v.piece(0);
    changes.add(
        Change.relative(
            ChangeKind.REPEAT_REMOVED,
            new SourceSpan(p.fragment(), p.start(), p.start() + off),
            Texts.excerpt(text.substring(0, off), 60),
            kept,
            match,
            similarity));
    v.setText(text.substring(from));
    v.setFirstPiece(new SourceSpan(p.fragment(), p.start() + from, p.end()));
    v.rekey();
    return text.substring(off, from);
  }

  /**
   * Continuation {@code v} (its text now the rest at {@code restSpan}) of a cut that went as a
   * repeat inside a kept cut says that kept cut's remaining words and goes on ("... council mill"
   * inside the kept "... council mill Brücke ש ... road Brücke", then "Brücke ש ... road Brücke
   * 👨‍👩 磨坊 橋 226-0-3."): those words are the overlap at the kept cut, and the kept cut reads on
   * with what follows them. Returns whether it did so; nothing changes otherwise.
   */
  private boolean readsOnInKeptCut(Unit cut, Unit v, SourceSpan restSpan) {
    Slot at = Doc.live(cut.image);
    if (!at.real || at.unit == null || at.unit.slot != at || at.unit.key == null
        || !at.unit.isProse() || !at.unit.incomplete() || v.pieceCount() != 1
        || cut.key.isEmpty() || v.key.isEmpty()) {
      return false;
    }
    Unit kept = at.unit;
    int p = kept.key.lastIndexOf(cut.key);
    if (p < 0) {
      return false;
    }
    String said = kept.key.substring(p + cut.key.length()).strip();
    // Saying no more than the kept cut does is going on only where the kept cut stopped before its
    // last letter's mark: then the mark is what follows (116002: "ss ... flood 2-1-2. e\u0301"
    // after the cut "Flu" in the kept "... Fluss ... flood 2-1-2. e").
    if (said.isEmpty() || v.key.length() < said.length()
        || v.key.length() == said.length() && v.key.startsWith(said)
        || !Keys.startsWithCut(v.key, said)) {
      return false;
    }
    String text = v.text();
    int off;
    int from;
    if (v.key.startsWith(said)) {
      off = textAfterKeyChars(text, said.length());
      from = skipWhitespace(text, off);
    } else {
      // The kept cut stopped between its last letter and the letter's mark (8035: "... 35-1-1.
      // e", then "... 35-1-1. e\u0301 volunteers ..."): the overlap ends after the bare letter,
      // and the kept cut reads on with the mark. A letter written precomposed has no such seam.
      Keys.Key keyed = Keys.normalize(text, 0, text.length(), true);
      int letter = keyed.origin[said.length() - 1];
      int base = text.codePointAt(letter);
      off = letter + Character.charCount(base);
      if (off >= text.length() || !Texts.isCombiningMark(text.codePointAt(off))
          || said.codePointBefore(said.length()) != base) {
        return false;
      }
      from = off;
    }
    if (from >= text.length()) {
      return false;
    }
    String joint = text.substring(off, from).replace('\n', ' ');
    String rest = text.substring(from);
    SourceSpan newSpan = new SourceSpan(restSpan.fragment(), restSpan.start() + from, restSpan.end());
    if (spellsMarker(kept.text(), joint + rest)) {
      return false;
    }
    changes.add(
        Change.of(
            ChangeKind.OVERLAP_REMOVED,
            new SourceSpan(restSpan.fragment(), restSpan.start(), restSpan.start() + off),
            Texts.excerpt(text.substring(0, off), 60)));
    cuts.remove(cut);
    readOnKeptCut(at, v, joint, rest, newSpan);
    return true;
  }

  /**
   * Makes {@code rest} (at {@code span}), what is left of continuation {@code v}, read on at the
   * end of kept cut {@code at} after {@code joint}, as the cut's repair.
   */
  private void readOnKeptCut(Slot at, Unit v, String joint, String rest, SourceSpan span) {
    Unit kept = at.unit;
    changes.add(
        Change.of(
            ChangeKind.CUT_OFF_REPAIRED,
            new SourceSpan(span.fragment(), span.start(), span.start()),
            Texts.excerpt(rest, 60)));
    cuts.remove(kept);
    if (kept.textLength() >= MAX_JOINED) {
      // As in join: a long kept cut is read on by a unit of its own right after it.
      takeRest(v, rest, span);
      v.readsOnFrom = kept;
      v.sentenceStart = kept.sentenceStart != null ? kept.sentenceStart : kept;
      place(v, doc.insertAfter(at, v, joint));
      head = v.slot;
      return;
    }
    String oldKey = kept.key;
    kept.setText(kept.text() + joint + rest);
    kept.addPiece(span);
    kept.rekey();
    doc.reindex(at, oldKey);
    v.consumed = true;
    v.image = at;
    head = at;
    absorbCutBeside(at);
    absorbRestOfReplaced(at);
  }

  /**
   * The cut and its rest repeat kept text, and the rest says the end of the kept sentence the cut
   * lay in and reads on with words that lie in a later kept sentence (663: "3-2-0. mill 堤坝 ...
   * 663-2-1. volun" after the cut "ם mill 橋 増水 flood 66" in "... 663-2-0."): the end goes as a
   * repeat of that sentence, and what follows as a repeat of the one it lies in, so that a
   * continuation of this rest completes that sentence, not one that starts with another's end.
   * {@code endSaid} is that end ({@link #keptEndSaid}), or null. Returns whether it did so;
   * nothing changes otherwise.
   */
  private boolean splitRepeatAtKeptEnd(
      Unit cut, CutEnd end, Unit v, String rest, SourceSpan restSpan, Match m, String endSaid) {
    if (endSaid == null || end.at() != m.target()) {
      return false;
    }
    Slot at = m.target();
    // Only when what follows the end lies in kept text on its own: else the repeat stays whole.
    String following = Keys.key(rest).substring(endSaid.length()).strip();
    Match after = doc.match(following, at, options.nearSimilarity());
    Slot next = at.next;
    if (after.isNone() && next.real && next.unit != null && next.unit.slot == next
        && !following.isEmpty() && Keys.startsWithCut(next.unit.key, following)) {
      // Too short for the index, what follows may start the kept sentence right after (741881:
      // "1-1-1. ם 河水 👨‍👩 88" after the cut "... 増水 👨‍👩 88" in "... 881-1-1.", then "ם 河水
      // 👨‍👩 881-1-2." next).
      after = new Match(Match.Relation.COVERED, next, next,
          (double) following.length() / next.unit.key.length());
    }
    if (after.relation() != Match.Relation.EXACT && after.relation() != Match.Relation.COVERED
        || after.target() == at) {
      return false;
    }
    takeRest(v, rest, restSpan);
    if (saysEndThenGoesOn(cut, v) == null) {
      return false;
    }
    restRepeats(v, v.text(), v.piece(0), after.target(), after.last(), after.similarity());
    return true;
  }

  /**
   * The kept unit right after {@code at} as what {@code key} repeats, when that unit opens with
   * the cut {@code key} and goes on; else none. Such a cut, after the end of the kept sentence at
   * {@code at}, is often too short for the index (1604357: "bri" after "... 357-0-0.", the kept
   * cut "bridge 👨‍👩 堤坝 council Flu" next): the restart reads on there and says that unit again.
   */
  private static Match opensNextUnit(String key, Slot at) {
    Slot next = at.next;
    if (!next.real || next.unit == null || next.unit.slot != next
        || !next.unit.isProse() || next.unit.key.length() <= key.length()
        || !Keys.startsWithCut(next.unit.key, key)) {
      return Match.NONE;
    }
    return new Match(Match.Relation.COVERED, next, next,
        (double) key.length() / next.unit.key.length());
  }

  /**
   * Takes off the start of {@code v} the kept sentences that stand between {@code at} and the
   * kept cut {@code v} completes, when {@code v} says them first, each whole (1312908: "土のう
   * sandbags ... 908-1-1. volunteers ... 908-1-2." after the end of "... 908-1-0.", where "...
   * 908-1-1." is kept and the cut "volunteers ... 908-1" after it): they go as repeats, and only
   * what follows replaces the cut, which would otherwise hold the kept sentence a second time.
   */
  private void dropKeptSentencesBefore(Unit v, Slot at, Slot cut) {
    StringBuilder said = new StringBuilder();
    int walked = 0;
    for (Slot s = at.next; s != cut; s = s.next) {
      if (!s.real || s.unit == null || s.unit.slot != s || s.unit.incomplete()
          || s.unit.key.isEmpty() || walked++ >= MAX_WALK) {
        return;
      }
      said.append(s.unit.key).append(' ');
    }
    if (said.length() == 0 || !v.key.startsWith(said.toString())
        || v.key.length() <= said.length()) {
      return;
    }
    for (Slot s = at.next; s != cut; s = s.next) {
      dropSaidStart(v, s.unit.key.length(), s.unit.piece(0), MatchKind.EXACT, 1.0);
    }
  }

  /**
   * How the words after a kept sentence's end, said again, match near {@code at}, that sentence:
   * as the index says, or as the fuller version of a kept cut right after it that is too short
   * for the index (102470: "磨坊 volunteers ... bridge 磨坊" after "... 470-1-0.", the kept cut
   * "磨坊 " next).
   */
  private Match matchAfterEnd(String key, Slot at) {
    Match m = doc.match(key, at, options.nearSimilarity());
    Slot next = at.next;
    if (m.relation() != Match.Relation.NONE || !next.real || next.unit == null
        || next.unit.slot != next || !next.unit.incomplete() || !next.unit.isProse()
        || next.unit.key.isEmpty() || key.length() <= next.unit.key.length()
        || !Keys.startsWithCut(key, next.unit.key)) {
      return m;
    }
    return new Match(Match.Relation.FULLER, next, next,
        (double) next.unit.key.length() / key.length());
  }

  /** Where in {@code text} its key's first {@code keyChars} chars end, at a grapheme boundary. */
  private static int textAfterKeyChars(String text, int keyChars) {
    Keys.Key keyed = Keys.normalize(text, 0, text.length(), true);
    return Texts.graphemeCeil(text, keyed.origin[keyChars]);
  }

  /** Whether {@code key} holds no letter and no digit: punctuation and symbols only. */
  private static boolean wordless(String key) {
    return key.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  private static int skipWhitespace(String text, int from) {
    while (from < text.length() && Texts.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** Where a cut that went as a repeat stopped in kept text: the slot and its key's offset. */
  private record CutEnd(Slot at, int end) {}

  /**
   * {@link #cutEnd}, or, when {@code restKey} does not say the kept sentence's end from there,
   * the last earlier place where that sentence says the cut from which it does: the kept sentence
   * may say the cut's words more than once (2310304: the cut "磨坊" in "... 304-1-0. 磨坊 council
   * 磨坊 磨坊 mill ... 304-1-1.", then " council 磨坊 磨坊 mill ... 304-1-1. council 磨坊 Deich
   * 304-1-").
   */
  private static CutEnd cutEndSaidBy(Unit cut, String restKey) {
    CutEnd end = cutEnd(cut);
    if (end == null || keptEndSaid(end, restKey) != null) {
      return end;
    }
    String cutKey = cut.key;
    String kept = end.at().unit.key;
    int tried = 0;
    for (int p = kept.lastIndexOf(cutKey, end.end() - cutKey.length() - 1);
        p >= 0 && !cutKey.isEmpty() && tried++ < MAX_WALK;
        p = kept.lastIndexOf(cutKey, p - 1)) {
      CutEnd earlier = new CutEnd(end.at(), p + cutKey.length());
      if (keptEndSaid(earlier, restKey) != null) {
        return earlier;
      }
    }
    return end;
  }

  /** Kept units a cut read as one sentence may span; a bound, as everywhere a chain is walked. */
  private static final int MAX_SPANNED = 8;

  /**
   * Where {@code cut}, which went as a repeat, stopped in kept text: inside the kept sentence it
   * was found in, also before its last letter's mark ("river e" in "river é 630-0-1."), or, for a
   * cut ICU read as one sentence over several kept ones since the next starts in lower case
   * ("... 599-1-0. mill 土のう ... 599-1" over "... 599-1-0." and "mill 土のう ... 599-1-1."), in
   * the one its last words lie in (456599); null if neither.
   */
  private static CutEnd cutEnd(Unit cut) {
    Slot at = cut.image != null ? Doc.live(cut.image) : null;
    if (at == null || !at.real || at.unit == null || at.unit.key == null || cut.key.isEmpty()) {
      return null;
    }
    int end = Keys.lastEndOfCut(at.unit.key, cut.key);
    if (end >= 0) {
      return new CutEnd(at, end);
    }
    String tail = cut.key;
    // The unit found may be any of those the cut spans: go back to the one it starts with, at
    // that unit's start or inside it, where the cut reads that unit to its end and goes on into
    // the next (2858426: ". bridge ... 426-1-1. é bridge ... 堤坝 42", from the "." that ends
    // "426-1-0" in "... 426-1-0. bridge ... 426-1-1.", then "é bridge ... 堤坝 426-1-2.", the unit
    // it was found in; 3061574: "74-0-1. 河水 ... 川 574", the end of "... 河水 574-0-1." and then
    // "河水 ... 川 574-0-2.").
    for (int n = 0; !startsWithUnit(tail, at); n++) {
      CutEnd inside = readOnFromInside(tail, at);
      if (inside != null) {
        return inside;
      }
      at = at.prev;
      if (n == MAX_SPANNED || !at.real || at.unit == null || at.unit.key == null) {
        return null;
      }
    }
    return readOn(tail, at);
  }

  /** Ends of one kept unit, at word boundaries, that {@link #readOnFromInside} compares. */
  private static final int MAX_ENDS_TRIED = 64;

  /**
   * Where {@code tail}, the last words of a cut, ends when it opens with an end of the kept unit
   * at {@code at} that starts inside it, a space after, and reads on from the next unit (the
   * longest such end that does); null if none.
   */
  private static CutEnd readOnFromInside(String tail, Slot at) {
    String kept = at.unit.key;
    int tried = 0;
    for (int space = tail.lastIndexOf(' ', kept.length() - 1);
        space > 0 && tried++ < MAX_ENDS_TRIED; space = tail.lastIndexOf(' ', space - 1)) {
      if (kept.regionMatches(kept.length() - space, tail, 0, space)) {
        CutEnd end = readOn(tail.substring(space + 1), at.next);
        if (end != null) {
          return end;
        }
      }
    }
    return null;
  }

  /**
   * Where {@code tail} ends when it opens the kept unit at {@code at}: in that unit, or in one
   * after it that it reads on into through whole units; null if neither.
   */
  private static CutEnd readOn(String tail, Slot at) {
    for (int n = 0; n <= MAX_SPANNED; n++) {
      if (!at.real || at.unit == null || at.unit.key == null) {
        return null;
      }
      CutEnd end = endIn(at, tail);
      if (end != null) {
        return end;
      }
      if (!startsWithUnit(tail, at)) {
        return null;
      }
      tail = tail.substring(at.unit.key.length() + 1);
      at = at.next;
    }
    return null;
  }

  /** Where {@code tail}, a cut's last words, ends in the kept unit at {@code at} it opens. */
  private static CutEnd endIn(Slot at, String tail) {
    if (at.unit.key.startsWith(tail)) {
      return new CutEnd(at, tail.length());
    }
    if (Keys.startsWithCut(at.unit.key, tail)) {
      // The kept letter composed what the cut left bare: the cut ends after that letter.
      int last = tail.offsetByCodePoints(tail.length(), -1);
      return new CutEnd(at, last + Character.charCount(at.unit.key.codePointAt(last)));
    }
    return null;
  }

  /** Whether {@code key} says the key of the unit at {@code s} and goes on past it. */
  private static boolean startsWithUnit(String key, Slot s) {
    return !s.unit.key.isEmpty() && key.startsWith(s.unit.key + " ");
  }

  /**
   * The remainder of the kept sentence that {@code cut} went as a repeat in, after the cut, when
   * a rest keyed {@code restKey} says it whole, full stop included, and goes on; null otherwise.
   */
  private static String keptEndSaid(CutEnd e, String restKey) {
    if (e == null || restKey.isEmpty()) {
      return null;
    }
    String kept = e.at().unit.key;
    String oldEnd = kept.substring(e.end()).strip();
    if (oldEnd.isEmpty() || !Texts.endsSentence(oldEnd)
        || !restKey.startsWith(oldEnd + " ") || !kept.endsWith(oldEnd)) {
      return null;
    }
    return oldEnd;
  }

  /**
   * Where the run of {@code cut} (keyed {@code cutKey} as it was cut) stood before it, when the
   * cut opens a paragraph and went as a repeat of the start of a kept sentence that does not come
   * right after that place; null otherwise. (Right after it, the run is a restart reading on.)
   * Words from inside a whole kept sentence count too (165150: the paragraph "flood volunteers
   * volunteers", then " sandbags ... 150-4-0.", far after "flood flood volunteers volunteers
   * Deich ... 150-0-2."): no restart opens a paragraph in the middle of a sentence. A cut that
   * is its part's first unit stood where the reader stood when the part began, and counts only
   * when found inside a whole sentence, not at its start (1689731: the part "volunteers 増水
   * volunteers", found inside "増水 volunteers 増水 volunteers é ... 731-0-0." far back, then
   * "…teers 731-3-0. ...").
   */
  private Slot stoodAwayFromKeptStart(Unit cut, String cutKey) {
    Unit before = cut.sourcePrevious();
    Slot from = before != null ? before.image
        : cut == lastPartCut ? lastPartCutStood : null;
    if (cut.removal == null || !cut.blockStart || from == null) {
      return null;
    }
    Slot kept = Doc.live(cut.removal.keptAt());
    Slot stood = Doc.live(from);
    if (!kept.real || kept.unit == null || !stood.real || stood == kept || stood.next == kept) {
      return null;
    }
    boolean opensKept = Keys.startsWithCut(kept.unit.key, cutKey);
    boolean insideWhole = !kept.unit.incomplete() && Keys.containsCut(kept.unit.key, cutKey);
    // A part's first unit that opens a kept sentence is a restart, which reads anywhere; only one
    // found in a whole sentence's middle is away from where its part began (65804: a restart
    // from the document's start, cut, then its lead-in rest, is no new text).
    boolean away = before != null ? opensKept || insideWhole : !opensKept && insideWhole;
    return away ? stood : null;
  }

  /**
   * Places {@code cut}, which went as a repeat and now holds its rest {@code rest} (from
   * {@code restSpan} of {@code v}), as new text after {@code anchor}: the cut was new text after
   * all, and its repeat entry goes.
   */
  private void placeWholeAsNew(Unit cut, Unit v, String rest, SourceSpan restSpan, Slot anchor) {
    Slot kept = Doc.live(cut.removal.keptAt());
    if (kept.aliases != null) {
      kept.aliases.remove(cut);
    }
    cut.addPiece(restSpan);
    // A part's first unit has no separator of its own: as any new unit, it gets the one its
    // place calls for.
    String sep = cut.pos == 0 ? sepBefore(cut, anchor) : cut.sep;
    Slot placed = doc.insertAfter(anchor, cut, sep);
    place(cut, placed);
    changes.add(
        Change.of(
            ChangeKind.CUT_OFF_REPAIRED,
            new SourceSpan(v.fragment, restSpan.start(), restSpan.start()),
            Texts.excerpt(rest, 60)));
    v.image = placed;
    cuts.remove(cut);
  }

  /**
   * Whether kept slot {@code t} holds a whole sentence that {@code cut}'s own part completed right
   * before it (the unit before the cut was that sentence's rest, merged into it), and the cut, as
   * read, says words from inside that sentence, not its start (188753: the paragraph "council 河水"
   * after "…2. Brücke 増水 council 河水 増水 ... 753-0-3.", which completed "... Brücke 増水
   * counc"). Like {@link #sameRunBefore}: a run does not say again the middle of the sentence it
   * has just finished. A sentence's start said again is a restart (61256), and a cut whose head
   * went as overlap no longer shows where its words began (143419).
   */
  private static boolean completedByRunBefore(Unit cut, Slot t) {
    Unit before = cut.sourcePrevious();
    return before != null && before.part == cut.part && before.consumed && before.image == t
        && t.real && t.unit != null && t.unit.slot == t && !t.unit.incomplete()
        && !Keys.startsWithCut(t.unit.key, cut.key)
        && cut.piece(0).fragment() == cut.fragment && cut.piece(0).start() == cut.start;
  }

  /**
   * Whether kept slot {@code t} holds the whole sentence that {@code cut}'s own part said right
   * before it, up to its end, and the cut, keyed {@code cutKey} as it was cut, says that
   * sentence's start again (1996028: "Brücke 磨坊 磨坊 r" after "... 28-0-1.", the end of "Brücke
   * 磨坊 磨坊 river river ... 28-0-1."). Asked only once cut and rest together are found nowhere:
   * the cut did not restart that sentence, it opened the next one alike ("Brücke 磨坊 磨坊 river
   * 28-0-2.").
   */
  private static boolean saidToEndThenOpensAlike(Unit cut, String cutKey, Slot t) {
    Unit before = cut.sourcePrevious();
    return before != null && before.part == cut.part && before.image != null
        && Doc.live(before.image) == t && t.real && t.unit != null && t.unit.slot == t
        && !t.unit.incomplete() && !before.key.isEmpty() && t.unit.key.endsWith(before.key)
        && Keys.startsWithCut(t.unit.key, cutKey)
        && cut.piece(0).fragment() == cut.fragment && cut.piece(0).start() == cut.start;
  }

  /**
   * Whether kept slot {@code t} holds the sentence that {@code cut}'s own part wrote right before
   * it, as written there (not a repeat of something older).
   */
  private static boolean sameRunBefore(Unit cut, Slot t) {
    Unit before = cut.sourcePrevious();
    return before != null && t.unit == before && before.slot == t && before.part == cut.part;
  }

  /**
   * A cut that lies inside kept sentence {@code kept}, not at its end, continued by a rest that
   * says the kept sentence's remainder again but for its full stop, and goes on ("... filled
   * sand" in "... filled sandbags at the mill.", then "bags at the mill and at the bridge."): the
   * rest is a longer version of that remainder, so the kept sentence reads on with the rest
   * instead, and the old remainder is reported as the dropped variant. Returns whether it did so.
   */
  private boolean rewritesEnd(
      Slot kept, Unit cut, Unit v, String rest, String joint, SourceSpan restSpan) {
    if (!kept.real || !kept.unit.isProse() || kept.unit.pieceCount() != 1
        || !kept.unit.asRead() || rest.isEmpty()) {
      return false;
    }
    Unit k = kept.unit;
    int p = k.key.indexOf(cut.key);
    int cutEnd = p + cut.key.length();
    if (p < 0 || cut.key.isEmpty() || cutEnd >= k.key.length()) {
      return false;
    }
    String oldEnd = k.key.substring(cutEnd).strip();
    String newEnd = Keys.key(rest);
    // The rest must say all of the old remainder but its closing punctuation, and go on: then
    // nothing of the kept sentence is lost.
    int said = oldEnd.length();
    while (said > 0 && ".!?。！？".indexOf(oldEnd.charAt(said - 1)) >= 0) {
      said--;
    }
    if (said < options.minOverlap() || said == oldEnd.length()
        || !newEnd.startsWith(oldEnd.substring(0, said)) || newEnd.startsWith(oldEnd)) {
      return false;
    }
    String text = k.text();
    Keys.Key keyed = Keys.normalize(text, 0, text.length(), true);
    int off = Texts.graphemeCeil(text, keyed.origin[cutEnd]);
    // The joint stood between the cut and its rest; in the kept text, what stood there is kept.
    while (off > 0 && Texts.isWhitespace(text.charAt(off - 1)) && !joint.isEmpty()) {
      off--;
    }
    SourceSpan first = k.piece(0);
    SourceSpan dropped = new SourceSpan(first.fragment(), first.start() + off, first.end());
    String oldKey = k.key;
    double sim = Doc.similarity(oldEnd, newEnd, 0);
    k.setText(text.substring(0, off) + joint + rest);
    k.setFirstPiece(new SourceSpan(first.fragment(), first.start(), first.start() + off));
    k.addPiece(restSpan);
    k.rekey();
    doc.reindex(kept, oldKey);
    changes.add(
        Change.relative(
            ChangeKind.VARIANT_DROPPED,
            dropped,
            Texts.excerpt(text.substring(off), 60),
            k.piece(0),
            MatchKind.NEAR,
            clamp(sim)));
    changes.add(
        Change.of(
            ChangeKind.CUT_OFF_REPAIRED,
            new SourceSpan(v.fragment, restSpan.start(), restSpan.start()),
            Texts.excerpt(rest, 60)));
    v.image = kept;
    head = kept;
    return true;
  }

  /**
   * Continuation {@code v}'s rest lies in kept sentence {@code kept} (ending in {@code last}): it
   * goes as a repeat, with the rest's own share of the sentence (at most {@code atMost}), not the
   * whole sentence's.
   */
  private void restRepeats(
      Unit v, String rest, SourceSpan restSpan, Slot kept, Slot last, double atMost) {
    takeRest(v, rest, restSpan);
    if (last != kept && last.real && last.unit != null && last.unit.key != null
        && Keys.containsCut(last.unit.key, v.key)) {
      // The whole repeated several kept units: the rest, its end, lies in the last of them.
      kept = last;
    }
    v.removal =
        new Unit.Removal(
            ChangeKind.REPEAT_REMOVED,
            kept,
            MatchKind.CONTAINED,
            Math.min(atMost, (double) v.key.length() / kept.unit.key.length()));
    v.image = last;
    head = last;
  }

  /** Makes continuation {@code v} the rest {@code rest} at {@code restSpan}, not yet placed. */
  private static void takeRest(Unit v, String rest, SourceSpan restSpan) {
    v.consumed = false;
    v.setText(rest);
    v.setFirstPiece(restSpan);
    v.rekey();
  }

  /**
   * The kept sentence that {@code joinedKey}, kept cut {@code s} with its continuation, repeats
   * or lies in; null if none does. It must stand right before or after the cut, since a sentence
   * said again elsewhere may be the author's, unless the cut fell inside a grapheme cluster
   * ({@code splitCluster}, "e" + "\u0301 ..."): then the cut could not be found where it was
   * read, and a repeat anywhere is what it was.
   */
  private Match adjacentCopy(Slot s, String joinedKey, boolean splitCluster) {
    if (!s.next.real && !s.prev.real) {
      return null;
    }
    Match m = doc.match(joinedKey, s, options.nearSimilarity());
    if (m.relation() != Match.Relation.EXACT && m.relation() != Match.Relation.COVERED) {
      return null;
    }
    boolean beside = m.target() == s.next || m.last() == s.prev;
    return (beside || splitCluster) && m.target() != s && m.last() != s ? m : null;
  }

  /**
   * Whether the kept sentence that cut {@code cut} went as a repeat in reads on after it with
   * more of {@code direct} than of {@code overlapped}: the words the continuation shares with the
   * cut are said twice there ("河水 bridge" cut in "河水 bridge bridge flood river ...", then
   * "bridge flood river ..."), even where the continuation goes on past that sentence's end, as
   * it does when the kept sentence was itself cut.
   */
  private static boolean keptReadsOnWith(Unit cut, String direct, String overlapped) {
    Slot at = cut.image != null ? Doc.live(cut.image) : null;
    if (at == null || !at.real || at.unit == null || at.unit.key == null || cut.key.isEmpty()) {
      return false;
    }
    String kept = at.unit.key;
    int p = kept.indexOf(cut.key);
    if (p < 0) {
      return false;
    }
    String after = kept.substring(p + cut.key.length()).stripLeading();
    if (after.isEmpty()) {
      return false;
    }
    int withDirect = commonPrefix(after, Keys.key(direct));
    int withOverlap = commonPrefix(after, Keys.key(overlapped));
    return withDirect > withOverlap && withDirect >= Doc.K;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Whether {@code text} repeats kept text or lies inside it. */
  private boolean repeatsKept(String text) {
    Match m = doc.match(Keys.key(text), head, options.nearSimilarity());
    return m.relation() == Match.Relation.EXACT || m.relation() == Match.Relation.COVERED;
  }

  /** Whether the continuation's first line starts with a space (" brown fox" after a cut). */
  private static boolean startsWithSpace(Unit v) {
    if (v.leadIn > 0 || v.pos != 0) {
      return false;
    }
    // The separator's last line is the indentation of the continuation's first line.
    return !v.sep.substring(v.sep.lastIndexOf('\n') + 1).isEmpty();
  }

  private boolean needsSpace(Unit cut, Unit v, String rest, boolean lead, int overlap) {
    int before = cut.text().isEmpty() ? 0 : Texts.lastBase(cut.text());
    int after = rest.codePointAt(0);
    if (cut.spaceBeforeMarker
        && (Texts.spacedScript(before) || Texts.spacedScript(after) || !cut.gluedCut)) {
      // The space stood in the text before the marker, between a word of a spaced script and
      // whatever follows ("mill " + "橋"): it is the text's own space, whatever the next script.
      // So is a space that ends the line when the marker stands on a line of its own ("土のう "
      // + "河水"); only a space before a marker on the same line may be there for the marker.
      return true;
    }
    // A number takes the script of the word it is written against ("インドの2" + "0以上").
    if (!Texts.spacedScript(Texts.beforeTrailingDigits(cut.text(), before))
        || !Texts.spacedScript(Texts.afterLeadingDigits(rest))) {
      return false;
    }
    // A lead-in restarts at a word and a page ends at one, unless the input spells the two
    // pieces as one word elsewhere ("Unattende" + "…d-Upgrade", "sh" + "ould"); a space left
    // before the marker means the cut fell between words. Otherwise a cut may stop mid-word
    // ("sand" + "bags").
    boolean page = !previousPart.endsWithMarker();
    if (page && !lead && writtenInUnspacedScript()) {
      // A page of Japanese or Chinese ends where the line is full, not at a space: the two
      // pieces of a Latin word in it ("sh" + "ould", "cor" + "e packages") are one word, unless
      // both stand as words elsewhere in the input.
      String[] pieces = wordPieces(cut.text(), rest);
      Map<String, Integer> words = inputWords();
      return pieces != null
          && words.getOrDefault(pieces[0], 0) >= 2
          && words.getOrDefault(pieces[1], 0) >= 2;
    }
    return ((lead && overlap == 0) || page) && !oneWordElsewhere(cut.text(), rest)
        || cut.spaceBeforeMarker;
  }

  /** Whether the input is mostly in scripts without spaces; null until a page break asks. */
  private Boolean unspacedInput;

  /**
   * Whether the input holds more letters of scripts written without spaces (Han, kana, Thai) than
   * words of spaced ones: a Japanese document with English passages and command output still pages
   * like Japanese. A kanji says about as much as an English word, so each counts one. Counted
   * once, and only when a page break asks.
   */
  private boolean writtenInUnspacedScript() {
    if (unspacedInput == null) {
      long unspaced = 0;
      long spacedWords = 0;
      for (String f : fragments) {
        boolean inWord = false;
        for (int k = 0; k < f.length(); ) {
          int cp = f.codePointAt(k);
          boolean wordChar = Texts.wordChar(cp);
          if (wordChar && !inWord) {
            spacedWords++;
          } else if (!wordChar && UCharacter.isLetter(cp)) {
            unspaced++;
          }
          inWord = wordChar;
          k += Character.charCount(cp);
        }
      }
      unspacedInput = unspaced > spacedWords;
    }
    return unspacedInput;
  }

  /**
   * Whether the word that {@code before}'s last letters and {@code after}'s first letters make
   * together occurs in the input, while one of the two pieces never stands as a word but here.
   */
  private boolean oneWordElsewhere(String before, String after) {
    String[] pieces = wordPieces(before, after);
    if (pieces == null) {
      return false;
    }
    String left = pieces[0];
    String right = pieces[1];
    Map<String, Integer> words = inputWords();
    return words.getOrDefault(left + right, 0) > 0
        && (words.getOrDefault(left, 0) < 2 || words.getOrDefault(right, 0) < 2);
  }

  /**
   * The letters of a spaced script that end {@code before} and those that start {@code after},
   * or null if either has none.
   */
  private static String[] wordPieces(String before, String after) {
    int a = before.length();
    while (a > 0 && Texts.wordChar(before.codePointBefore(a))) {
      a -= Character.charCount(before.codePointBefore(a));
    }
    int b = 0;
    while (b < after.length() && Texts.wordChar(after.codePointAt(b))) {
      b += Character.charCount(after.codePointAt(b));
    }
    if (a == before.length() || b == 0) {
      return null;
    }
    return new String[] {before.substring(a), after.substring(0, b)};
  }

  /**
   * How often each word of a spaced script stands in the fragments, counted once, when a seam
   * first needs it: linear in the input, and most inputs never need it.
   */
  private Map<String, Integer> inputWords() {
    if (inputWords == null) {
      inputWords = countWords(false);
    }
    return inputWords;
  }

  /**
   * Counts each word of a spaced script in the fragments; with {@code innerOnly}, only where it
   * stands neither first in its fragment (the rest of a cut word, after a lead-in mark or none)
   * nor last before the fragment's end or an end marker.
   */
  private Map<String, Integer> countWords(boolean innerOnly) {
    Map<String, Integer> words = new java.util.HashMap<>();
    String marker = options.endMarker();
    for (String f : fragments) {
      int i = 0;
      boolean first = true;
      while (i < f.length()) {
        if (f.startsWith(marker, i)) {
          // A marker's letters are no word of the text, and the word after it opens a piece as
          // the first word of a fragment does (one string with markers, or a fragment that holds
          // a seam).
          i += marker.length();
          first = true;
          continue;
        }
        int cp = f.codePointAt(i);
        if (!Texts.wordChar(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        int start = i;
        while (i < f.length() && Texts.wordChar(f.codePointAt(i))) {
          i += Character.charCount(f.codePointAt(i));
        }
        boolean counted = true;
        if (innerOnly) {
          int after = i;
          while (after < f.length() && Texts.isWhitespace(f.codePointAt(after))) {
            after += Character.charCount(f.codePointAt(after));
          }
          counted = !first && after < f.length() && !f.startsWith(marker, after);
        }
        if (counted) {
          words.merge(f.substring(start, i), 1, Integer::sum);
        }
        first = false;
      }
    }
    return words;
  }

  // ---------------------------------------------------------------------------------------------
  // Placing and replacing

  private void placeNew(Unit u) {
    Slot anchor = head;
    if (u.blockStart) {
      // A new block never splits a kept one: it goes after the end of the head's block (004: a
      // restart that diverges after 98's second sentence must not cut 98 in two).
      while (anchor.next.real && !anchor.next.unit.blockStart) {
        anchor = anchor.next;
      }
    }
    Slot s = doc.insertAfter(anchor, u, sepBefore(u, anchor));
    place(u, s);
  }

  private void place(Unit u, Slot s) {
    u.slot = s;
    u.image = s;
    u.removal = null;
    // Inserting a block in front of text glued to the head splits the head's block there.
    Slot after = s.next;
    if (after.real && s.sep.indexOf('\n') >= 0 && after.sep.indexOf('\n') < 0 && after.unit != null
        && after.unit.id < u.id) {
      after.sep = "\n\n";
    }
    head = s;
  }

  /** The separator for {@code u} placed after {@code anchor}. */
  private String sepBefore(Unit u, Slot anchor) {
    // Read back over predecessors that left nothing here (removed as repeats, or moved): the
    // first of them carries the separator that belongs at this place (004 lines 76-77).
    String sep = u.sep;
    int walked = 0;
    for (Unit p = streamPrevious(u); p != null && walked++ < MAX_WALK; p = streamPrevious(p)) {
      if (p.image == anchor) {
        return sep;
      }
      if (p.block != u.block || (p.slot != null && p.slot.unit == p)) {
        break;
      }
      sep = p.sep;
    }
    Unit prev = streamPrevious(u);
    if (prev != null && prev.image == anchor) {
      return u.sep;
    }
    if (anchor == doc.begin) {
      return u.id == firstUnitId() ? u.sep : "";
    }
    if (readsOnAcrossMarker(u, anchor)) {
      return " ";
    }
    if (u.blockStart || anchor.unit.kind != Unit.Kind.PROSE) {
      return u.sep.contains("\n\n") || (u.sep.indexOf('\n') >= 0 && !u.blockStart)
          ? u.sep
          : "\n\n";
    }
    if (u.sep.isEmpty() && spellsMarker(anchor.unit.text(), u.text())) {
      // Text glued after a marker, placed after kept text that ends like the marker's start.
      return "\n\n";
    }
    return u.sep.isEmpty() && Texts.spacedScript(Texts.lastBase(anchor.unit.text()))
        ? " "
        : u.sep;
  }

  /**
   * Whether {@code u}, the first unit of its part, goes on the line of the part before, whose
   * last sentence is kept at {@code anchor}: that part ended at a sentence end with a space before
   * its marker ("... 135-6-2. " then the marker), or this one starts with a space (" mill ..."),
   * and no line break says otherwise. A paragraph never ends with a space, nor starts with one.
   */
  private boolean readsOnAcrossMarker(Unit u, Slot anchor) {
    if (u.pos != 0 || !u.isProse() || previousPart == null || part == null
        || u.part != part.index() || !previousPart.endsWithMarker()
        || previousPart.units().isEmpty() || u.sep.indexOf('\n') >= 0 || u.leadIn > 0
        || !anchor.real || anchor.unit == null || !anchor.unit.isProse()
        || anchor.unit.incomplete()) {
      // A cut that nothing continued ("... the old mill " then "The council ...") stays open,
      // and what follows it starts a paragraph of its own.
      return false;
    }
    Unit last = previousPart.last();
    Slot lastAt = last.slot != null ? last.slot : last.image;
    if (lastAt == null || Doc.live(lastAt) != anchor) {
      return false;
    }
    return previousPart.spaceBeforeMarker() || u.sep.equals(" ");
  }

  private int firstUnitId() {
    return all.isEmpty() ? -1 : all.get(0).id;
  }

  private Unit streamPrevious(Unit u) {
    if (part == null || units == null) {
      return null;
    }
    int i = u.pos;
    return i > 0 && i < units.size() && units.get(i) == u ? units.get(i - 1) : null;
  }

  private void stripLeadIn(Unit u) {
    // The first piece is the unit's own range; a joined continuation may follow it (a cut that
    // opened with a lead-in and was completed before it replaced kept text).
    SourceSpan first = u.piece(0);
    if (u.leadIn <= 0 || first.start() != u.start) {
      return;
    }
    changes.add(
        Change.of(
            ChangeKind.LEAD_IN_REMOVED,
            new SourceSpan(u.fragment, u.start, u.start + u.leadIn),
            u.text().substring(0, u.leadIn)));
    u.setText(u.text().substring(u.leadIn));
    u.setFirstPiece(new SourceSpan(u.fragment, first.start() + u.leadIn, first.end()));
  }

  /**
   * A fuller version of the cut in {@code t} that starts a few words before it, with the end of
   * the kept sentence before that cut ("149-6-1. ם 河水 council ..." completing "ם 河水 council
   * Flu" after "... Deich 149-6-1."): the continuation picked up where the sentence before
   * ended, so those words are there already and go as overlap. Returns whether they took the
   * whole of a joined unit's first piece, its cut ({@link #stripRepeatedCut}).
   */
  private boolean stripRepeatedHead(Unit u, Slot t) {
    if (!t.prev.real || !u.startsWithFirstPiece()) {
      return false;
    }
    // A kept cut before its last letter's mark ("... road e") stands composed in the fuller
    // version (185887: "... road é mill ש 887-2-3.").
    int p = Keys.indexOfCut(u.key, t.unit.key);
    SourceSpan first = u.piece(0);
    if (p <= 0) {
      return false;
    }
    String head = u.key.substring(0, p).strip();
    if (head.length() < options.minOverlap() || !t.prev.unit.key.endsWith(head)) {
      return false;
    }
    String text = u.text();
    int off = Texts.graphemeCeil(text, Keys.normalize(text, 0, text.length(), true).origin[p]);
    // A joined unit: the head must lie in its first piece, the one read from the source, or
    // take that piece whole and end in the next.
    if (off > first.end() - first.start()) {
      return stripRepeatedCut(u, off);
    }
    changes.add(
        Change.of(
            ChangeKind.OVERLAP_REMOVED,
            new SourceSpan(u.fragment, first.start(), first.start() + off),
            Texts.excerpt(text.substring(0, off), 60)));
    u.setText(text.substring(off));
    u.setFirstPiece(new SourceSpan(u.fragment, first.start() + off, first.end()));
    u.rekey();
    return false;
  }

  /**
   * Strips the first {@code off} chars of joined unit {@code u} when they are its first piece, a
   * cut, and the start of the piece that continued it: a cut that repeated the kept sentence
   * before the one the whole completes, and its rest, which said the rest of that sentence
   * again (1138285: the cut "👨", then "\u200D👩 👨‍👩 river 285-4-0. flood ...", completing the
   * kept cut "flood ..." after the kept "👨‍👩 👨‍👩 river 285-4-0."). Both go as overlap.
   * Returns whether they did; nothing changes otherwise.
   */
  private boolean stripRepeatedCut(Unit u, int off) {
    if (u.pieceCount() != 2) {
      return false;
    }
    SourceSpan cutPiece = u.piece(0);
    SourceSpan restPiece = u.piece(1);
    String said = fragments.get(cutPiece.fragment()).substring(cutPiece.start(), cutPiece.end());
    String rest = fragments.get(restPiece.fragment()).substring(restPiece.start(), restPiece.end());
    String text = u.text();
    // Only the two pieces read on directly, as join spells them when it adds no space.
    if (!text.equals(said + rest)) {
      return false;
    }
    int inRest = off - said.length();
    if (inRest <= 0 || inRest >= rest.length()) {
      return false;
    }
    changes.add(Change.of(ChangeKind.OVERLAP_REMOVED, cutPiece, Texts.excerpt(said, 60)));
    changes.add(
        Change.of(
            ChangeKind.OVERLAP_REMOVED,
            new SourceSpan(restPiece.fragment(), restPiece.start(), restPiece.start() + inRest),
            Texts.excerpt(rest.substring(0, inRest), 60)));
    u.removeFirstPiece();
    u.setFirstPiece(
        new SourceSpan(restPiece.fragment(), restPiece.start() + inRest, restPiece.end()));
    u.setText(text.substring(off));
    u.rekey();
    return true;
  }

  /** {@code u} takes {@code t}'s place; the unit there is reported as {@code kind}. */
  private void supersede(Slot t, Unit u, ChangeKind kind, MatchKind match, double sim) {
    Unit old = t.unit;
    alias(t, old);
    doc.replace(t, u);
    u.slot = t;
    u.image = t;
    u.removal = null;
    old.slot = null;
    old.removal = new Unit.Removal(kind, t, match, sim);
    if (old.kind == Unit.Kind.PROSE && u.leadIn > 0) {
      stripLeadIn(u);
    }
    if (kind == ChangeKind.REPLACED_BY_FULLER && old.key != null) {
      absorbGluedAfter(t, old.key);
    }
  }

  private void variant(Slot t, Unit u, double sim) {
    boolean keepNew =
        switch (options.variantPolicy()) {
          case KEEP_LATEST -> true;
          case KEEP_FIRST -> false;
          case KEEP_LONGEST -> u.key.length() >= t.unit.key.length();
        };
    if (keepNew && u.part == part.index() && u.pos < units.size()
        && inContextLine[u.pos]) {
      // A context line restates kept text; its versions are glued, not better.
      keepNew = false;
    }
    if (keepNew && cutLike(u) && !t.unit.incomplete()) {
      // A version cut off before its end does not replace a whole one; if a continuation
      // completes it, the completed sentence is compared again then.
      keepNew = false;
    }
    if (keepNew) {
      if (u.leadIn > 0) {
        stripLeadIn(u);
      }
      if (u.key.length() > t.unit.key.length() && u.key.contains(t.unit.key)) {
        // The kept version stands whole inside the new one: an abridged version, made fuller.
        supersede(t, u, ChangeKind.REPLACED_BY_FULLER, MatchKind.CONTAINED, sim);
      } else {
        supersede(t, u, ChangeKind.VARIANT_DROPPED, MatchKind.NEAR, sim);
      }
    } else {
      u.removal = new Unit.Removal(ChangeKind.VARIANT_DROPPED, t, MatchKind.NEAR, sim);
      u.image = t;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private String render(List<Part> parts) {
    // Sized once: a builder that doubles as it goes holds up to three times the output at once.
    long length = 1;
    for (Slot s = doc.begin.next; s != doc.end; s = s.next) {
      length += s.sep.length() + s.unit.sep.length() + s.unit.textLength();
    }
    if (!parts.isEmpty()) {
      length += parts.get(parts.size() - 1).trailing().length();
    }
    StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, length));
    Slot last = null;
    for (Slot s = doc.begin.next; s != doc.end; s = s.next) {
      if (s.prev == doc.begin) {
        if (s.unit.id == firstUnitId()) {
          out.append(s.unit.sep);
        }
      } else {
        out.append(s.sep);
      }
      s.unit.appendTo(out);
      last = s;
    }
    if (last != null) {
      Part lastPart = parts.get(parts.size() - 1);
      Unit lastUnit = lastPart.units().isEmpty() ? null : lastPart.last();
      if (last.unit == lastUnit && !lastPart.endsWithMarker()) {
        out.append(lastPart.trailing());
      } else {
        String f = fragments.get(fragments.size() - 1);
        if (!f.isEmpty() && (f.endsWith("\n") || f.endsWith("\r"))) {
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  private ImmutableList<Change> report() {
    List<Change> out = new ChunkedList<>();
    parsed.addTo(out);
    for (Change c : changes) {
      if (c != null) {
        out.add(c);
      }
    }
    for (Recurrence r : recurrences) {
      out.add(
          new Change(
              ChangeKind.RECURRENCE_KEPT,
              r.unit().span(),
              r.unit().excerpt(60),
              Optional.of(r.kept().span()),
              MATCHES.get(r.match()),
              r.similarity() == 1 ? IDENTICAL : OptionalDouble.of(r.similarity())));
    }
    java.util.Set<Unit> inContextLines = contextLines(out);
    // A document of repeats reports one removal per copy, and the report outlives the call: the
    // copies share their kept span, match, similarity and excerpt values instead of holding one
    // of each (the values are immutable and compare equal either way).
    boolean anyContextLine = !inContextLines.isEmpty();
    for (int k = 0, units = all.size(); k < units; k++) {
      Unit u = all.get(k);
      if (u.removal == null || u.consumed || (anyContextLine && inContextLines.contains(u))) {
        continue;
      }
      Unit.Removal r = u.removal;
      Slot live = Doc.live(r.keptAt());
      KeptValues kept = live.reportValues;
      if (kept == null) {
        kept = live.reportValues = new KeptValues(live.unit);
      }
      MatchKind kind = r.match();
      double similarity = clamp(r.similarity());
      if (kind == MatchKind.EXACT && !live.unit.textEquals(u)) {
        // The kept copy may have been replaced by a fuller version later ("👨" of "👨\u200D", then
        // "👨\u200D👩 mill ..."): against the text that stands, the repeat is a part of it. (Keys
        // are released by now; texts that differ are rare enough to key again.)
        String keptKey = Keys.key(live.unit.text());
        String key = Keys.key(u.text());
        if (!keptKey.equals(key) && keptKey.contains(key)) {
          kind = MatchKind.CONTAINED;
          similarity = clamp((double) key.length() / keptKey.length());
        }
      }
      Optional<MatchKind> match = MATCHES.get(kind);
      OptionalDouble sim = similarity == 1 ? IDENTICAL : OptionalDouble.of(similarity);
      for (int i = 0, n = u.pieceCount(); i < n; i++) {
        SourceSpan piece = u.piece(i);
        out.add(
            new Change(
                r.kind(), piece, kept.excerpt(u, fragments.get(piece.fragment()), piece), kept.span,
                match, sim));
      }
    }
    // Cut-offs left in the output, and a final cut the input ends with.
    for (Unit c : cuts) {
      // The field first: 100,000 unmarked cuts read their text's end from memory otherwise.
      if (c.markedCut && c.slot != null && c.slot.unit == c && c.incomplete()) {
        // From where the text left now starts: the first of the pieces it was joined from, not
        // the unit as parsed, whose opening words may have gone as a repeat or an overlap.
        out.add(Change.of(ChangeKind.CUT_OFF_LEFT, c.piece(0), c.excerpt(60)));
      } else if (c == finalCut && c.removal != null) {
        SourceSpan keptSpan = Doc.live(c.removal.keptAt()).unit.pieces().get(0);
        out.add(
            new Change(
                ChangeKind.CUT_OFF_LEFT,
                c.span(),
                c.excerpt(60),
                Optional.of(keptSpan),
                Optional.of(c.removal.match()),
                OptionalDouble.of(clamp(c.removal.similarity()))));
      }
    }
    // One array, the report's own, sorted in place (not a copy of a sorted copy).
    return ImmutableList.sortedCopyOf(BY_SOURCE, out);
  }

  /** Report order: by fragment, start, end, then kind. */
  private static final Comparator<Change> BY_SOURCE =
      (a, b) -> {
        SourceSpan x = a.source();
        SourceSpan y = b.source();
        int c = Integer.compare(x.fragment(), y.fragment());
        if (c == 0) {
          c = Integer.compare(x.start(), y.start());
        }
        if (c == 0) {
          c = Integer.compare(x.end(), y.end());
        }
        return c != 0 ? c : a.kind().compareTo(b.kind());
      };

  /**
   * Finds context lines: one source line whose units were all removed as repeats (or dropped
   * versions: a heading glued to the sentence after it) of kept text spanning three or more kept
   * paragraphs (000 lines 45, 48, 122 glue whole paragraphs with
   * spaces). Each is reported as one {@link ChangeKind#CONTEXT_LINE_REMOVED} over the whole line;
   * returns the units it covers.
   */
  private java.util.Set<Unit> contextLines(List<Change> out) {
    // Number the kept paragraphs: a separator with a line break starts a new one.
    int n = 1;
    for (Slot s = doc.begin.next; s != doc.end; s = s.next) {
      if (s.sep.indexOf('\n') >= 0) {
        n++;
      }
      s.paragraph = n;
    }
    java.util.Set<Unit> covered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    // Paragraph numbers of the kept units one line repeats; a line is a context line once it
    // repeats three, so three are all that need holding.
    int[] paragraphs = new int[3];
    int i = 0;
    int units = all.size();
    while (i < units) {
      Unit first = all.get(i);
      int j = i + 1;
      // A source line: units of one block with no line break between them.
      while (j < units) {
        Unit u = all.get(j);
        if (u.part != first.part || u.block != first.block || u.sep.indexOf('\n') >= 0) {
          break;
        }
        j++;
      }
      if (j - i < paragraphs.length) {
        // Each unit repeats one kept unit: fewer than three cannot repeat three paragraphs.
        i = j;
        continue;
      }
      List<Unit> line = all.subList(i, j);
      i = j;
      int distinct = 0;
      double minSim = 1;
      boolean allRepeats = line.size() > 0;
      // The merger found the line by the span of kept text it repeats, which may glue code or a
      // caption into a sentence and so name fewer kept paragraphs than it restates.
      boolean found = true;
      for (Unit u : line) {
        found &= u.onContextLine;
        if (u.consumed || u.removal == null || u.pieceCount() != 1
            || u.removal.kind() != ChangeKind.REPEAT_REMOVED
                && u.removal.kind() != ChangeKind.VARIANT_DROPPED) {
          allRepeats = false;
          break;
        }
        Slot kept = u.removal.keptAt();
        if (kept.real && kept.paragraph > 0 && distinct < paragraphs.length) {
          boolean seen = false;
          for (int k = 0; k < distinct; k++) {
            seen |= paragraphs[k] == kept.paragraph;
          }
          if (!seen) {
            paragraphs[distinct++] = kept.paragraph;
          }
        }
        minSim = Math.min(minSim, u.removal.similarity());
      }
      if (!allRepeats || (distinct < 3 && !found)) {
        continue;
      }
      Unit last = line.get(line.size() - 1);
      SourceSpan span = new SourceSpan(first.fragment, first.start, last.end);
      String text = fragments.get(first.fragment).substring(first.start, last.end);
      out.add(
          new Change(
              ChangeKind.CONTEXT_LINE_REMOVED,
              span,
              Texts.excerpt(text, 60),
              Optional.of(Doc.live(first.removal.keptAt()).unit.pieces().get(0)),
              Optional.of(MatchKind.CONTAINED),
              OptionalDouble.of(clamp(minSim))));
      covered.addAll(line);
    }
    return covered;
  }

  private static double clamp(double d) {
    return Math.max(0, Math.min(1, d));
  }
}
