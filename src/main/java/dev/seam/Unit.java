package dev.seam;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence of prose, one heading, or one atomic block (code, table, front matter), with where
 * it came from. Units are the grain of comparison; their separators carry the block structure.
 */
final class Unit {
  enum Kind {
    PROSE,
    HEADING,
    ATOMIC,
    FRONT_MATTER
  }

  final int id;
  final int fragment;
  final int part;
  final int start;
  final int end;
  final Kind kind;
  final boolean blockStart;
  final boolean listItemStart;
  /** First unit of a part, or of a block after two or more blank lines. */
  final boolean segmentStart;
  /** Chars of a lead-in mark at the start of the text (block starts only). */
  final int leadIn;
  /** The whitespace before this unit in its source, line endings normalized to LF. */
  final String sep;
  /** Index of this unit's block within its part, to tell which units share a block. */
  final int block;
  /** Position in its part's unit list. */
  int pos;
  /** Its part's units, to find source neighbours. */
  java.util.List<Unit> siblings = java.util.List.of();

  Unit sourcePrevious() {
    return pos > 0 && pos <= siblings.size() ? siblings.get(pos - 1) : null;
  }

  /**
   * The chars of this unit's source range before its first piece, or "": what a join took from its
   * start to complete a cut before it (" 358-1-1." of " 358-1-1. Deich ..."), which the fragment
   * still says right before this unit's text.
   */
  String takenHead() {
    int from = pieces == null || pieces.isEmpty() || pieces.get(0).fragment() != fragment
        ? start : pieces.get(0).start();
    return from > start && from <= end ? source.substring(start, from) : "";
  }

  /** Whether this unit's text starts with its first piece's chars as read from the source. */
  boolean startsWithFirstPiece() {
    SourceSpan first = pieces == null || pieces.isEmpty() ? span() : pieces.get(0);
    int n = first.end() - first.start();
    String t = text();
    return first.fragment() == fragment && t.length() >= n
        && source.regionMatches(first.start(), t, 0, n);
  }

  Unit sourceNext() {
    return pos + 1 < siblings.size() ? siblings.get(pos + 1) : null;
  }

  /** The fragment this unit was read from. */
  private final String source;
  /** This unit's text when it is not {@code source[start, end)} (joined, stripped, re-lined). */
  private String text;

  String key;
  /** Null while the unit is its one source range; more ranges after a join. */
  private List<SourceSpan> pieces;

  /** Source ranges whose text makes up this unit's text, in order. */
  List<SourceSpan> pieces() {
    return pieces != null ? pieces : List.of(span());
  }

  int pieceCount() {
    return pieces != null ? pieces.size() : 1;
  }

  /** The {@code i}th source range of this unit's text, without building the list of them. */
  SourceSpan piece(int i) {
    return pieces != null ? pieces.get(i) : span();
  }

  void addPiece(SourceSpan piece) {
    mutablePieces().add(piece);
  }

  void setFirstPiece(SourceSpan piece) {
    mutablePieces().set(0, piece);
  }

  void setPiece(int i, SourceSpan piece) {
    mutablePieces().set(i, piece);
  }

  void addFirstPiece(SourceSpan piece) {
    mutablePieces().add(0, piece);
  }

  void removeFirstPiece() {
    mutablePieces().remove(0);
  }

  void removeLastPiece() {
    List<SourceSpan> list = mutablePieces();
    list.remove(list.size() - 1);
  }

  private List<SourceSpan> mutablePieces() {
    if (pieces == null) {
      pieces = new ArrayList<>(2);
      pieces.add(span());
    }
    return pieces;
  }

  /** Why this unit's text is not in the output, or null while it is (or may be). */
  Removal removal;
  /** The slot holding this unit while it is in the document. */
  Slot slot;
  /** Where this unit landed: its own slot, the kept slot it repeats, or the unit it joined. */
  Slot image;
  /** Whether the merger read this unit as part of a context line; the report names the line. */
  boolean onContextLine;
  /** Whether this unit was merged whole into another (a continuation joined to its cut). */
  boolean consumed;
  /** Whether whitespace stood between this cut and its marker: the cut fell between words. */
  boolean spaceBeforeMarker;
  /**
   * Whether an end marker confirms this cut. A fragment that merely ends without a full stop is
   * not known to be cut, so it is not flagged (and reassembling a flagged output again flags
   * nothing). Fields, not sets in the merger: a hundred thousand streamed cuts made the sets'
   * identity hashing and growth a tenth of the run.
   */
  boolean markedCut;
  /** Whether this cut's marker was glued to the text: certainly cut mid-text. */
  boolean gluedCut;
  /**
   * The long kept cut this unit completes and reads on from as a unit of its own, or null: the
   * two are one sentence (see {@code Merger.MAX_JOINED}).
   */
  Unit readsOnFrom;
  /** The first unit of the long sentence this one reads on in, when {@link #readsOnFrom} is set. */
  Unit sentenceStart;
  /**
   * Whether this is the last unit of a part that ends with a marker, cut or not: generation
   * stopped there, and a sentence that reads on past a full stop ("... 0-1. mill river ...", one
   * sentence to ICU) may have been stopped at that stop.
   */
  boolean beforeMarker;
  /**
   * An earlier unit whose source range held exactly the chars this one's does, or null: found by
   * the parser's memo, it lets the report share excerpts without comparing chars.
   */
  Unit sameText;
  /**
   * The earlier cut this unit said again to its last word, when a join took all of this unit as
   * overlap, or null: a part that stopped with this unit stopped where that cut did.
   */
  Unit saidCutAgain;

