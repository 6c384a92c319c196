package nl.begroot.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of narrative text (a programme's intro, a unit's narrative, a proposal's
 * explanation): prose with references to figures, {@code {{bedrag: programme-2/2.7-soc/2027}}},
 * and the literal euro amounts a text may still quote. Only the syntax: which figure a reference
 * names, and its value, is {@code nl.begroot.core.figures.Narratives}'s business.
 *
 * <p>A reference is {@code {{bedrag: TARGET}}} (spaces optional) where TARGET is a figure id
 * ({@code table/row/column}), {@code PROPOSAL/YEAR} (the proposal's line in its programme table)
 * or, in a proposal's explanation only, {@code YEAR} (that proposal's own line). A {@code -}
 * before the target shows the figure negated ("daalt met {{bedrag: -2.1-x/2027}}"). Every
 * {@code {{} in a narrative starts a reference; one that is not of this form is malformed.
 */
public final class NarrativeText {
  private NarrativeText() {}

  /** The word that names the kind of reference: the amount of a figure, in euros. */
  public static final String AMOUNT = "bedrag";

  private static final Pattern REFERENCE =
      Pattern.compile("\\{\\{\\s*" + AMOUNT + "\\s*:\\s*(-?)\\s*([^\\s{}]+)\\s*}}");

  /**
   * A literal euro amount: "€ 581.000", "EUR 1.250", "−€ 540.000", "€ 169.500,50", "581.000 euro".
   * Approximations in words ("€ 2,9 miljoen", "€ 3 mln") are not amounts a figure can have and
   * are left out; so are numbers with neither a euro sign nor the word euro.
   */
  private static final String NUMBER = "(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d{2}))?(?![.,]?\\d)";
  private static final String NOT_WORDS = "(?!\\s*(?:miljoen|miljard|mln|mld|duizend)\\b)";
  private static final Pattern EURO_FIRST = Pattern.compile("(?:€|\\bEUR\\b)\\s*[-−]?\\s*" + NUMBER + NOT_WORDS);
  private static final Pattern EURO_AFTER = Pattern.compile("(?<![\\d.,])" + NUMBER + "\\s*(?:euro|EUR)\\b");

  /** A piece of a narrative: literal text or a reference. */
  public sealed interface Part {}

  /** Text shown as written. */
  public record Literal(String text) implements Part {}

  /**
   * A reference to a figure, at {@code [start, end)} of the text.
   *
   * @param target as written: a figure id, {@code PROPOSAL/YEAR} or {@code YEAR}
   * @param negated written with a {@code -}: show the figure's value negated
   */
  public record Reference(String target, boolean negated, int start, int end) implements Part {
    /** The reference as written in the text. */
    public String written(String text) {
      return text.substring(start, end);
    }
  }

  /** A {@code {{} that does not start a well-formed reference, at {@code offset}. */
  public record Malformed(int offset, String message) {}

  /** A narrative split into its parts, with any malformed references. */
  public record Parsed(List<Part> parts, List<Malformed> malformed) {
    public Parsed {
      parts = List.copyOf(parts);
      malformed = List.copyOf(malformed);
    }

    public List<Reference> references() {
      return parts.stream().filter(Reference.class::isInstance).map(Reference.class::cast).toList();
    }
  }

  /** An amount quoted literally in a text, at {@code [start, end)}, in cents (its magnitude). */
  public record LiteralAmount(int start, int end, long cents) {}

  /** Splits a text into literal text and references; a malformed {@code {{} stays literal text. */
  public static Parsed parse(String text) {
    List<Part> parts = new ArrayList<>();
    List<Malformed> malformed = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return new Parsed(parts, malformed);
    }
    StringBuilder literal = new StringBuilder();
    int i = 0;
    Matcher m = REFERENCE.matcher(text);
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        literal.append(text, i, text.length());
        break;
      }
      literal.append(text, i, open);
      m.region(open, text.length());
      if (m.lookingAt()) {
        if (!literal.isEmpty()) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(new Reference(m.group(2), !m.group(1).isEmpty(), open, m.end()));
        i = m.end();
      } else {
        int close = text.indexOf("}}", open + 2);
        String seen = close < 0 ? text.substring(open, Math.min(text.length(), open + 30)) : text.substring(open, close + 2);
        malformed.add(new Malformed(open, close < 0
            ? "'" + seen + "' opens a reference that is not closed with '}}'; write {{" + AMOUNT + ": FIGURE-ID}}"
            : "'" + seen + "' is not a reference; write {{" + AMOUNT + ": FIGURE-ID}}, e.g. {{" + AMOUNT
                + ": programme-2/2.7-soc/2027}}"));
        literal.append("{{");
        i = open + 2;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new Parsed(parts, malformed);
  }

  /** The reference to write for a target: {@code {{bedrag: programme-2/2.7-soc/2027}}}. */
  public static String reference(String target, boolean negated) {
    return "{{" + AMOUNT + ": " + (negated ? "-" : "") + target + "}}";
  }

  /**
   * An amount as a narrative shows it, in Dutch notation: whole euros when it has no cents
   * ({@code € 581.000}), else with its cents ({@code € 169.500,50}); nothing is rounded. A
   * negative amount gets a minus sign (U+2212) before the euro sign: {@code −€ 540.000}.
   */
  public static String euros(long cents) {
    long abs = Math.abs(cents);
    String amount = abs % 100 == 0 ? Dutch.whole(abs / 100) : Dutch.euros(abs);
    return (cents < 0 ? "\u2212" : "") + "€ " + amount;
  }

  /** The literal euro amounts in a text, outside its references, in text order. */
  public static List<LiteralAmount> literalAmounts(String text) {
    List<LiteralAmount> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    Parsed parsed = parse(text);
    for (Pattern p : List.of(EURO_FIRST, EURO_AFTER)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int at = m.start();
        if (parsed.references().stream().anyMatch(r -> at >= r.start() && at < r.end())
            || result.stream().anyMatch(a -> at < a.end() && m.end() > a.start())) {
          continue;
        }
        String digits = m.group(1).replace(".", "");
        if (digits.length() > 15) {
          continue; // no figure is that large (the reader caps amounts at 10^12 euros)
        }
        long euros = Long.parseLong(digits);
        long cents = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        result.add(new LiteralAmount(at, m.end(), euros * 100 + cents));
      }
    }
    result.sort(java.util.Comparator.comparingInt(LiteralAmount::start));
    return result;
  }
}
