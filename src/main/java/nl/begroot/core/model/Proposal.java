package nl.begroot.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A budget proposal (begrotingsvoorstel): one line of a programme table, a change to the frame.
 *
 * <p>Most lines carry entered {@code amounts}. Three kinds are computed and carry none: a {@link
 * Rule#TRANSFER} line gets the sum of the transfer legs that name it, the {@link Rule#BALANCING}
 * line closes the budget, and the {@link Rule#PASS_THROUGH_CONTRIBUTION} line is the members'
 * contribution that moves with the items moved to the pass-through budget.
 *
 * <p>A value with a record's contract (its components, accessors, {@code equals}, {@code hashCode} and
 * {@code toString} are a record's), held compactly because a large budget has a million of them
 * (decision 245): one unit is held as itself, not as a list; the side, nature, rule and pass-through flag
 * are packed in one byte; and the fields most lines leave empty (category, products, pass-through items,
 * third party, group, breakdown, explanation) are held in one {@link Extra}, shared by every line that
 * leaves them all empty; the amounts are held in their parts (the cents, the kinds packed in a {@code long})
 * and {@link #amounts()} makes the small object when asked. 48 bytes a line instead of a record's 72, plus 24 for a
 * list of one unit and 24 for the {@link Amounts}.
 */
public final class Proposal {
  private final String id;
  /** The one unit (a {@link String}), or the units (a {@code List<String>}) when there are more or none. */
  private final Object units;
  private final String title;
  /** The amounts, held in their parts (the object is made when asked for): null for a computed line. */
  private final long[] cents;
  private final long packedKinds;
  private final byte[] wideKinds;
  /** The side, nature and rule, each as its ordinal plus one (0 for none), and the pass-through flag. */
  private final byte packed;
  private final Extra extra;

  /** How a line gets its amounts. */
  public enum Rule {
    ENTERED,
    TRANSFER,
    BALANCING,
    PASS_THROUGH_CONTRIBUTION
  }

  private static final Side[] SIDES = Side.values();
  private static final Nature[] NATURES = Nature.values();
  private static final Rule[] RULES = Rule.values();

  static {
    // the packed byte has two bits for the side and for the nature, three for the rule (0 is none)
    if (SIDES.length > 3 || NATURES.length > 3 || RULES.length > 7) {
      throw new ExceptionInInitializerError("Proposal's packed byte has no room for the sides, natures or rules");
    }
  }

  /**
   * What most lines leave empty. Lines that leave all of it empty share one of the two instances below
   * (an explanation of none or of the empty text).
   */
  private record Extra(
      String category,
      List<String> products,
      List<String> passThroughItems,
      String thirdParty,
      String group,
      Breakdown breakdown,
      String explanation) {
    private static final Extra NONE = new Extra(null, List.of(), List.of(), null, null, null, null);
    private static final Extra EMPTY_EXPLANATION = new Extra(null, List.of(), List.of(), null, null, null, "");

    static Extra of(String category, List<String> products, List<String> passThroughItems, String thirdParty,
        String group, Breakdown breakdown, String explanation) {
      List<String> ownProducts = List.copyOf(products);
      List<String> ownItems = List.copyOf(passThroughItems);
      if (category == null && ownProducts.isEmpty() && ownItems.isEmpty() && thirdParty == null && group == null
          && breakdown == null && (explanation == null || explanation.isEmpty())) {
        return explanation == null ? NONE : EMPTY_EXPLANATION;
      }
      return new Extra(category, ownProducts, ownItems, thirdParty, group, breakdown, explanation);
    }
  }

  public Proposal(
      String id,
      List<String> units,
      String title,
      Side side,
      Nature nature,
      String category,
      List<String> products,
      Amounts amounts,
      Rule rule,
      boolean passThrough,
      List<String> passThroughItems,
      String thirdParty,
      String group,
      Breakdown breakdown,
      String explanation) {
    List<String> ownUnits = List.copyOf(units);
    this.id = id;
    this.units = ownUnits.size() == 1 ? ownUnits.get(0) : ownUnits;
    this.title = title;
    this.cents = amounts == null ? null : amounts.centsArray();
    this.packedKinds = amounts == null ? 0 : amounts.packedKinds();
    this.wideKinds = amounts == null ? null : amounts.wideKinds();
    this.packed = (byte) (code(side) | code(nature) << 2 | code(rule) << 4 | (passThrough ? 1 << 7 : 0));
    this.extra = Extra.of(category, products, passThroughItems, thirdParty, group, breakdown, explanation);
  }

  private static int code(Enum<?> e) {
    return e == null ? 0 : e.ordinal() + 1;
  }

  public String id() {
    return id;
  }

  @SuppressWarnings("unchecked")
  public List<String> units() {
    return units instanceof String one ? List.of(one) : (List<String>) units;
  }

  @SuppressWarnings("unchecked")
  public String unit() {
    return units instanceof String one ? one : ((List<String>) units).get(0);
  }

  public String title() {
    return title;
  }

  public Side side() {
    int code = packed & 0b11;
    return code == 0 ? null : SIDES[code - 1];
  }

  public Nature nature() {
    int code = packed >> 2 & 0b11;
    return code == 0 ? null : NATURES[code - 1];
  }

  public String category() {
    return extra.category();
  }

  public List<String> products() {
    return extra.products();
  }

  /** The line's amounts: equal each time (not the same object), null for a computed line. */
  public Amounts amounts() {
    return cents == null ? null : new Amounts(cents, packedKinds, wideKinds);
  }

  public Rule rule() {
    int code = packed >> 4 & 0b111;
    return code == 0 ? null : RULES[code - 1];
  }

  public boolean passThrough() {
    return (packed & 1 << 7) != 0;
  }

  public List<String> passThroughItems() {
    return extra.passThroughItems();
  }

  public String thirdParty() {
    return extra.thirdParty();
  }

  public String group() {
    return extra.group();
  }

  public Breakdown breakdown() {
    return extra.breakdown();
  }

  public String explanation() {
    return extra.explanation();
  }

  /** The line's sign in a saldo (lasten minus baten): +1 for lasten, -1 for baten. */
  public int saldoSign() {
    return side() == Side.LASTEN ? 1 : -1;
  }

  /** Equal when every component is equal, as a record's. */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Proposal other && packed == other.packed && Objects.equals(id, other.id)
        && Objects.equals(units, other.units) && Objects.equals(title, other.title)
        && packedKinds == other.packedKinds && Arrays.equals(cents, other.cents)
        && Arrays.equals(wideKinds, other.wideKinds) && extra.equals(other.extra);
  }

  /** A record's hash: each component's, in their order, combined by 31. */
  @Override
  public int hashCode() {
    Object[] components = {id, units(), title, side(), nature(), category(), products(), amounts(), rule(),
        passThrough(), passThroughItems(), thirdParty(), group(), breakdown(), explanation()};
    int h = 0;
    for (Object c : components) {
      h = 31 * h + Objects.hashCode(c);
    }
    return h;
  }

  /** As a record prints itself: {@code Proposal[id=..., units=[...], ...]}. */
  @Override
  public String toString() {
    return "Proposal[id=" + id + ", units=" + units() + ", title=" + title + ", side=" + side() + ", nature="
        + nature() + ", category=" + category() + ", products=" + products() + ", amounts=" + amounts() + ", rule="
        + rule() + ", passThrough=" + passThrough() + ", passThroughItems=" + passThroughItems() + ", thirdParty="
        + thirdParty() + ", group=" + group() + ", breakdown=" + breakdown() + ", explanation=" + explanation()
        + "]";
  }
}
