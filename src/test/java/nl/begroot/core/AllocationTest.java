package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.begroot.core.money.Allocation;
import nl.begroot.core.money.Money;
import nl.begroot.core.money.Rounding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AllocationTest {

  private static BigInteger[] weights(long... w) {
    return LongStream.of(w).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
  }

  @ParameterizedTest(name = "{0} cents by {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # total | weights     | parts (largest remainder, ties to the earlier part)
        100   | 1 1 1       | 34 33 33
        -100  | 1 1 1       | -34 -33 -33
        10    | 50 30 20    | 5 3 2
        1     | 1 1         | 1 0
        7     | 2 1         | 5 2
        0     | 3 4         | 0 0
        999   | 680 949 812 | 278 389 332
      """)
  void splitsByLargestRemainder(long total, String weights, String parts) {
    long[] w = Stream.of(weights.split(" ")).mapToLong(Long::parseLong).toArray();
    long[] expected = Stream.of(parts.split(" ")).mapToLong(Long::parseLong).toArray();
    assertThat(Allocation.allocate(total, weights(w))).containsExactly(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void partsAlwaysAddUpToTheWholeAndStayWithinOneCentOfTheirQuota(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(400);
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      w[i] = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 1_000_000);
    }
    w[random.nextInt(n)] = random.nextLong(1, 1_000_000);
    long total = random.nextLong(-10_000_000_000L, 10_000_000_000L);
    long[] parts = Allocation.allocate(total, weights(w));
    assertThat(LongStream.of(parts).sum()).as("seed %d", seed).isEqualTo(total);
    BigInteger sum = BigInteger.valueOf(LongStream.of(w).sum());
    for (int i = 0; i < n; i++) {
      // |part * sum - total * w| < sum, i.e. the part is the floor or the ceiling of its exact quota
      BigInteger error = BigInteger.valueOf(parts[i]).multiply(sum).subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i])));
      assertThat(error.abs()).as("seed %d part %d", seed, i).isLessThan(sum);
    }
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 200).boxed();
  }

  @Test
  void refusesWeightsThatCannotSplit() {
    assertThatThrownBy(() -> Allocation.allocate(5, weights(0, 0))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Allocation.allocate(5, weights(1, -1))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} / {1}: half away {2}, floor {3}, ceil {4}")
  @CsvSource(textBlock = """
      150000, 100000, 2, 1, 2
      -150000, 100000, -2, -2, -1
      149999, 100000, 1, 1, 2
      -50000, 100000, -1, -1, 0
      0, 100000, 0, 0, 0
      """)
  void divisionsSayHowTheyRound(long n, long d, long half, long floor, long ceil) {
    assertThat(Rounding.divideHalfAwayFromZero(n, d)).isEqualTo(half);
    assertThat(Rounding.floorDivide(n, d)).isEqualTo(floor);
    assertThat(Rounding.ceilDivide(n, d)).isEqualTo(ceil);
  }

  @ParameterizedTest(name = "{0} -> {1} cents")
  @CsvSource(textBlock = """
      1234, 123400
      -417000.5, -41700050
      0.01, 1
      +7, 700
      """)
  void parsesEurosExactly(String text, long cents) {
    assertThat(Money.parseEuros(text)).contains(Money.ofCents(cents));
  }

  @ParameterizedTest(name = "refuses {0}")
  @CsvSource(delimiter = '|', textBlock = """
      12.345
      1e5
      12,5
      abc
      99999999999999999999
      """)
  void refusesWhatIsNotAnAmount(String text) {
    assertThat(Money.parseEuros(text)).isEmpty();
  }

  @Test
  void moneyArithmeticOverflowsLoudly() {
    assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
  }
}
