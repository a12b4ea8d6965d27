package dev.seam;

import com.google.common.collect.ImmutableList;

/**
 * The text between two end markers (or a fragment's start or end): one uninterrupted run of
 * generation.
 *
 * @param index position among all parts of all fragments
 * @param fragment which fragment it is in
 * @param units its units in order
 * @param endsWithMarker whether an end marker closes it (generation stopped there)
 * @param firstOfFragment whether it starts its fragment
 * @param lastOfFragment whether it ends its fragment
 * @param trailing whitespace after its last unit (LF-normalized)
 * @param frontMatter a front matter unit at its start, if any (not in {@code units})
 * @param spaceBeforeMarker whether horizontal whitespace follows the last unit on its line before
 *     the end marker: the cut fell between two words
 * @param markerGlued whether the end marker stands on the same line as the last unit: the text was
 *     cut right there
 */
record Part(
    int index,
    int fragment,
    ImmutableList<Unit> units,
    boolean endsWithMarker,
    boolean firstOfFragment,
    boolean lastOfFragment,
    String trailing,
    Unit frontMatter,
    boolean spaceBeforeMarker,
    boolean markerGlued) {

  Unit last() {
    return units.get(units.size() - 1);
  }
}
