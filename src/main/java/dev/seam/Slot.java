package dev.seam;

/** A place in the kept document. Its unit may be replaced by a fuller or later version. */
final class Slot {
  Unit unit;
  Slot prev;
  Slot next;
  /** Order label: a before b in the document iff a.label < b.label. */
  long label;
  /** The separator rendered before this slot's unit. */
  String sep;
  /** Units removed as copies of this slot's text, to find their source neighbours. */
  java.util.List<Unit> aliases;
  /** Where this slot's role went when it left the document (its text was absorbed there). */
  Slot forward;
  /** False for the two sentinels that bound the list. */
  final boolean real;
  /** This slot's number in its document, for the primitive gram index. */
  int id;
  /**
   * The number of this slot's paragraph among the kept ones, counted from 1 while the report is
   * built; 0 before, and for a slot that left the document.
   */
  int paragraph;

  /** What the report's removals of this slot's copies share; null until the report is built. */
  KeptValues reportValues;

  /** The removal of an exact repeat of this slot, one for all its repeats (it is immutable). */
  private Unit.Removal exactRepeat;

  Unit.Removal exactRepeat() {
    if (exactRepeat == null) {
      exactRepeat = new Unit.Removal(ChangeKind.REPEAT_REMOVED, this, MatchKind.EXACT, 1.0);
    }
    return exactRepeat;
  }

  Slot(Unit unit, String sep, boolean real) {
    this.unit = unit;
    this.sep = sep;
    this.real = real;
  }

  @Override
  public String toString() {
    return "S" + label + ":" + unit;
  }
}
