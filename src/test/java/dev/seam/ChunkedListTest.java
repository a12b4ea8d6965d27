package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkedListTest {
  @Test
  void agreesWithAnArrayListAcrossChunks() {
    // Past three chunk boundaries and through the first chunk's own growth.
    List<Integer> list = new ChunkedList<>();
    List<Integer> model = new ArrayList<>();
    for (int i = 0; i < 3 * 4096 + 17; i++) {
      list.add(i * 7);
      model.add(i * 7);
      if (i % 1000 == 3) {
        assertThat(list.set(i / 2, -i)).isEqualTo(model.set(i / 2, -i));
      }
    }
    assertThat(list).hasSize(model.size()).containsExactlyElementsOf(model);
    assertThat(list.get(4095)).isEqualTo(model.get(4095));
    assertThat(list.get(4096)).isEqualTo(model.get(4096));
    assertThat(list.subList(4000, 8200)).isEqualTo(model.subList(4000, 8200));
    assertThat(list).isEqualTo(model);
    assertThat(list.hashCode()).isEqualTo(model.hashCode());
  }

  @Test
  void indexesOutsideThrowAndClearEmptiesIt() {
    List<String> list = new ChunkedList<>();
    assertThatThrownBy(() -> list.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    list.add("a");
    list.add(null);
    assertThat(list).containsExactly("a", null);
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.set(-1, "b")).isInstanceOf(IndexOutOfBoundsException.class);
    list.clear();
    assertThat(list).isEmpty();
    list.add("c");
    assertThat(list).containsExactly("c");
  }

  @Test
  void anIteratorSeesAnAddAsAConcurrentChange() {
    List<Integer> list = new ChunkedList<>();
    list.add(1);
    Iterator<Integer> it = list.iterator();
    list.add(2);
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void addAllTakesListsByIndexAndOtherCollectionsByIterator() {
    // Across the first chunk's growth and a chunk boundary, from a random-access list, a
    // sequential one and an empty one.
    List<Integer> list = new ChunkedList<>();
    List<Integer> model = new ArrayList<>();
    List<Integer> block = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      block.add(i);
    }
    LinkedList<Integer> linked = new LinkedList<>(block.subList(0, 1500));
    assertThat(list.addAll(block)).isEqualTo(model.addAll(block)).isTrue();
    assertThat(list.addAll(linked)).isEqualTo(model.addAll(linked)).isTrue();
    assertThat(list.addAll(List.of())).isEqualTo(model.addAll(List.of())).isFalse();
    assertThat(list).hasSize(4500).isEqualTo(model);
    assertThat(list.get(4095)).isEqualTo(model.get(4095));
  }
}
