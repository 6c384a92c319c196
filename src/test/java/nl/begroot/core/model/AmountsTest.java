package nl.begroot.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.begroot.core.model.Amounts.Kind;
import org.junit.jupiter.api.Test;

/**
 * A line of up to 32 years holds its kinds packed in one {@code long}, a longer one its own array (decision 245;
 * before it, lines whose years were all amounts or all blank shared one array, decision 243): what a line says per
 * year must be exactly what it was built with, whatever was built before or after it, and changing a builder or a
 * copy afterwards must change no line already built. The expected kinds are the random sequence the test draws.
 */
class AmountsTest {
  private static final Kind[] KINDS = Kind.values();
  /** A line's years all of one kind: amounts, blank or pm (the uniform shapes decision 243 shared, and one it did not). */
  private static final Kind[] UNIFORM = {Kind.AMOUNT, Kind.BLANK, Kind.PM};

  @Test
  void everyLineSaysTheKindsItWasBuiltWithWhateverWasBuiltAfterIt() {
    Random random = new Random(20270101);
    List<Kind[]> expected = new ArrayList<>();
    List<Amounts> built = new ArrayList<>();
    for (int line = 0; line < 3_000; line++) {
      int years = random.nextInt(40); // past the packed lengths too
      Kind[] kinds = new Kind[years];
      int shape = random.nextInt(4); // all amounts, all blank, all pm, or mixed
      for (int y = 0; y < years; y++) {
        kinds[y] = shape < 3 ? UNIFORM[shape] : KINDS[random.nextInt(3)];
      }
      Amounts.Builder b = Amounts.builder(years);
      for (int y = 0; y < years; y++) {
        switch (kinds[y]) {
          case AMOUNT -> b.amount(y, random.nextInt(1_000_000) - 500_000L);
          case PM -> b.pm(y);
          case BLANK -> { }
        }
      }
      Amounts a = b.build();
      // the builder goes on after build: nothing it does reaches the line built
      for (int y = 0; y < years; y++) {
        if (random.nextBoolean()) {
          b.pm(y);
        } else {
          b.amount(y, 1);
        }
      }
      // a copy changed: the original and every other line stay as they were
      if (years > 0) {
        Amounts.Builder copy = a.toBuilder();
        copy.pm(random.nextInt(years));
        copy.build();
        copy.amount(0, 7);
      }
      expected.add(kinds);
      built.add(a);
    }
    for (int i = 0; i < built.size(); i++) {
      Amounts a = built.get(i);
      Kind[] kinds = expected.get(i);
      boolean anyPm = false;
      for (int y = 0; y < kinds.length; y++) {
        assertThat(a.kind(y)).as("line %d year %d", i, y).isEqualTo(kinds[y]);
        assertThat(a.isPm(y)).isEqualTo(kinds[y] == Kind.PM);
        anyPm |= kinds[y] == Kind.PM;
      }
      assertThat(a.anyPm()).as("line %d", i).isEqualTo(anyPm);
      // equal to a line built again from its own years, kinds and cents
      Amounts.Builder again = Amounts.builder(kinds.length);
      for (int y = 0; y < kinds.length; y++) {
        if (kinds[y] == Kind.AMOUNT) {
          again.amount(y, a.cents(y));
        } else if (kinds[y] == Kind.PM) {
          again.pm(y);
        }
      }
      assertThat(again.build()).isEqualTo(a).hasSameHashCodeAs(a);
    }
  }

  @Test
  void aBlankLineAndALineOfAmountsDifferAndEachEqualsItsLike() {
    Amounts blank = Amounts.blank(10);
    Amounts zeros = Amounts.of(new long[10]);
    assertThat(blank).isNotEqualTo(zeros);
    assertThat(blank.kind(3)).isEqualTo(Kind.BLANK);
    assertThat(zeros.kind(3)).isEqualTo(Kind.AMOUNT);
    assertThat(Amounts.blank(10)).isEqualTo(blank).hasSameHashCodeAs(blank);
    assertThat(Amounts.of(new long[10])).isEqualTo(zeros).hasSameHashCodeAs(zeros);
  }
  /**
   * Cents held in ints when they fit and in longs when not (decision 248): every year says the value drawn, at the
   * edges of an int and past them; a line equals and hashes as the same values built another way (the hash the
   * one of a {@code long[]} of the values, as before the narrow hold); {@code centsArray()} gives the values, and
   * writing into it changes no line. Planted: a value past an int held in an int (the check {@code c != (int) c}
   * left out) fails here.
   */
  @Test
  void centsPastAnIntAreHeldWholeAndLinesOfTheSameValuesAreEqual() {
    Random random = new Random(248);
    long[] edges = {0, 1, -1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, 1L << 32,
        -(1L << 32), (1L << 32) + 5, 99_999_999_999_999L, -99_999_999_999_999L};
    for (int line = 0; line < 2_000; line++) {
      int years = 1 + random.nextInt(12);
      long[] drawn = new long[years];
      for (int y = 0; y < years; y++) {
        drawn[y] = random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt() + (long) random.nextInt(3) - 1;
      }
      Amounts a = Amounts.of(drawn);
      Amounts.Builder b = Amounts.builder(years);
      for (int y = 0; y < years; y++) {
        b.amount(y, drawn[y]);
      }
      Amounts built = b.build();
      long expectedHash = 1;
      for (int y = 0; y < years; y++) {
        assertThat(a.cents(y)).as("line %d year %d", line, y).isEqualTo(drawn[y]);
        assertThat(built.cents(y)).isEqualTo(drawn[y]);
        expectedHash = 31 * expectedHash + Long.hashCode(drawn[y]);
      }
      byte[] kinds = new byte[years];
      java.util.Arrays.fill(kinds, (byte) 1);
      assertThat(a.hashCode()).isEqualTo(31 * (int) expectedHash + java.util.Arrays.hashCode(kinds));
      assertThat(built).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(a.toBuilder().build()).isEqualTo(a);
      assertThat(a.centsArray()).containsExactly(drawn);
      if (fitsInInts(drawn)) { // a narrow line hands out a copy (a wide one its own array, read-only by convention)
        a.centsArray()[0] = drawn[0] == 7 ? 8 : 7;
        assertThat(a.cents(0)).isEqualTo(drawn[0]);
      }
      // one year changed: unequal
      Amounts.Builder other = a.toBuilder();
      other.amount(years - 1, drawn[years - 1] + (1L << 32));
      assertThat(other.build()).isNotEqualTo(built);
    }
  }

  private static boolean fitsInInts(long[] values) {
    for (long v : values) {
      if (v != (int) v) {
        return false;
      }
    }
    return true;
  }
}
