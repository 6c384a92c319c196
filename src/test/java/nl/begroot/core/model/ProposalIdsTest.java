package nl.begroot.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index by id (decision 250) against a {@link HashMap} by id built from the same drawn ids: the first position
 * of each id, -1 for an id not there, repeated ids and lines with no id skipped, the same set of ids, whether built
 * at once or line by line from a small table that grows. Planted: a probe that stops at the first slot (no linear
 * probing) fails here.
 */
class ProposalIdsTest {
  private static final String[] STARTS = {"p", "ë", "€", "\uD800", "x-"};

  @Test
  void eachIdFindsItsFirstLineAsAMapByIdDoes() {
    Random random = new Random(250);
    for (int round = 0; round < 60; round++) {
      int n = random.nextInt(round < 50 ? 200 : 20_000);
      int distinct = 1 + random.nextInt(Math.max(1, n));
      List<String> drawn = new ArrayList<>();
      List<Proposal> lines = new ArrayList<>();
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String id = random.nextInt(40) == 0 ? null : STARTS[random.nextInt(STARTS.length)] + random.nextInt(distinct);
        drawn.add(id);
        lines.add(line(id));
        if (id != null) {
          expected.putIfAbsent(id, i);
        }
      }
      ProposalIds atOnce = ProposalIds.of(lines);
      ProposalIds oneByOne = new ProposalIds(lines, 1);
      for (int i = 0; i < n; i++) {
        String id = drawn.get(i);
        int before = id == null ? -1 : expected.get(id) == i ? -1 : expected.get(id);
        assertThat(oneByOne.addIfAbsent(i)).as("round %d line %d", round, i).isEqualTo(before);
      }
      for (ProposalIds ids : List.of(atOnce, oneByOne)) {
        assertThat(ids.size()).isEqualTo(expected.size());
        assertThat(ids.ids()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
          assertThat(ids.indexOf(e.getKey())).isEqualTo(e.getValue());
          assertThat(ids.ids().contains(e.getKey())).isTrue();
        }
        for (int k = 0; k < 50; k++) {
          String absent = STARTS[random.nextInt(STARTS.length)] + (distinct + random.nextInt(1000));
          assertThat(ids.indexOf(absent)).isEqualTo(-1);
          assertThat(ids.ids().contains(absent)).isFalse();
        }
        assertThat(ids.indexOf(null)).isEqualTo(-1);
      }
    }
  }

  private static Proposal line(String id) {
    return new Proposal(id, List.of("1.1"), "t", Side.LASTEN, Nature.RECURRING, null, List.of(), Amounts.of(1), Proposal.Rule.ENTERED,
        false, List.of(), null, null, null, "");
  }
}
