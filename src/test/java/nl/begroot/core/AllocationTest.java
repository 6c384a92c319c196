package nl.begroot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
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

  /**
   * The grammar written out as a regular expression and the value through BigDecimal (what {@code
   * parseEuros} did before decision 239), against the parser by hand, on random texts made of the
   * characters that matter and on the amounts next to the ends of a long in cents.
   */
  @Test
  void parsesEurosAsTheGrammarSays() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(239);
    String alphabet = "0123456789+-.e, 9";
    List<String> texts = new java.util.ArrayList<>(List.of("", "+", "-", ".", "1.", ".5", "1.5", "-0", "+0.00", "007.1", "1.234", "1..2",
        "92233720368547758.07", "92233720368547758.08", "-92233720368547758.08", "-92233720368547758.09", "922337203685477580.7",
        "٣", "１"));
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(1, 25);
      for (int c = 0; c < length; c++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(b.toString());
      texts.add(Long.toString(random.nextLong(-100_000_000_000_000_000L, 100_000_000_000_000_000L)) + (random.nextBoolean() ? "" : "." + random.nextInt(0, 100)));
    }
    int amounts = 0;
    for (String text : texts) {
      Optional<Money> expected = Optional.empty();
      if (text.matches("[+-]?\\d+(\\.\\d{1,2})?")) {
        try {
          expected = Optional.of(Money.ofCents(new java.math.BigDecimal(text).movePointRight(2).longValueExact()));
          amounts++;
        } catch (ArithmeticException tooLarge) {
          expected = Optional.empty();
        }
      }
      assertThat(Money.parseEuros(text)).as("'%s'", text).isEqualTo(expected);
    }
    assertThat(amounts).as("amounts among the texts").isGreaterThan(20_000);
  }

  @Test
  void moneyArithmeticOverflowsLoudly() {
    assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
  }
}
