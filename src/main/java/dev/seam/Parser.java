package dev.seam;

import com.google.common.collect.ImmutableList;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits fragments into parts at end markers, parts into blocks (blank lines, headings, list items;
 * fenced code and tables atomic), and blocks into units (ICU sentences, one line at a time).
 */
final class Parser {
  // Each pattern is anchored and linear: no nested quantifiers, so no catastrophic backtracking.
  private static final Pattern HEADING = Pattern.compile("[ ]{0,3}#{1,6}(?:[ \\t].*)?");
  private static final Pattern LIST_ITEM = Pattern.compile("[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t].*");
  private static final Pattern FENCE = Pattern.compile("[ ]{0,3}(`{3,}|~{3,}).*");
  private static final Pattern YAML_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*[ \\t]*:.*");

  private static final int MAX_HEADING = 200;
  /**
   * A heading mark of level two or more inside a line, after a space and before text. A lone '#'
   * inside a line is as often a root prompt in flattened shell text ("# losetup ... # fdisk").
   */
  private static final Pattern INNER_HEADING = Pattern.compile("[ \\t]#{2,6}[ \\t]+\\S");

  private final String marker;
  private final List<Part> parts = new ChunkedList<>();
  private final Removals removals;
  /** The current part's lines, reused from part to part. */
  private final Lines lines = new Lines(16);
  /**
   * The units of the part being read, before they are frozen into the part: one list for all
   * parts, since 100,000 tiny fragments made 100,000 lists and their arrays.
   */
  private List<Unit> partUnits = new ArrayList<>();

  private static final int MAX_REUSED_PART = 4096;
  /** Scratch for the boundaries ICU finds in a region, before they are copied to their size. */
  private int[] boundsFound = new int[8];
  private int nextUnitId;
  /**
   * Where a lead-in mark on a line of its own starts ("…" then a line break, then the repeated
   * words), while the part's first unit is still to be read; -1 otherwise.
   */
  private int pendingLeadIn = -1;
  /**
   * This parse's sentence iterator: cloning ICU's prototype costs about 2 KB, once per parse
   * rather than once per line, which mattered most for many tiny fragments.
   */
  private BreakIterator sentenceIterator;
  /** Keys of texts keyed before in this call, so that every repeat of a text shares one key. */
  private final RegionMemo<Keyed> keys;
  /** What the last {@link #key} call found or stored. */
  private Keyed lastKeyed;

  /**
   * A text's key, and the first unit read with exactly that text: later units with the same chars
   * point to it ({@link Unit#sameText}), so the report can share their excerpts without comparing
   * chars again. The key depends only on the chars; the first unit only decides what is shared.
   */
  private static final class Keyed {
    final String key;
    Unit first;

    Keyed(String key) {
      this.key = key;
    }
  }
  /** Sentence bounds of lines split before in this call: regenerated text repeats whole lines. */
  private final RegionMemo<int[]> sentenceBounds;

  /** A parser for inputs of about {@code chars} chars in all, which sizes its memos. */
  Parser(String marker, long chars) {
    this.marker = marker;
    this.removals = new Removals(marker);
    int capacity = (int) Math.min(1 << 14, Math.max(16, chars / 64));
    this.keys = new RegionMemo<>(capacity);
    this.sentenceBounds = new RegionMemo<>(capacity / 4);
  }

  /** The key of {@code s[from, to)}, computed once per distinct text within the memo's reach. */
  private String key(String s, int from, int to) {
    int hash = RegionMemo.hash(s, from, to);
    Keyed keyed = keys.get(s, from, to, hash);
    if (keyed == null) {
      keyed = new Keyed(Keys.normalize(s, from, to, false).key);
      keys.put(s, from, to, hash, keyed);
    }
    lastKeyed = keyed;
    return keyed.key;
  }

  /** Links {@code u}, just keyed from its own source range, to the first unit with its text. */
  private void linkSameText(Unit u) {
    if (lastKeyed.first == null) {
      lastKeyed.first = u;
    } else {
      u.sameText = lastKeyed.first;
    }
  }

