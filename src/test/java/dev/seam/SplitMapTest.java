package dev.seam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitMapTest {
  @Test
  void agreesWithAHashMapThroughSplitsAndRemovals() {
    // Sized for 16 keys and grown to 150,000, so it splits from one map to eight; a plain map
    // says what each lookup must return.
    SplitMap<Integer> map = new SplitMap<>(16);
    Map<String, Integer> model = new HashMap<>();
    Random random = new Random(20261124);
    for (int step = 0; step < 400_000; step++) {
      String key = "k" + random.nextInt(step < 300_000 ? 200_000 : 1_000);
      switch (random.nextInt(5)) {
        case 0 -> {
          map.remove(key);
          model.remove(key);
        }
        case 1 -> {
          map.merge(key, 1, Integer::sum);
          model.merge(key, 1, Integer::sum);
        }
        default -> {
          map.put(key, step);
          model.put(key, step);
        }
      }
      assertThat(map.get(key)).isEqualTo(model.get(key));
      assertThat(map.containsKey(key)).isEqualTo(model.containsKey(key));
      assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
    }
    assertThat(model.size()).isGreaterThan(100_000);
    for (int i = 0; i < 200_000; i++) {
      assertThat(map.get("k" + i)).isEqualTo(model.get("k" + i));
    }
    for (String key : model.keySet().toArray(new String[0])) {
      map.remove(key);
    }
    assertThat(map.isEmpty()).isTrue();
  }

  @Test
  void aMapSizedForManyKeysStartsEmpty() {
    SplitMap<String> map = new SplitMap<>(1_000_000);
    assertThat(map.isEmpty()).isTrue();
    assertThat(map.get("a")).isNull();
    map.put("a", "b");
    assertThat(map.get("a")).isEqualTo("b");
    assertThat(map.isEmpty()).isFalse();
  }

  @Test
  void keysWithOneHashStayReachableThroughRemovals() {
    // "Aa" and "BB" share a hash, so their 2^10 concatenations all land in one bucket of one of
    // the maps, amid other keys: each stays reachable through puts and removals of the others, and
    // a merge that yields null removes it, as Map.merge does.
    List<String> colliding = new ArrayList<>();
    for (int bits = 0; bits < 1 << 10; bits++) {
      StringBuilder key = new StringBuilder();
      for (int b = 0; b < 10; b++) {
        key.append((bits >> b & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(key.toString());
    }
    assertThat(colliding.stream().map(String::hashCode).distinct()).hasSize(1);
    SplitMap<Integer> map = new SplitMap<>(16);
    Map<String, Integer> model = new HashMap<>();
    Random random = new Random(7);
    for (int step = 0; step < 20_000; step++) {
      // Other keys around them, which share their slots but not their hash.
      String key = random.nextInt(3) == 0 ? "o" + random.nextInt(500)
          : colliding.get(random.nextInt(colliding.size()));
      if (random.nextInt(3) == 0) {
        map.remove(key);
        model.remove(key);
      } else {
        map.put(key, step);
        model.put(key, step);
      }
      if (step % 97 == 0) {
        for (String k : colliding) {
          assertThat(map.get(k)).isEqualTo(model.get(k));
        }
      }
    }
    for (String k : model.keySet().toArray(new String[0])) {
      assertThat(map.containsKey(k)).isTrue();
      map.merge(k, 0, (a, b) -> null);
      assertThat(map.containsKey(k)).isFalse();
    }
    assertThat(map.isEmpty()).isTrue();
  }
}