  /** Whether this unit's only piece is still the source range it was read from. */
  boolean asRead() {
    return pieces == null || pieces.size() == 1 && pieces.get(0).equals(span());
  }

  /**
   * {@code text} is null when it is {@code source[start, end)}, so no copy is made to compare;
   * {@code key} is the text's key when the caller has it (a repeat of text keyed before), or null.
   */
  Unit(
      int id,
      int fragment,
      int part,
      int start,
      int end,
      String text,
      String source,
      Kind kind,
      boolean blockStart,
      boolean listItemStart,
      boolean segmentStart,
      int leadIn,
      String sep,
      int block,
      String key) {
    this.id = id;
    this.fragment = fragment;
    this.part = part;
    this.start = start;
    this.end = end;
    this.source = source;
    // Most units are their source range as it is; holding the range instead of a copy keeps one
    // copy of the input in memory, not two.
    boolean asInSource =
        text == null
            || (text.length() == end - start
                && source.regionMatches(start, text, 0, text.length()));
    this.text = asInSource ? null : text;
    this.kind = kind;
    this.blockStart = blockStart;
    this.listItemStart = listItemStart;
    this.segmentStart = segmentStart;
    this.leadIn = leadIn;
    this.sep = sep;
    this.block = block;
    if (key != null) {
      this.key = key;
    } else {
      rekey();
    }
  }

  /** This unit's text: its source range, or what joins and strips made of it. */
  String text() {
    return text != null ? text : source.substring(start, end);
  }

  /**
   * Whether this unit's text followed by {@code after}'s has no grapheme boundary between them;
   * reads only the chars near the seam, not copies of both texts.
   */
  boolean splitsClusterWith(Unit after) {
    int n = textLength();
    int m = after.textLength();
    if (n == 0 || m == 0 || Texts.plainBoundary(charAt(n - 1), after.charAt(0))) {
      return false;
    }
    return Texts.splitsCluster(
        textRange(Math.max(0, n - Texts.SEAM_CONTEXT), n),
        after.textRange(0, Math.min(Texts.SEAM_CONTEXT, m)));
  }

  char charAt(int i) {
    return text != null ? text.charAt(i) : source.charAt(start + i);
  }

  /**
   * The code point at {@code i} of this unit's text, as {@code text().codePointAt(i)} reads it,
   * without copying the text: most checks at a seam look at one char of each side.
   */
  int codePointAt(int i) {
    if (text != null) {
      return text.codePointAt(i);
    }
    char c = source.charAt(start + i);
    if (Character.isHighSurrogate(c) && start + i + 1 < end) {
      char d = source.charAt(start + i + 1);
      if (Character.isLowSurrogate(d)) {
        return Character.toCodePoint(c, d);
      }
    }
    return c;
  }

  /** The code point before {@code i} of this unit's text, as {@code text().codePointBefore(i)}. */
  int codePointBefore(int i) {
    if (text != null) {
      return text.codePointBefore(i);
    }
    char c = source.charAt(start + i - 1);
    if (Character.isLowSurrogate(c) && i >= 2) {
      char h = source.charAt(start + i - 2);
      if (Character.isHighSurrogate(h)) {
        return Character.toCodePoint(h, c);
      }
    }
    return c;
  }

  private String textRange(int from, int to) {
    return text != null ? text.substring(from, to) : source.substring(start + from, start + to);
  }

  /** The string this unit's text is a range of: its own text when it has one, else its source. */
  String textBase() {
    return text != null ? text : source;
  }

  /** Where this unit's text starts in {@link #textBase}. */
  int textOffset() {
    return text != null ? 0 : start;
  }

  /** Whether this unit's text equals {@code o}'s, compared in place. */
  boolean textEquals(Unit o) {
    int n = textLength();
    if (n != o.textLength()) {
      return false;
    }
    if (text != null) {
      return o.text != null ? text.equals(o.text) : o.source.regionMatches(o.start, text, 0, n);
    }
    return o.text != null
        ? source.regionMatches(start, o.text, 0, n)
        : source.regionMatches(start, o.source, o.start, n);
  }

  /** {@code Texts.excerpt(text(), max)}, copying only the excerpt. */
  String excerpt(int max) {
    return text != null ? Texts.excerpt(text, max) : Texts.excerpt(source, start, end, max);
  }

  int textLength() {
    return text != null ? text.length() : end - start;
  }

  /** Appends this unit's text without making a copy of it first. */
  void appendTo(StringBuilder out) {
    if (text != null) {
      out.append(text);
    } else {
      out.append(source, start, end);
    }
  }

  void setText(String text) {
    this.text = text;
  }

  /** Drops the comparison key once matching is over (it is as large as the text). */
  void releaseKey() {
    key = null;
  }

  void rekey() {
    this.key = text != null ? Keys.key(text) : Keys.normalize(source, start, end, false).key;
  }

  SourceSpan span() {
    return new SourceSpan(fragment, start, end);
  }

  /** Whether a cut could have stopped this unit mid-sentence. */
  boolean incomplete() {
    return kind == Kind.PROSE
        && !(text != null ? Texts.endsSentence(text) : Texts.endsSentence(source, start, end));
  }

  boolean isProse() {
    return kind == Kind.PROSE;
  }

  @Override
  public String toString() {
    return "U" + id + "{" + Texts.excerpt(text(), 30) + "}";
  }

  /** Why a unit's text was left out, and what kept text stands in for it. */
  record Removal(ChangeKind kind, Slot keptAt, MatchKind match, double similarity) {}
}
