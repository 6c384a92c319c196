package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import nl.begroot.core.money.Allocation;
import org.junit.jupiter.api.Test;

/** The long-arithmetic split gives the BigInteger split's cents exactly, ties and signs included. */
class LongAllocationTest {
  @Test
  void longSplitEqualsTheBigIntegerSplit() {
    SplittableRandom r = new SplittableRandom(2027);
    for (int round = 0; round < 20_000; round++) {
      int n = 1 + r.nextInt(round % 10 == 0 ? 600 : 12);
      BigInteger[] big = new BigInteger[n];
      long[] weights = new long[n];
      long bound = switch (round % 4) {
        case 0 -> 3; // many ties
        case 1 -> 1_000_000;
        case 2 -> 1L << 40;
        default -> 1L << 52; // products that overflow a long: the fallback
      };
      for (int i = 0; i < n; i++) {
        weights[i] = r.nextLong(0, bound);
        big[i] = BigInteger.valueOf(weights[i]);
      }
      weights[0] += 1;
      big[0] = big[0].add(BigInteger.ONE);
      long[] lw = Allocation.longWeights(big);
      long total = switch (r.nextInt(3)) {
        case 0 -> r.nextLong(-1_000, 1_000);
        case 1 -> r.nextLong(-10_000_000_000L, 10_000_000_000L);
        default -> r.nextLong(-100_000_000_000_000L, 100_000_000_000_000L);
      };
      assertThat(lw[n]).isEqualTo(java.util.Arrays.stream(weights).sum());
      assertThat(Allocation.allocate(total, weights, lw[n])).as("round " + round).containsExactly(Allocation.allocate(total, big));
    }
  }

  @Test
  void tiesGoToTheEarlierPart() {
    // 1 cent over three equal weights: the first part gets it (as the BigInteger split does)
    assertThat(Allocation.allocate(1, new long[] {1, 1, 1}, 3)).containsExactly(1, 0, 0);
    assertThat(Allocation.allocate(-2, new long[] {1, 1, 1}, 3)).containsExactly(-1, -1, 0);
    assertThat(Allocation.allocate(5, new long[] {1, 2, 2}, 5)).containsExactly(1, 2, 2);
  }
}
