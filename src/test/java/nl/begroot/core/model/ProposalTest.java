package nl.begroot.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A proposal is held compactly (decision 245: one unit as itself, side, nature, rule and pass-through flag packed
 * in a byte, the fields most lines leave empty in one shared holder), and must still behave as the record it was:
 * every accessor gives back exactly what it was built with, and two proposals are equal (with equal hashes) exactly
 * when every component is. The expected values are the random components the test draws, kept beside each line.
 */
class ProposalTest {
  private static final Proposal.Rule[] RULES = Proposal.Rule.values();

  /** The fifteen components of one line, as drawn. */
  private record Drawn(String id, List<String> units, String title, Side side, Nature nature, String category,
      List<String> products, Amounts amounts, Proposal.Rule rule, boolean passThrough, List<String> passThroughItems,
      String thirdParty, String group, Breakdown breakdown, String explanation) {
    Proposal build() {
      // fresh lists: the proposal must own its own copies
      return new Proposal(id, new ArrayList<>(units), title, side, nature, category, new ArrayList<>(products), amounts,
          rule, passThrough, new ArrayList<>(passThroughItems), thirdParty, group, breakdown, explanation);
    }
  }

  @Test
  void everyComponentComesBackAsBuiltAndEqualityIsTheComponents() {
    Random random = new Random(20270245);
    List<Drawn> drawn = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      drawn.add(draw(random));
    }
    List<Proposal> built = drawn.stream().map(Drawn::build).toList();
    for (int i = 0; i < built.size(); i++) {
      Proposal p = built.get(i);
      Drawn d = drawn.get(i);
      assertThat(p.id()).isEqualTo(d.id());
      if (d.id() != null) {
        assertThat(p.hasId(d.id())).isTrue();
        assertThat(p.hasId(d.id() + "x")).isFalse();
        assertThat(p.idHash()).isEqualTo(d.id().hashCode());
      } else {
        assertThat(p.hasId("")).isFalse();
        assertThat(p.idHash()).isZero();
      }
      Drawn another = drawn.get(random.nextInt(drawn.size()));
      if (another.id() != null) {
        assertThat(p.hasId(another.id())).as("line %d has id %s", i, another.id()).isEqualTo(another.id().equals(d.id()));
      }
      assertThat(p.units()).isEqualTo(d.units());
      if (!d.units().isEmpty()) {
        assertThat(p.unit()).isEqualTo(d.units().get(0));
      }
      assertThat(p.title()).isEqualTo(d.title());
      assertThat(p.side()).isEqualTo(d.side());
      assertThat(p.nature()).isEqualTo(d.nature());
      assertThat(p.category()).isEqualTo(d.category());
      assertThat(p.products()).isEqualTo(d.products());
      assertThat(p.amounts()).isEqualTo(d.amounts()).hasSameHashCodeAs(d.amounts());
      assertThat(p.amounts() == null).isEqualTo(d.amounts() == null);
      assertThat(p.rule()).isEqualTo(d.rule());
      assertThat(p.passThrough()).isEqualTo(d.passThrough());
      assertThat(p.passThroughItems()).isEqualTo(d.passThroughItems());
      assertThat(p.thirdParty()).isEqualTo(d.thirdParty());
      assertThat(p.group()).isEqualTo(d.group());
      assertThat(p.breakdown()).isSameAs(d.breakdown());
      assertThat(p.explanation()).isEqualTo(d.explanation());
      assertThat(p.saldoSign()).isEqualTo(d.side() == Side.LASTEN ? 1 : -1);
      // equal to itself built again, and to any other line exactly when their components are equal
      assertThat(d.build()).isEqualTo(p).hasSameHashCodeAs(p);
      Drawn other = drawn.get(random.nextInt(drawn.size()));
      assertThat(p.equals(other.build())).as("line %d", i).isEqualTo(d.equals(other));
    }
  }

  /**
   * The id and the title share one array (decision 250): where the one ends and the other starts is part of the
   * line, and an id too long for the array's length field (65.535 characters and more, refused by the validator
   * but held) comes back whole.
   */
  @Test
  void theIdAndTitleKeepTheirBoundaryAndALongIdComesBackWhole() {
    Proposal ab = line("ab", "c");
    assertThat(ab).isNotEqualTo(line("a", "bc")).isNotEqualTo(line("abc", "")).isNotEqualTo(line("abc", null))
        .isEqualTo(line("ab", "c"));
    assertThat(line("", "t")).isNotEqualTo(line(null, "t"));
    assertThat(line("€", "t")).isNotEqualTo(line("\u0020\u00AC", "t")); // the euro sign's two bytes are not two Latin-1 characters
    for (int length : new int[] {Character.MAX_VALUE - 1, Character.MAX_VALUE, Character.MAX_VALUE + 1, 200_000}) {
      String id = "i".repeat(length - 1) + "€";
      Proposal p = line(id, "title ë");
      assertThat(p.id()).isEqualTo(id);
      assertThat(p.title()).isEqualTo("title ë");
      assertThat(p.hasId(id)).isTrue();
      assertThat(p.idHash()).isEqualTo(id.hashCode());
      assertThat(p).isEqualTo(line(id, "title ë")).hasSameHashCodeAs(line(id, "title ë")).isNotEqualTo(line(id + "j", "title ë"));
    }
  }

  /** A line of more than 32 years holds its kinds beside its cents: they come back, and take part in equality. */
  @Test
  void aLineOfManyYearsKeepsEachYearsKind() {
    Random random = new Random(40);
    for (int i = 0; i < 200; i++) {
      int years = 33 + random.nextInt(20);
      Amounts.Builder b = Amounts.builder(years);
      for (int y = 0; y < years; y++) {
        switch (random.nextInt(3)) {
          case 0 -> b.amount(y, random.nextInt() * (random.nextBoolean() ? 1L : 1L << 20));
          case 1 -> b.pm(y);
          default -> { }
        }
      }
      Amounts a = b.build();
      Proposal p = new Proposal("p", List.of("1.1"), "t", Side.LASTEN, Nature.RECURRING, null, List.of(), a, Proposal.Rule.ENTERED,
          false, List.of(), null, null, null, "");
      assertThat(p.amounts()).isEqualTo(a).hasSameHashCodeAs(a);
      Amounts.Builder other = a.toBuilder();
      int y = random.nextInt(years);
      if (a.kind(y) == Amounts.Kind.PM) {
        other.amount(y, 0);
      } else {
        other.pm(y);
      }
      Proposal q = new Proposal("p", List.of("1.1"), "t", Side.LASTEN, Nature.RECURRING, null, List.of(), other.build(),
          Proposal.Rule.ENTERED, false, List.of(), null, null, null, "");
      assertThat(q).as("year %d's kind changed", y).isNotEqualTo(p);
      assertThat(new Proposal("p", List.of("1.1"), "t", Side.LASTEN, Nature.RECURRING, null, List.of(), a.toBuilder().build(),
          Proposal.Rule.ENTERED, false, List.of(), null, null, null, "")).isEqualTo(p).hasSameHashCodeAs(p);
    }
  }

  private static Proposal line(String id, String title) {
    return new Proposal(id, List.of("1.1"), title, Side.LASTEN, Nature.RECURRING, null, List.of(), Amounts.of(1, 2), Proposal.Rule.ENTERED,
        false, List.of(), null, null, null, "");
  }

  @Test
  void aLineDiffersFromOneThatDiffersInAnyOneComponent() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      Drawn d = draw(random);
      Proposal p = d.build();
      List<Drawn> variants = List.of(
          new Drawn(d.id() + "x", d.units(), d.title(), d.side(), d.nature(), d.category(), d.products(), d.amounts(),
              d.rule(), d.passThrough(), d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), append(d.units(), "9.9"), d.title(), d.side(), d.nature(), d.category(), d.products(),
              d.amounts(), d.rule(), d.passThrough(), d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(),
              d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side() == Side.LASTEN ? Side.BATEN : Side.LASTEN, d.nature(),
              d.category(), d.products(), d.amounts(), d.rule(), d.passThrough(), d.passThroughItems(), d.thirdParty(),
              d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side(), d.nature() == Nature.ONE_OFF ? Nature.RECURRING : Nature.ONE_OFF,
              d.category(), d.products(), d.amounts(), d.rule(), d.passThrough(), d.passThroughItems(), d.thirdParty(),
              d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side(), d.nature(), d.category(), d.products(), d.amounts(),
              d.rule() == Proposal.Rule.ENTERED ? Proposal.Rule.BALANCING : Proposal.Rule.ENTERED, d.passThrough(),
              d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side(), d.nature(), d.category(), d.products(),
              d.amounts().toBuilder().amount(0, d.amounts().cents(0) + 1).build(), d.rule(), d.passThrough(),
              d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side(), d.nature(), d.category(), d.products(),
              d.amounts().isPm(1) ? d.amounts().toBuilder().amount(1, 0).build() : d.amounts().toBuilder().pm(1).build(),
              d.rule(), d.passThrough(), d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side(), d.nature(), d.category(), d.products(), d.amounts(),
              d.rule(), !d.passThrough(), d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(), d.explanation()),
          new Drawn(d.id(), d.units(), d.title(), d.side(), d.nature(), d.category(), d.products(), d.amounts(),
              d.rule(), d.passThrough(), d.passThroughItems(), d.thirdParty(), d.group(), d.breakdown(),
              d.explanation() == null ? "" : d.explanation().isEmpty() ? null : d.explanation() + "!"));
      for (Drawn v : variants) {
        assertThat(v.build()).isNotEqualTo(p);
      }
    }
  }

  private static List<String> append(List<String> list, String value) {
    List<String> result = new ArrayList<>(list);
    result.add(value);
    return result;
  }

  /**
   * The start of a drawn id or title (decision 250 holds them in one array, Latin-1 or two bytes a character):
   * none, ASCII, Latin-1 beyond ASCII, beyond Latin-1 (the euro sign, a pair of surrogates), an unpaired surrogate.
   */
  private static String name(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> "Ä-ë ÿ";
      case 2 -> "€ ";
      case 3 -> "\uD83D\uDCB6";
      case 4 -> "\uD800";
      case 5 -> "x" + (char) 0xFF;
      default -> "";
    };
  }

  private static Drawn draw(Random random) {
    int unitCount = random.nextInt(10) < 8 ? 1 : random.nextInt(3); // mostly one unit, some none or two
    List<String> units = new ArrayList<>();
    for (int u = 0; u < unitCount; u++) {
      units.add((1 + random.nextInt(3)) + "." + (1 + random.nextInt(3)));
    }
    boolean sparse = random.nextBoolean(); // half the lines leave every optional field empty
    Amounts.Builder amounts = Amounts.builder(3);
    for (int y = 0; y < 3; y++) {
      if (random.nextBoolean()) {
        amounts.amount(y, random.nextInt(2_000) - 1_000L);
      }
    }
    return new Drawn(
        random.nextInt(10) == 0 ? null : name(random) + "p" + random.nextInt(50),
        units,
        random.nextInt(4) == 0 ? null : name(random) + "Title " + random.nextInt(5),
        random.nextInt(5) == 0 ? null : random.nextBoolean() ? Side.LASTEN : Side.BATEN,
        random.nextInt(5) == 0 ? null : random.nextBoolean() ? Nature.ONE_OFF : Nature.RECURRING,
        sparse || random.nextBoolean() ? null : "cat" + random.nextInt(2),
        sparse || random.nextBoolean() ? List.of() : List.of("prod" + random.nextInt(2)),
        amounts.build(),
        random.nextInt(5) == 0 ? null : RULES[random.nextInt(RULES.length)],
        random.nextBoolean(),
        sparse || random.nextBoolean() ? List.of() : List.of("item" + random.nextInt(2)),
        sparse || random.nextBoolean() ? null : "third" + random.nextInt(2),
        sparse || random.nextBoolean() ? null : "group" + random.nextInt(2),
        sparse || random.nextInt(4) != 0 ? null
            : new Breakdown("Breakdown", random.nextBoolean(), false, List.of()),
        switch (random.nextInt(3)) {
          case 0 -> null;
          case 1 -> "";
          default -> sparse ? "" : "Why " + random.nextInt(2);
        });
  }
}
