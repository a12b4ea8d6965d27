package dev.seam;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A list that only grows at its end, held in chunks of 4,096 references. The lists that grow
 * with the input (units, slots, changes) passed a million references on large inputs as one
 * {@code ArrayList} array and as each copy it grew through: G1 allocates an array of references
 * that large as a humongous object in the old generation, does not reclaim it at a young
 * collection once the call is over, and its cards keep every object it points to alive. Each
 * young collection then copied the garbage of the calls before it (100,000 seams in one
 * fragment: a quarter of a warm loop in collection pauses, the heap after a collection growing by
 * about 100 MB a call). A chunk of 16 KB is far below the humongous size of any heap.
 */
final class ChunkedList<E> extends AbstractList<E> implements RandomAccess {
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;
  private Object[][] chunks = new Object[4][];
  private int size;

  @Override
  public boolean add(E e) {
    int c = size >>> SHIFT;
    if (c == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, c * 2);
    }
    if (chunks[c] == null) {
      // The first chunk starts small: most lists of a call are short.
      chunks[c] = new Object[c == 0 ? 16 : CHUNK];
    } else if (c == 0 && size == chunks[0].length) {
      chunks[0] = java.util.Arrays.copyOf(chunks[0], Math.min(CHUNK, size * 2));
    }
    chunks[c][size & MASK] = e;
    size++;
    modCount++;
    return true;
  }

  /**
   * Adds by index where {@code c} is a random-access list: every part's units are added one list
   * at a time, and an iterator per part was 100,000 objects a call for 100,000 tiny parts.
   */
  @Override
  public boolean addAll(java.util.Collection<? extends E> c) {
    if (!(c instanceof java.util.List<? extends E> list) || !(c instanceof RandomAccess)) {
      return super.addAll(c);
    }
    for (int i = 0, n = list.size(); i < n; i++) {
      add(list.get(i));
    }
    return !list.isEmpty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    java.util.Objects.checkIndex(index, size);
    return (E) chunks[index >>> SHIFT][index & MASK];
  }

  @Override
  @SuppressWarnings("unchecked")
  public E set(int index, E e) {
    java.util.Objects.checkIndex(index, size);
    Object[] chunk = chunks[index >>> SHIFT];
    E old = (E) chunk[index & MASK];
    chunk[index & MASK] = e;
    return old;
  }

  @Override
  public int size() {
    return size;
  }

  /** Drops every element and chunk, so the list holds nothing alive. */
  @Override
  public void clear() {
    chunks = new Object[4][];
    size = 0;
    modCount++;
  }
}