  /**
   * ICU's sentence boundaries in {@code s[from, to)}, as offsets from {@code from}: the first is 0,
   * the last is {@code to - from}.
   */
  private int[] sentenceBounds(String s, int from, int to) {
    int hash = RegionMemo.hash(s, from, to);
    int[] bounds = sentenceBounds.get(s, from, to, hash);
    if (bounds != null) {
      return bounds;
    }
    BreakIterator it = sentenceIterator();
    // Over the region in place: a copy of it was a fifth of what a 10 MB line allocated.
    it.setText(new java.text.StringCharacterIterator(s, from, to, from));
    int[] found = boundsFound;
    int n = 0;
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      if (insideToken(s, b, from, to)) {
        continue;
      }
      if (n == found.length) {
        found = boundsFound = java.util.Arrays.copyOf(found, n * 2);
      }
      found[n++] = b - from;
    }
    bounds = java.util.Arrays.copyOf(found, n);
    int[] stops = stopsBeforeEmoji(s, from, to);
    if (stops.length > 0) {
      bounds = union(bounds, stops);
    }
    sentenceBounds.put(s, from, to, hash, bounds);
    return bounds;
  }

  private static final int[] NO_OFFSETS = new int[0];

  /**
   * Offsets (from {@code from}) where a full stop, spaces after it, and then an emoji
   * ("822-4-2. 👨\u200D👩 mill") end a sentence whatever follows. ICU ends a sentence there only
   * if the next letter is not lower case (UAX #29 SB8), and that letter may lie past a cut:
   * "822-4-2. 👨\u200D" cut there was split, while its own completion "822-4-2. 👨\u200D👩 mill
   * ..." was one sentence, so a cut and its completion did not agree on their units and a repair
   * put a sentence twice. An emoji after a full stop opens a sentence in either case, so deciding
   * at the emoji makes the boundary depend on nothing a cut can remove. Numbers and other signs
   * after a full stop ("oct. 16 21:35", "approx. 20 km") are more often an abbreviation read on:
   * they are left to ICU, and to {@link #readsOnIfLowerFollowed} at a line's end.
   */
  private static int[] stopsBeforeEmoji(String s, int from, int to) {
    int[] found = NO_OFFSETS;
    int n = 0;
    for (int d = s.indexOf('.', from); d >= 0 && d < to; d = s.indexOf('.', d + 1)) {
      int k = d + 1;
      while (k < to && sentenceBreak(s.codePointAt(k)) == UCharacter.SentenceBreak.CLOSE) {
        k += Character.charCount(s.codePointAt(k));
      }
      int spaces = k;
      while (k < to && (s.charAt(k) == ' ' || s.charAt(k) == '\t' || s.charAt(k) == '\u00A0')) {
        k++;
      }
      if (k == spaces || k >= to) {
        continue;
      }
      if (emoji(s.codePointAt(k))) {
        if (found.length == n) {
          found = java.util.Arrays.copyOf(found, Math.max(4, 2 * n));
        }
        found[n++] = k - from;
      }
    }
    return n == found.length ? found : java.util.Arrays.copyOf(found, n);
  }

  private static int sentenceBreak(int cp) {
    return UCharacter.getIntPropertyValue(cp, UProperty.SENTENCE_BREAK);
  }

  private static boolean emoji(int cp) {
    return cp >= 0xA9 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
  }

  /** The sorted union of two ascending arrays of offsets, each offset once. */
  private static int[] union(int[] a, int[] b) {
    int[] merged = new int[a.length + b.length];
    int size = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (size == 0 || merged[size - 1] != next) {
        merged[size++] = next;
      }
    }
    return java.util.Arrays.copyOf(merged, size);
  }

  /**
   * Whether ICU's boundary at {@code at} falls inside a token of a spaced script: after an ASCII
   * "?" or "!" with a letter or digit on both sides ("program.pl?VAR1=VAL1", "Yahoo!Mail"). A
   * sentence of such a script ends before a space; splitting a URL at its query made its two
   * halves sentences that other URLs repeat.
   */
  private static boolean insideToken(String s, int at, int from, int to) {
    if (at <= from + 1 || at >= to) {
      return false;
    }
    char mark = s.charAt(at - 1);
    if (mark != '?' && mark != '!') {
      return false;
    }
    return Texts.spacedScript(s.codePointAt(at)) && Texts.spacedScript(s.codePointBefore(at - 1));
  }

  /**
   * Whether a short line that starts like a heading glues paragraphs after it: a heading mark of
   * level two or more inside the line, or three sentences or more ("# レシピ ### 例 小麦粉と水を
   * 混ぜる。 はい。 ..."). A title with a section number or a question in it ("# 3.4. Die
   * Systemmeldungen", "# Why? Because") stays one heading.
   */
  private boolean gluedParagraphs(String s, int lineStart, int lineEnd) {
    if (INNER_HEADING.matcher(s).region(lineStart, lineEnd).find()) {
      return true;
    }
    return sentenceBounds(s, lineStart, lineEnd).length > 3;
  }

  List<Part> parts() {
    return parts;
  }

  /** What parsing removed: markers, and lead-in marks with nothing to lead into. */
  Removals removals() {
    return removals;
  }

  /**
   * The changes found while parsing, held apart from the parser, which a call drops once its parts
   * are read. Marker removals are kept as where each marker was found and made into changes at
   * the end of the call: a hundred thousand of them, made while parsing, were 6 MB that every
   * collection during the call copied.
   */
  static final class Removals {
    private final String marker;
    /** Each marker's fragment and start, two ints a marker, in the order found. */
    private int[] markers = new int[16];
    private int markerCount;
    private final List<Change> others = new ChunkedList<>();

    Removals(String marker) {
      this.marker = marker;
    }

    void addMarker(int fragment, int at) {
      if (markers.length == 2 * markerCount) {
        markers = java.util.Arrays.copyOf(markers, 2 * markers.length);
      }
      markers[2 * markerCount] = fragment;
      markers[2 * markerCount + 1] = at;
      markerCount++;
    }

    /** Adds every removal to {@code out}: the markers', then the others, each in input order. */
    void addTo(List<Change> out) {
      for (int m = 0; m < markerCount; m++) {
        int at = markers[2 * m + 1];
        out.add(
            Change.of(
                ChangeKind.END_MARKER_REMOVED,
                new SourceSpan(markers[2 * m], at, at + marker.length()),
                marker));
      }
      out.addAll(others);
    }
  }

  /**
   * The content ranges of a part's lines, without their terminators: two ints per line in one
   * array, since a fragment of 100,000 short lines would otherwise hold 100,000 objects.
   */
  private static final class Lines {
    // Grown by doubling; the parser reads every part's lines into one instance it reuses.
    private int[] bounds;
    private int size;

    Lines(int capacity) {
      bounds = new int[2 * Math.max(capacity, 2)];
    }

    void clear() {
      size = 0;
    }

    void add(int start, int end) {
      if (2 * size == bounds.length) {
        bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[2 * size] = start;
      bounds[2 * size + 1] = end;
      size++;
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    int start(int i) {
      return bounds[2 * i];
    }

    int end(int i) {
      return bounds[2 * i + 1];
    }
  }

  void parse(int fragment, String s) {
    Lines current = lines;
    current.clear();
    // Each part a marker ends is read as soon as its marker is found, so that one buffer holds
    // the lines of one part (a copy of each part's lines, kept until the fragment was scanned,
    // was 100,000 copies for a fragment with 100,000 markers).
    boolean first = true;
    int i = 0;
    int n = s.length();
    // The next marker at or after the scan position, found once and reused line after line, so
    // that a text without markers is scanned once, not once per line.
    int nextMarker = s.indexOf(marker);
    while (i <= n) {
      int end = i;
      while (end < n && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
        end++;
      }
      int from = i;
      int at;
      while (true) {
        if (nextMarker >= 0 && nextMarker < from) {
          nextMarker = s.indexOf(marker, from);
        }
        at = nextMarker;
        if (at < 0 || at + marker.length() > end) {
          break;
        }
        current.add(from, at);
        removals.addMarker(fragment, at);
        buildPart(fragment, s, current, true, first, false);
        first = false;
        current.clear();
        from = at + marker.length();
      }
      current.add(from, end);
      if (end >= n) {
        break;
      }
      i = end + ((s.charAt(end) == '\r' && end + 1 < n && s.charAt(end + 1) == '\n') ? 2 : 1);
      if (i == n) {
        // The text ends with a line terminator: no further (empty) line.
        break;
      }
    }
    buildPart(fragment, s, current, false, first, true);
  }

  private void buildPart(
      int fragment,
      String s,
      Lines lines,
      boolean endsWithMarker,
      boolean firstOfFragment,
      boolean lastOfFragment) {
    int partIndex = parts.size();
    List<Unit> units = partUnits;
    units.clear();
    int li = 0;
    int blank = 0;
    pendingLeadIn = -1;
    // Where the previous unit ended (or the part started): the separator runs from here.
    int prevEnd = lines.isEmpty() ? 0 : lines.start(0);
    // A marker glued into a line leaves text after it on the same line: that is a part start too.
    Unit frontMatter = null;
    int fmEnd = frontMatterEnd(s, lines);
    if (fmEnd >= 0) {
      int first = firstNonBlank(s, lines);
      frontMatter =
          new Unit(
              nextUnitId++,
              fragment,
              partIndex,
              lines.start(first),
              lines.end(fmEnd),
              joinLines(s, lines, first, fmEnd),
              s,
              Unit.Kind.FRONT_MATTER,
              true,
              false,
              true,
              0,
              sep(s, prevEnd, lines.start(first)),
              -1,
              null);
      prevEnd = lines.end(fmEnd);
      li = fmEnd + 1;
    }
    int block = -1;
    String openKind = null; // "para", "list", or null when no block is open
    while (li < lines.size()) {
      int lineStart = lines.start(li);
      int lineEnd = lines.end(li);
      if (Texts.isBlank(s, lineStart, lineEnd)) {
        blank++;
        openKind = null;
        li++;
        continue;
      }
      boolean segmentStart = units.isEmpty() || blank >= 2;
      if (partIndex > 0 && units.isEmpty() && pendingLeadIn < 0
          && onlyLeadInMark(s, lineStart, lineEnd) && nextIsProse(s, lines, li + 1)) {
        // A continuation whose lead-in repeats from a line break ("…", then "川 sandbags ..."):
        // the mark belongs to the first unit of the next line, as if it stood before it.
        pendingLeadIn = firstNonSpace(s, lineStart, lineEnd);
        li++;
        continue;
      }
      if (partIndex > 0 && units.isEmpty() && pendingLeadIn < 0
          && onlyLeadInMark(s, lineStart, lineEnd)) {
        // A continuation that opens with a lead-in mark and nothing it could lead into (the part
        // ends there, or code, a table, a heading or a list follows): the generator's mark, not
        // text.
        int a = firstNonSpace(s, lineStart, lineEnd);
        int b = lastNonSpace(s, lineStart, lineEnd);
        removals.others.add(
            Change.of(ChangeKind.LEAD_IN_REMOVED, new SourceSpan(fragment, a, b), s.substring(a, b)));
        prevEnd = lineEnd;
        blank = 0;
        li++;
        continue;
      }
      // The first non-space char rules most lines out of every pattern below without running it,
      // and the line is copied only for a pattern that has to run.
      char lead = firstNonSpaceChar(s, lineStart, lineEnd);
      CharSequence text = lead == '`' || lead == '~' || lead == '#' || lead == '-' || lead == '*'
          || lead == '+' || (lead >= '0' && lead <= '9') ? s.substring(lineStart, lineEnd) : "";
      if ((lead == '`' || lead == '~') && FENCE.matcher(text).matches()) {
        int close = fenceEnd(s, lines, li);
        block++;
        units.add(
            atomic(fragment, partIndex, s, lines, li, close, prevEnd, segmentStart, block));
        prevEnd = lines.end(close);
        li = close + 1;
        openKind = null;
        blank = 0;
        continue;
      }
      if (startsTableRow(s, lineStart, lineEnd)) {
        int last = li;
        while (last + 1 < lines.size()
            && s.substring(lines.start(last + 1), lines.end(last + 1))
                .stripLeading()
                .startsWith("|")) {
          last++;
        }
        block++;
        units.add(atomic(fragment, partIndex, s, lines, li, last, prevEnd, segmentStart, block));
        prevEnd = lines.end(last);
        li = last + 1;
        openKind = null;
        blank = 0;
        continue;
      }
      // A "heading" of hundreds of chars is running text that starts with '#' (a context line
      // gluing a heading to its paragraphs): it is split into sentences like any paragraph.
      if (lead == '#' && lineEnd - lineStart <= MAX_HEADING && HEADING.matcher(text).matches()
          && !gluedParagraphs(s, lineStart, lineEnd)) {
        block++;
        int a = firstNonSpace(s, lineStart, lineEnd);
        int b = lastNonSpace(s, lineStart, lineEnd);
        units.add(
            new Unit(
                nextUnitId++,
                fragment,
                partIndex,
                a,
                b,
                null,
                s,
                Unit.Kind.HEADING,
                true,
                false,
                segmentStart,
                0,
                sep(s, prevEnd, a),
                block,
                key(s, a, b)));
        linkSameText(units.get(units.size() - 1));
        prevEnd = b;
        li++;
        openKind = null;
        blank = 0;
        continue;
      }
      boolean listStart =
          (lead == '-' || lead == '*' || lead == '+' || (lead >= '0' && lead <= '9'))
              && LIST_ITEM.matcher(text).matches();
      boolean newBlock = openKind == null || listStart;
      if (newBlock) {
        block++;
        openKind = listStart ? "list" : "para";
      }
      prevEnd =
          sentences(
              fragment, partIndex, s, lineStart, lineEnd, prevEnd, newBlock, listStart, segmentStart, block,
              units);
      blank = 0;
      li++;
    }
    String trailing =
        endsWithMarker || !lastOfFragment ? "" : sep(s, prevEnd, Math.max(prevEnd, s.length()));
    boolean spaceBeforeMarker = false;
    if (endsWithMarker && !lines.isEmpty()) {
      int lastStart = lines.start(lines.size() - 1);
      int lastEnd = lines.end(lines.size() - 1);
      int from = Math.max(prevEnd, lastStart);
      for (int k = from; k < lastEnd; k++) {
        char c = s.charAt(k);
        if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000') {
          spaceBeforeMarker = true;
          break;
        }
      }
      // The marker on a line of its own: look at the end of the line the last unit is on.
      if (!spaceBeforeMarker && prevEnd < lastStart) {
        int k = prevEnd;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
          k++;
        }
        spaceBeforeMarker = k > prevEnd && (k == s.length() || s.charAt(k) == '\n' || s.charAt(k) == '\r');
      }
    }
    boolean markerGlued =
        endsWithMarker && !lines.isEmpty() && !units.isEmpty()
            && units.get(units.size() - 1).end > lines.start(lines.size() - 1);
    ImmutableList<Unit> frozen = ImmutableList.copyOf(units);
    for (int k = 0; k < units.size(); k++) {
      units.get(k).pos = k;
      units.get(k).siblings = frozen;
    }
    if (units.size() > MAX_REUSED_PART) {
      // Not an array of references the size of the largest part, held until the call ends.
      partUnits = new ArrayList<>();
    }
    parts.add(
        new Part(
            partIndex,
            fragment,
            frozen,
            endsWithMarker,
            firstOfFragment,
            lastOfFragment,
            trailing,
            frontMatter,
            spaceBeforeMarker,
            markerGlued));
  }

  /** Whether {@code s[from, to)} holds a lead-in mark ("…", "...") and nothing but spaces. */
  private static boolean onlyLeadInMark(String s, int from, int to) {
    int a = firstNonSpace(s, from, to);
    int b = lastNonSpace(s, from, to);
    if (a >= b) {
      return false;
    }
    if (b - a == 3 && s.startsWith("...", a)) {
      return true;
    }
    // A mark followed by a period ("….") repeats the end of a sentence: that is text.
    for (int i = a; i < b; i++) {
      char c = s.charAt(i);
      if (c != '\u2026' && c != '\u2025' && c != '\u22EF') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the first line from {@code li} on that is not blank is plain prose: not code, a table,
   * a heading or a list item, whose units never take a lead-in.
   */
  private static boolean nextIsProse(String s, Lines lines, int li) {
    for (int k = li; k < lines.size(); k++) {
      if (!Texts.isBlank(s, lines.start(k), lines.end(k))) {
        char c = firstNonSpaceChar(s, lines.start(k), lines.end(k));
        return "`~#|-*+".indexOf(c) < 0 && !(c >= '0' && c <= '9');
      }
    }
    return false;
  }

  private int sentences(
      int fragment,
      int partIndex,
      String s,
      int lineStart,
      int lineEnd,
      int prevEnd,
      boolean newBlock,
      boolean listStart,
      boolean segmentStart,
      int block,
      List<Unit> units) {
    int a = firstNonSpace(s, lineStart, lineEnd);
    int b = lastNonSpace(s, lineStart, lineEnd);
    int[] bounds = sentenceBounds(s, a, b);
    if (a < b && s.charAt(a) == '#') {
      bounds = withInnerHeadings(s, a, b, bounds);
    }
    boolean first = true;
    int next = 1;
    for (int from = 0; next < bounds.length; ) {
      int to = bounds[next++];
      // A segment with no letter ("...", "…", "—", a list number "1.") is not a sentence of its
      // own: it belongs to the text that follows it on the same line.
      while (to < b - a && !hasLetter(s, a + from, a + to) && next < bounds.length) {
        to = bounds[next++];
      }
      if (next == bounds.length - 1 && !hasLetter(s, a + to, b)
          && readsOnIfLowerFollowed(s, a + from, a + to, b)) {
        to = bounds[next++];
      }
      int x = a + from;
      if (pendingLeadIn >= 0) {
        x = pendingLeadIn;
        pendingLeadIn = -1;
      }
      int y = a + to;
      from = to;
      while (y > x && Texts.isWhitespace(s.charAt(y - 1))) {
        y--;
      }
      if (y == x) {
        continue;
      }
      boolean blockStart = newBlock && first;
      int leadIn = blockStart || (first && units.isEmpty()) ? Texts.leadInLength(s, x, y) : 0;
      units.add(
          new Unit(
              nextUnitId++,
              fragment,
              partIndex,
              x,
              y,
              null,
              s,
              Unit.Kind.PROSE,
              blockStart,
              blockStart && listStart,
              segmentStart && first,
              leadIn,
              sep(s, prevEnd, x),
              block,
              key(s, x, y)));
      linkSameText(units.get(units.size() - 1));
      prevEnd = y;
      first = false;
    }
    return prevEnd;
  }

  /**
   * Whether ICU's boundary at {@code at}, before the letterless end {@code s[at, end)} of a line
   * ("Floods came in 2019. 20" cut there), was decided by the line's end: after a full stop ICU
   * reads on if the next letter is lower case (UAX #29 SB8), and past the end there is none to
   * ask. The whole "Floods came in 2019. 2020 was a dry year." is one sentence, so the cut is read
   * as going on in lower case too, the reading in which it agrees with its own completion. An
   * emoji there ends the sentence either way ({@link #stopsBeforeEmoji}), and so does the first
   * half of a surrogate pair that the cut split.
   */
  private boolean readsOnIfLowerFollowed(String s, int start, int at, int end) {
    int first = at;
    while (first < end && Texts.isWhitespace(s.charAt(first))) {
      first++;
    }
    // Half of a surrogate pair, cut there (its other half opens the next part), is most often an
    // emoji's or an ideograph's: neither reads on in lower case.
    if (first == end || emoji(s.codePointAt(first)) || Character.isSurrogate(s.charAt(first))) {
      return false;
    }
    BreakIterator it = sentenceIterator();
    it.setText(s.substring(start, end) + " a");
    return !it.isBoundary(at - start);
  }

  private BreakIterator sentenceIterator() {
    if (sentenceIterator == null) {
      sentenceIterator = Texts.sentences();
    }
    return sentenceIterator;
  }

  /**
   * Adds a boundary before each heading mark inside a line that opens with one: a context line
   * glues headings to the text before them ("... 列出匹配的软件包 ### 1.2. 软件包日志 ..."), and
   * ICU reads on through a mark that no full stop precedes.
   */
  private static int[] withInnerHeadings(String s, int a, int b, int[] bounds) {
    java.util.regex.Matcher m = INNER_HEADING.matcher(s).region(a, b);
    int[] marks = new int[8];
    int n = 0;
    while (m.find()) {
      if (n == marks.length) {
        marks = java.util.Arrays.copyOf(marks, n * 2);
      }
      marks[n++] = m.start() + 1 - a;
    }
    if (n == 0) {
      return bounds;
    }
    // Both are ascending: one merge, so a line of many marks costs its length, not its square.
    return union(bounds, java.util.Arrays.copyOf(marks, n));
  }


  /** The first char of {@code s[from, to)} that is not a space or a tab, or a space if none. */
  private static char firstNonSpaceChar(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t') {
        return c;
      }
    }
    return ' ';
  }

  /** Whether the line's first char that is not Java whitespace is '|': a table row. */
  private static boolean startsTableRow(String s, int from, int to) {
    int i = from;
    while (i < to) {
      int cp = s.codePointAt(i);
      if (!Character.isWhitespace(cp)) {
        return cp == '|';
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean hasLetter(String s, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private Unit atomic(
      int fragment,
      int partIndex,
      String s,
      Lines lines,
      int from,
      int to,
      int prevEnd,
      boolean segmentStart,
      int block) {

    String text = joinLines(s, lines, from, to);
    return new Unit(
        nextUnitId++,
        fragment,
        partIndex,
        lines.start(from),
        lines.end(to),
        text,
        s,
        Unit.Kind.ATOMIC,
        true,
        false,
        segmentStart,
        0,
        sep(s, prevEnd, lines.start(from)),
        block,
        key(text, 0, text.length()));
  }

  /** Index of the line closing a fence opened at {@code open}; the part's last line if none. */
  private static int fenceEnd(String s, Lines lines, int open) {
    String opening = s.substring(lines.start(open), lines.end(open)).strip();
    char fenceChar = opening.charAt(0);
    int fenceLen = 0;
    while (fenceLen < opening.length() && opening.charAt(fenceLen) == fenceChar) {
      fenceLen++;
    }
    for (int k = open + 1; k < lines.size(); k++) {
      String t = s.substring(lines.start(k), lines.end(k)).strip();
      int run = 0;
      while (run < t.length() && t.charAt(run) == fenceChar) {
        run++;
      }
      if (run >= fenceLen && run == t.length()) {
        return k;
      }
    }
    return lines.size() - 1;
  }

  /**
   * Index of the closing line of a front matter block at the very start of the part, or -1. A
   * front matter block opens with a {@code ---} line, holds at least one {@code key:} line and
   * closes with {@code ---} or {@code ...}.
   */
  private static int frontMatterEnd(String s, Lines lines) {
    int k = 0;
    while (k < lines.size() && Texts.isBlank(s, lines.start(k), lines.end(k))) {
      k++;
    }
    if (k >= lines.size() || !strippedIs(s, lines.start(k), lines.end(k), "---")) {
      return -1;
    }
    boolean sawKey = false;
    for (int j = k + 1; j < lines.size() && j <= k + 500; j++) {
      if (strippedIs(s, lines.start(j), lines.end(j), "---")
          || strippedIs(s, lines.start(j), lines.end(j), "...")) {
        return sawKey ? j : -1;
      }
      String t = s.substring(lines.start(j), lines.end(j));
      if (YAML_KEY.matcher(t).matches()) {
        sawKey = true;
      }
    }
    return -1;
  }

  /**
   * Whether {@code s[from, to)}, stripped of whitespace, is {@code word}: a fence line, found
   * without copying a line that may be the whole input.
   */
  private static boolean strippedIs(String s, int from, int to, String word) {
    int a = from;
    int b = to;
    while (a < b && Character.isWhitespace(s.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
      b--;
    }
    return b - a == word.length() && s.regionMatches(a, word, 0, word.length());
  }

  private static int firstNonBlank(String s, Lines lines) {
    for (int k = 0; k < lines.size(); k++) {
      if (!Texts.isBlank(s, lines.start(k), lines.end(k))) {
        return k;
      }
    }
    throw new IllegalStateException("no non-blank line");
  }

  private static String joinLines(String s, Lines lines, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k <= to; k++) {
      if (k > from) {
        b.append('\n');
      }
      b.append(s, lines.start(k), lines.end(k));
    }
    return b.toString();
  }

  /** The source text between two units, line endings normalized to LF. */
  static String sep(String s, int from, int to) {
    if (to <= from) {
      return "";
    }
    // Nearly every separator is one of a few; sharing them saves a string per unit.
    int length = to - from;
    if (length == 1 && s.charAt(from) == ' ') {
      return " ";
    }
    if (length <= 3 && onlyChar(s, from, to, '\n')) {
      return length == 1 ? "\n" : length == 2 ? "\n\n" : "\n\n\n";
    }
    String raw = s.substring(from, to);
    if (raw.indexOf('\r') >= 0) {
      raw = raw.replace("\r\n", "\n").replace('\r', '\n');
    }
    return switch (raw) {
      case " " -> " ";
      case "\n" -> "\n";
      case "\n\n" -> "\n\n";
      case "\n\n\n" -> "\n\n\n";
      default -> raw;
    };
  }

  private static boolean onlyChar(String s, int from, int to, char c) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  private static int firstNonSpace(String s, int from, int to) {
    while (from < to && Texts.isWhitespace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int lastNonSpace(String s, int from, int to) {
    while (to > from && Texts.isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }
}
