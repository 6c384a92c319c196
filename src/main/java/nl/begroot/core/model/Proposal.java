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
 * list of one unit and 24 for the {@link Amounts}; ten years' cents in 56 bytes instead of 96 when they fit in
 * {@code int}s (decision 248); the id and title in one array of their characters (decision 250), so {@link #id()}
 * and {@link #title()} make a new string each call: look a line up with {@link #hasId}, {@link #sameId} or
 * {@link ProposalIds}, not by comparing {@code id()}s over many lines.
 */
public final class Proposal {
  /**
   * The id and the title, as one array of their characters (decision 250): one byte a character when every
   * character of both is below 256 (Latin-1), else two ({@link #WIDE_NAMES}); the id's {@link #idLength} characters
   * first, then the title's. An id of 65.535 characters or more (the validator refuses it; the line must still
   * hold it) makes this a {@code String[] {id, title}} instead.
   */
  private final Object names;
  /** The id's length in characters (in {@link #names}). */
  private final char idLength;
  /** {@link #NO_ID}, {@link #NO_TITLE}, {@link #WIDE_NAMES}. */
  private final byte nameFlags;
  /** The one unit (a {@link String}), or the units (a {@code List<String>}) when there are more or none. */
  private final Object units;
  /**
   * The amounts, held in their parts (the object is made when asked for): the cents as the {@link Amounts} held
   * them (an {@code int[]} when they fit, else a {@code long[]}, decision 248), null for a computed line; for a line
   * of more than 32 years an {@code Object[] {cents, kinds}} (its kinds do not fit in {@link #packedKinds}).
   */
  private final Object cents;
  private final long packedKinds;
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

  private static final byte NO_ID = 1;
  private static final byte NO_TITLE = 2;
  private static final byte WIDE_NAMES = 4;

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
    String i = id == null ? "" : id;
    String t = title == null ? "" : title;
    boolean wide = !latin1(i) || !latin1(t);
    if (i.length() >= Character.MAX_VALUE) {
      this.names = new String[] {id, title};
      this.idLength = 0;
      this.nameFlags = 0;
    } else {
      this.names = wide ? utf16(i + t) : latin1Bytes(i + t);
      this.idLength = (char) i.length();
      this.nameFlags = (byte) ((id == null ? NO_ID : 0) | (title == null ? NO_TITLE : 0) | (wide ? WIDE_NAMES : 0));
    }
    this.units = ownUnits.size() == 1 ? ownUnits.get(0) : ownUnits;
    // a line of more than 32 years holds its kinds beside its cents (rare: one field less for every other line)
    this.cents = amounts == null ? null
        : amounts.wideKinds() == null ? amounts.heldCents() : new Object[] {amounts.heldCents(), amounts.wideKinds()};
    this.packedKinds = amounts == null ? 0 : amounts.packedKinds();
    this.packed = (byte) (code(side) | code(nature) << 2 | code(rule) << 4 | (passThrough ? 1 << 7 : 0));
    this.extra = Extra.of(category, products, passThroughItems, thirdParty, group, breakdown, explanation);
  }

  private static int code(Enum<?> e) {
    return e == null ? 0 : e.ordinal() + 1;
  }

  private static boolean latin1(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** Every character (each below 256) as one byte. */
  private static byte[] latin1Bytes(String s) {
    byte[] bytes = new byte[s.length()];
    for (int k = 0; k < s.length(); k++) {
      bytes[k] = (byte) s.charAt(k);
    }
    return bytes;
  }

  /** Every character as two bytes, high first: exact for any {@code char}, unpaired surrogates included. */
  private static byte[] utf16(String s) {
    byte[] bytes = new byte[s.length() * 2];
    for (int k = 0; k < s.length(); k++) {
      bytes[2 * k] = (byte) (s.charAt(k) >> 8);
      bytes[2 * k + 1] = (byte) s.charAt(k);
    }
    return bytes;
  }

  /**
   * The characters {@code from .. to} of {@link #names} (compact form) as a new string. One byte a character is
   * Latin-1: the string is made from those bytes with a high byte of 0, the only constructor that copies them as they
   * are without a charset (deprecated for other text, exact for Latin-1; no char array between, decision 275).
   */
  @SuppressWarnings("deprecation")
  private String name(int from, int to) {
    byte[] bytes = (byte[]) names;
    if ((nameFlags & WIDE_NAMES) == 0) {
      return new String(bytes, 0, from, to - from);
    }
    char[] chars = new char[to - from];
    for (int k = 0; k < chars.length; k++) {
      chars[k] = charAt(bytes, from + k);
    }
    return new String(chars);
  }

  private static char charAt(byte[] wide, int k) {
    return (char) ((wide[2 * k] & 0xFF) << 8 | wide[2 * k + 1] & 0xFF);
  }

  /** The id, a new string each call (equal each time). */
  public String id() {
    if (names instanceof String[] held) {
      return held[0];
    }
    return (nameFlags & NO_ID) != 0 ? null : name(0, idLength);
  }

  /** Whether the id is {@code other} (not null), without making the id's string. */
  public boolean hasId(String other) {
    if (other == null) {
      return false;
    }
    if (names instanceof String[] held) {
      return other.equals(held[0]);
    }
    if ((nameFlags & NO_ID) != 0 || other.length() != idLength) {
      return false;
    }
    byte[] bytes = (byte[]) names;
    boolean wide = (nameFlags & WIDE_NAMES) != 0;
    for (int k = 0; k < idLength; k++) {
      if (other.charAt(k) != (wide ? charAt(bytes, k) : (char) (bytes[k] & 0xFF))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the line has no id (null), without making the id's string. */
  boolean noId() {
    return names instanceof String[] held ? held[0] == null : (nameFlags & NO_ID) != 0;
  }

  /** Whether the two lines have the same id (none for both included), without making the ids' strings. */
  public boolean sameId(Proposal other) {
    if (names instanceof String[] || other.names instanceof String[]) {
      return Objects.equals(id(), other.id());
    }
    if (noId() || other.noId()) {
      return noId() == other.noId();
    }
    if (idLength != other.idLength) {
      return false;
    }
    byte[] a = (byte[]) names;
    byte[] b = (byte[]) other.names;
    boolean wideA = (nameFlags & WIDE_NAMES) != 0;
    boolean wideB = (other.nameFlags & WIDE_NAMES) != 0;
    if (wideA == wideB) {
      int bytes = wideA ? 2 * idLength : idLength;
      return Arrays.equals(a, 0, bytes, b, 0, bytes);
    }
    for (int k = 0; k < idLength; k++) {
      char x = wideA ? charAt(a, k) : (char) (a[k] & 0xFF);
      char y = wideB ? charAt(b, k) : (char) (b[k] & 0xFF);
      if (x != y) {
        return false;
      }
    }
    return true;
  }

  /** The id's {@link String#hashCode()} (0 for none), without making the id's string. */
  public int idHash() {
    if (names instanceof String[] held) {
      return held[0] == null ? 0 : held[0].hashCode();
    }
    byte[] bytes = (byte[]) names;
    boolean wide = (nameFlags & WIDE_NAMES) != 0;
    int h = 0;
    for (int k = 0; k < idLength; k++) {
      h = 31 * h + (wide ? charAt(bytes, k) : (bytes[k] & 0xFF));
    }
    return h;
  }

  @SuppressWarnings("unchecked")
  public List<String> units() {
    return units instanceof String one ? List.of(one) : (List<String>) units;
  }

  @SuppressWarnings("unchecked")
  public String unit() {
    return units instanceof String one ? one : ((List<String>) units).get(0);
  }

  /** The title, a new string each call (equal each time). */
  public String title() {
    if (names instanceof String[] held) {
      return held[1];
    }
    if ((nameFlags & NO_TITLE) != 0) {
      return null;
    }
    int length = names instanceof byte[] bytes ? bytes.length >> ((nameFlags & WIDE_NAMES) != 0 ? 1 : 0) : 0;
    return name(idLength, length);
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
    if (cents instanceof Object[] withKinds) {
      return new Amounts(withKinds[0], packedKinds, (byte[]) withKinds[1]);
    }
    return cents == null ? null : new Amounts(cents, packedKinds, null);
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
    return o == this || o instanceof Proposal other && packed == other.packed && nameFlags == other.nameFlags
        && idLength == other.idLength && Objects.deepEquals(names, other.names) && Objects.equals(units, other.units)
        && packedKinds == other.packedKinds && Objects.deepEquals(cents, other.cents) && extra.equals(other.extra);
  }

  /** A record's hash: each component's, in their order, combined by 31. */
  @Override
  public int hashCode() {
    Object[] components = {id(), units(), title(), side(), nature(), category(), products(), amounts(), rule(),
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
    return "Proposal[id=" + id() + ", units=" + units() + ", title=" + title() + ", side=" + side() + ", nature="
        + nature() + ", category=" + category() + ", products=" + products() + ", amounts=" + amounts() + ", rule="
        + rule() + ", passThrough=" + passThrough() + ", passThroughItems=" + passThroughItems() + ", thirdParty="
        + thirdParty() + ", group=" + group() + ", breakdown=" + breakdown() + ", explanation=" + explanation()
        + "]";
  }
}
