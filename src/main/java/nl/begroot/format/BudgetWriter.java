package nl.begroot.format;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Annex;
import nl.begroot.core.model.Breakdown;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Category;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.GlossaryEntry;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Organisation;
import nl.begroot.core.model.PrintedDocument;
import nl.begroot.core.model.Product;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.ThirdParty;
import nl.begroot.core.model.Transfer;
import nl.begroot.core.model.Unit;
import nl.begroot.core.model.Version;

/**
 * Writes a {@link Budget} as a budget file (format {@code begroot/1}), the inverse of {@link
 * BudgetReader}: for every budget the reader returns, reading the written text gives an equal
 * budget, and writing that again gives the same text.
 *
 * <p>The output is canonical and deterministic: a fixed order of keys, block style as in the
 * built-in file, amounts per year as flow mappings in euros ({@code 169500.50}, {@code pm}, blank
 * years left out), percentages as quoted decimals exactly as their {@link BigDecimal} text.
 * Comments and the layout of a file that was read are not kept. Optional texts that are blank are
 * left out (the reader treats them as absent), optional flags are written only when true, and
 * printed cells are trimmed (the reader trims them). Texts are written plain only when no YAML
 * tool could take them for anything but that text; otherwise double-quoted with escapes, or, when
 * long or spanning lines, as a folded ({@code >-}) or literal ({@code |-}) block that gives back
 * exactly the same characters.
 *
 * <p>The writer does not validate: a budget the reader would refuse is written as it is, and the
 * reader reports its problems. Only what the format cannot express at all is refused with an
 * {@link IllegalArgumentException}: a missing required value, amounts with another number of years
 * than the version, and pass-through items on a line that does not move items.
 */
public final class BudgetWriter {
  /** Lines are wrapped to this width where a text allows it. */
  static final int WIDTH = 100;
  /** Implicit keys may be at most 1024 characters in YAML; longer keys are written explicitly. */
  private static final int MAX_IMPLICIT_KEY = 1000;
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");
  private static final String PLAIN_PUNCTUATION = " .-_/()&'+;%!?€–—’";

  private final StringBuilder out = new StringBuilder();
  private final List<Integer> years;

  private BudgetWriter(List<Integer> years) {
    this.years = years;
  }

  /** The budget as the text of a budget file (UTF-8 when saved; lines end with {@code \n}). */
  public static String write(Budget budget) {
    Version version = required(budget.version(), "the version");
    BudgetWriter w = new BudgetWriter(required(version.years(), "version.years"));
    w.budget(budget);
    return w.out.toString();
  }

  private void budget(Budget b) {
    line(0, "# Budget file in format " + BudgetReader.FORMAT + " (docs/format.md), written by Begroot.");
    line(0, "format: " + BudgetReader.FORMAT);
    organisation(required(b.organisation(), "the organisation"));
    version(b.version());
    if (!b.products().isEmpty()) {
      line(0, "products:");
      for (Product p : b.products()) {
        idAndText(p.id(), "title", p.title(), "product");
      }
    }
    line(0, "members:" + (b.members().isEmpty() ? " []" : ""));
    for (Member m : b.members()) {
      idAndText(m.id(), "name", m.name(), "member");
    }
    line(0, "keys:" + (b.keys().isEmpty() ? " []" : ""));
    for (DistributionKey k : b.keys()) {
      key(k);
    }
    if (!b.categories().isEmpty()) {
      line(0, "categories:");
      for (Category c : b.categories()) {
        idAndText(c.id(), "title", c.title(), "category");
      }
    }
    if (!b.thirdParties().isEmpty()) {
      line(0, "third_parties:");
      for (ThirdParty t : b.thirdParties()) {
        idAndText(t.id(), "title", t.title(), "third party");
      }
    }
    line(0, "programmes:" + (b.programmes().isEmpty() ? " []" : ""));
    for (Programme p : b.programmes()) {
      programme(p);
    }
    line(0, "proposals:" + (b.proposals().isEmpty() ? " []" : ""));
    for (Proposal p : b.proposals()) {
      proposal(p);
    }
    if (!b.transfers().isEmpty()) {
      line(0, "transfers:");
      for (Transfer t : b.transfers()) {
        transfer(t);
      }
    }
    annex(required(b.annex(), "the annex"));
    if (!b.glossary().isEmpty()) {
      line(0, "glossary:");
      for (GlossaryEntry g : b.glossary()) {
        text(2, "- abbreviation", required(g.abbreviation(), "a glossary abbreviation"));
        text(4, "meaning", required(g.meaning(), "the meaning of glossary entry '" + g.abbreviation() + "'"));
      }
    }
    printed(b.printed());
    if (!b.withdrawn().isEmpty()) {
      line(0, "withdrawn:");
      for (String id : b.withdrawn()) {
        text(2, "-", id);
      }
    }
    if (!b.ledgerMapping().isEmpty()) {
      line(0, "ledger_mapping:");
      for (nl.begroot.core.model.LedgerRule r : b.ledgerMapping()) {
        text(2, "- account", required(r.account(), "a ledger mapping's account"));
        optionalText(4, "cost_centre", r.costCentre());
        text(4, "unit", required(r.unit(), "the unit of account '" + r.account() + "'"));
        line(4, "side: " + enumWord(required(r.side(), "the side of account '" + r.account() + "'")));
        line(4, "money: " + required(r.money(), "the money of account '" + r.account() + "'").code());
        optionalText(4, "third_party", r.thirdParty());
      }
    }
  }

  private void organisation(Organisation o) {
    line(0, "organisation:");
    text(2, "id", required(o.id(), "organisation.id"));
    text(2, "name", required(o.name(), "organisation.name"));
    optionalText(2, "short_name", o.shortName());
    optionalText(2, "member_term", o.memberTerm());
    optionalText(2, "members_term", o.membersTerm());
  }

  private void version(Version v) {
    line(0, "version:");
    text(2, "id", required(v.id(), "version.id"));
    text(2, "title", required(v.title(), "version.title"));
    line(2, "phase: " + enumWord(required(v.phase(), "version.phase")));
    line(2, "budget_year: " + v.budgetYear());
    line(2, "years: " + v.years().toString());
    optionalText(2, "frame_title", v.frameTitle());
    optionalText(2, "proposals_title", v.proposalsTitle());
    optionalText(2, "new_frame_title", v.newFrameTitle());
  }

  /** A list item {@code {id, <textKey>}}: products, members, categories, third parties. */
  private void idAndText(String id, String textKey, String value, String what) {
    text(2, "- id", required(id, "the id of a " + what));
    text(4, textKey, required(value, "the " + textKey + " of " + what + " '" + id + "'"));
  }

  private void key(DistributionKey k) {
    text(2, "- id", required(k.id(), "the id of a key"));
    String what = "key '" + k.id() + "'";
    text(4, "title", required(k.title(), "the title of " + what));
    flag(4, "rounded_for_print", k.roundedForPrint());
    flag(4, "normalise", k.normalise());
    optionalText(4, "note", k.note());
    percentages(4, "shares", required(k.sharesPercent(), "the shares of " + what), what);
  }

  private void programme(Programme p) {
    text(2, "- id", required(p.id(), "the id of a programme"));
    String what = "programme '" + p.id() + "'";
    text(4, "title", required(p.title(), "the title of " + what));
    optionalText(4, "intro", p.intro());
    flag(4, "overhead_view", p.overheadView());
    if (!p.spread().isEmpty()) {
      percentages(4, "spread", p.spread(), what);
    }
    line(4, "frame:");
    line(6, "lasten: " + amounts(required(p.frameLasten(), "the frame lasten of " + what), what + " frame lasten"));
    Amounts baten = required(p.frameBaten(), "the frame baten of " + what);
    if (!p.overheadView() || !allBlank(baten)) {
      line(6, "baten: " + amounts(baten, what + " frame baten"));
    }
    line(4, "units:" + (p.units().isEmpty() ? " []" : ""));
    for (Unit u : p.units()) {
      text(6, "- id", required(u.id(), "the id of a unit of " + what));
      text(8, "title", required(u.title(), "the title of unit '" + u.id() + "'"));
      optionalText(8, "narrative", u.narrative());
      optionalText(8, "developments", u.developments());
      optionalText(8, "priorities", u.priorities());
    }
  }

  private void proposal(Proposal p) {
    text(2, "- id", required(p.id(), "the id of a proposal"));
    String what = "proposal '" + p.id() + "'";
    List<String> units = required(p.units(), "the unit of " + what);
    if (units.size() == 1) {
      text(4, "unit", units.get(0));
    } else {
      line(4, "unit: " + flow(units));
    }
    text(4, "title", required(p.title(), "the title of " + what));
    line(4, "side: " + enumWord(required(p.side(), "the side of " + what)));
    line(4, "nature: " + nature(required(p.nature(), "the nature of " + what)));
    optionalText(4, "category", p.category());
    if (!p.products().isEmpty()) {
      line(4, "products: " + flow(p.products()));
    }
    Proposal.Rule rule = required(p.rule(), "the rule of " + what);
    if (rule != Proposal.Rule.ENTERED) {
      line(4, "rule: " + enumWord(rule));
    }
    Amounts amounts = required(p.amounts(), "the amounts of " + what);
    if (rule == Proposal.Rule.ENTERED || !allBlank(amounts)) { // a computed line with amounts: the reader says so
      line(4, "amounts: " + amounts(amounts, what + " amounts"));
    }
    if (p.passThrough()) {
      if (p.passThroughItems().isEmpty()) {
        line(4, "pass_through: {}");
      } else {
        line(4, "pass_through:");
        line(6, "items:");
        for (String item : p.passThroughItems()) {
          text(8, "-", required(item, "a pass-through item of " + what));
        }
      }
    } else if (!p.passThroughItems().isEmpty()) {
      throw new IllegalArgumentException("cannot write " + what + ": it has pass-through items but does not move items "
          + "to the pass-through budget (the format gives items only with pass_through)");
    }
    optionalText(4, "third_party", p.thirdParty());
    optionalText(4, "group", p.group());
    if (p.breakdown() != null) {
      breakdown(p.breakdown(), what);
    }
    optionalText(4, "explanation", p.explanation());
  }

  private void breakdown(Breakdown b, String what) {
    line(4, "breakdown:");
    text(6, "title", required(b.title(), "the breakdown title of " + what));
    flag(6, "show_negated", b.showNegated());
    flag(6, "in_euros", b.inEuros());
    line(6, "components:" + (b.components().isEmpty() ? " []" : ""));
    for (Breakdown.Component c : b.components()) {
      String component = what + " component '" + c.id() + "'";
      text(8, "- id", required(c.id(), "the id of a breakdown component of " + what));
      text(10, "title", required(c.title(), "the title of " + component));
      line(10, "nature: " + nature(required(c.nature(), "the nature of " + component)));
      line(10, "amounts: " + amounts(required(c.amounts(), "the amounts of " + component), component));
    }
  }

  private void transfer(Transfer t) {
    text(2, "- id", required(t.id(), "the id of a transfer"));
    String what = "transfer '" + t.id() + "'";
    text(4, "title", required(t.title(), "the title of " + what));
    line(4, "legs:" + (t.legs().isEmpty() ? " []" : ""));
    for (Transfer.Leg leg : t.legs()) {
      text(6, "- line", required(leg.line(), "the line of a leg of " + what));
      line(8, "amounts: " + amounts(required(leg.amounts(), "the amounts of a leg of " + what), what + " leg"));
    }
  }

  private void annex(Annex a) {
    line(0, "annex:");
    text(2, "title", required(a.title(), "annex.title"));
    text(2, "key", required(a.keyId(), "annex.key"));
    line(2, "columns:" + (a.columns().isEmpty() ? " []" : ""));
    for (Annex.Column c : a.columns()) {
      text(4, "- id", required(c.id(), "the id of an annex column"));
      text(6, "title", required(c.title(), "the title of annex column '" + c.id() + "'"));
      ids(6, "programmes", c.programmes());
      ids(6, "units", c.units());
      ids(6, "proposals", c.proposals());
      optionalText(6, "key", c.keyId());
      ids(6, "sum_of", c.sumOf());
    }
    Annex.ThirdPartyColumn t = a.thirdPartyColumn();
    if (t != null) {
      line(2, "third_party_column:");
      text(4, "id", required(t.id(), "the id of the annex third_party_column"));
      text(4, "title", required(t.title(), "the title of the annex third_party_column"));
      text(4, "third_party", required(t.thirdParty(), "the third party of the annex third_party_column"));
    }
  }

  private void printed(PrintedDocument p) {
    if (p == null || (p.amountsRoundedToEuros() == 0 && p.tables().isEmpty())) {
      return; // the reader's PrintedDocument.none()
    }
    line(0, "printed:");
    if (p.amountsRoundedToEuros() != 0) {
      line(2, "amounts_rounded_to: " + p.amountsRoundedToEuros());
    }
    line(2, "tables:" + (p.tables().isEmpty() ? " []" : ""));
    for (PrintedDocument.PrintedTable t : p.tables()) {
      text(4, "- table", required(t.table(), "the id of a printed table"));
      optionalText(6, "page", t.page());
      line(6, "rows:" + (t.rows().isEmpty() ? " {}" : ""));
      for (Map.Entry<String, PrintedDocument.PrintedRow> row : t.rows().entrySet()) {
        StringBuilder cells = new StringBuilder("[");
        for (String cell : required(row.getValue(), "printed row '" + row.getKey() + "'").cells()) {
          cells.append(cells.length() == 1 ? "" : ", ")
              .append(doubleQuoted(required(cell, "a cell of printed row '" + row.getKey() + "'").trim()));
        }
        entry(8, doubleQuoted(row.getKey()), cells.append(']').toString());
      }
    }
  }

  // ---- values ----------------------------------------------------------------------------------

  private void flag(int indent, String key, boolean value) {
    if (value) {
      line(indent, key + ": true");
    }
  }

  private void ids(int indent, String key, List<String> ids) {
    if (!ids.isEmpty()) {
      line(indent, key + ": " + flow(ids));
    }
  }

  /** A mapping of free keys (member or column ids) to percentages, written exactly, quoted. */
  private void percentages(int indent, String key, Map<String, BigDecimal> shares, String what) {
    line(indent, key + ":" + (shares.isEmpty() ? " {}" : ""));
    for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
      BigDecimal share = required(e.getValue(), "the " + key + " of '" + e.getKey() + "' in " + what);
      entry(indent + 2, flowScalar(required(e.getKey(), "a member or column id in the " + key + " of " + what)),
          doubleQuoted(share.toPlainString()));
    }
  }

  /** One entry of a block mapping; a key too long for an implicit key is written as {@code ? key}. */
  private void entry(int indent, String encodedKey, String value) {
    if (encodedKey.length() > MAX_IMPLICIT_KEY) {
      line(indent, "? " + encodedKey);
      line(indent, ": " + value);
    } else {
      line(indent, encodedKey + ": " + value);
    }
  }

  /** Amounts per year as a flow mapping: euros with two decimals where needed, pm, blank years left out. */
  private String amounts(Amounts a, String what) {
    if (a.size() != years.size()) {
      throw new IllegalArgumentException("cannot write " + what + ": it has " + a.size() + " years, the version has "
          + years.size());
    }
    StringBuilder s = new StringBuilder("{");
    for (int y = 0; y < a.size(); y++) {
      String value = switch (a.kind(y)) {
        case AMOUNT -> euros(a.cents(y));
        case PM -> "pm";
        case BLANK -> null;
      };
      if (value != null) {
        s.append(s.length() == 1 ? "" : ", ").append(years.get(y)).append(": ").append(value);
      }
    }
    return s.append('}').toString();
  }

  /** Cents as the reader expects euros: {@code 4924000}, {@code -417000.50}, {@code 0.07}. */
  static String euros(long cents) {
    if (cents % 100 == 0) {
      return Long.toString(cents / 100);
    }
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static boolean allBlank(Amounts a) {
    for (int y = 0; y < a.size(); y++) {
      if (a.kind(y) != Amounts.Kind.BLANK) {
        return false;
      }
    }
    return true;
  }

  private static String nature(Nature n) {
    return n.code();
  }

  /** An enum constant as the format spells it: {@code MID_YEAR} is {@code mid-year}. */
  private static String enumWord(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String flow(List<String> items) {
    StringBuilder s = new StringBuilder("[");
    for (String item : items) {
      s.append(s.length() == 1 ? "" : ", ").append(flowScalar(required(item, "an item of a list")));
    }
    return s.append(']').toString();
  }

  private static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("cannot write the budget: " + what + " is missing");
    }
    return value;
  }

  // ---- texts -----------------------------------------------------------------------------------

  private void optionalText(int indent, String key, String value) {
    if (value != null && !value.isBlank()) {
      text(indent, key, value);
    }
  }

  /**
   * {@code key: text} at {@code indent}; {@code key} may start with {@code "- "} for the first key of
   * a list item, or be {@code "-"} for a list item that is just a text. Short texts go on the line,
   * plain or double-quoted; a text too long for the line is folded ({@code >-}) at single spaces; a
   * text of several lines is a literal block ({@code |-}). A block is used only where it gives back
   * exactly the same characters; otherwise the text is double-quoted.
   */
  private void text(int indent, String key, String value) {
    String prefix = key.equals("-") ? "- " : key + ": ";
    // a block's lines are indented deeper than the node that holds it: the list (for "-") or the
    // mapping ("- key" opens a mapping two columns in)
    int contentIndent = indent + (key.startsWith("- ") ? 4 : 2);
    if (value.indexOf('\n') >= 0 && literalSafe(value)) {
      line(indent, prefix + "|-");
      for (String l : value.split("\n", -1)) {
        line(l.isEmpty() ? 0 : contentIndent, l);
      }
      return;
    }
    String inline = flowScalar(value);
    if (indent + prefix.length() + inline.length() > WIDTH && foldSafe(value)) {
      line(indent, prefix + ">-");
      for (String l : fold(value, WIDTH - contentIndent)) {
        line(contentIndent, l);
      }
      return;
    }
    line(indent, prefix + inline);
  }

  /** A scalar that can stand anywhere, also in a flow list or as a key: plain when safe, else double-quoted. */
  static String flowScalar(String s) {
    return isPlainSafe(s) ? s : doubleQuoted(s);
  }

  /**
   * Whether a text can be written plain and every YAML tool (1.1 or 1.2) reads it back as the same
   * string: it starts with a letter, holds only letters, digits, spaces and harmless punctuation
   * (no {@code :}, {@code #}, quotes, brackets, braces or commas), does not end with a space, and is
   * not a word such as {@code yes}, {@code no}, {@code on} or {@code null}.
   */
  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.endsWith(" ")
        || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) && PLAIN_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A double-quoted YAML scalar; escapes what YAML would not keep as it is. */
  static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i)); // a code point beyond the BMP, printable in YAML
          } else if (mustEscape(c)) {
            b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * Characters that YAML does not allow as they are, or that a reader may take for a line break
   * or a byte order mark: control characters, DEL and C1, U+2028/2029, U+FEFF, U+FFFE/FFFF and
   * surrogates that are not part of a pair.
   */
  private static boolean mustEscape(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE
        || Character.isSurrogate(c);
  }

  /** Whether {@code s} has only characters a block scalar keeps as they are (no escapes there). */
  private static boolean blockChars(String s, boolean newlines) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' && newlines) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (mustEscape(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a literal block ({@code |-}) gives back {@code s}: the first line is not empty and does
   * not start with a space (it sets the block's indentation), no line ends in a space or consists of
   * spaces only, and the text does not end with a line break (which {@code -} would strip).
   */
  private static boolean literalSafe(String s) {
    if (s.endsWith("\n") || !blockChars(s, true)) {
      return false;
    }
    String[] lines = s.split("\n", -1);
    if (lines[0].isEmpty() || lines[0].startsWith(" ")) {
      return false;
    }
    for (String l : lines) {
      if (l.endsWith(" ")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a folded block ({@code >-}) gives back {@code s}: one line, no leading or trailing
   * space, and at least one single space between two other characters to break at (a folded
   * line break reads as exactly one space).
   */
  private static boolean foldSafe(String s) {
    if (s.isEmpty() || s.indexOf('\n') >= 0 || s.startsWith(" ") || s.endsWith(" ") || !blockChars(s, false)) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      if (breakable(s, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A single space between two characters that are no kind of space: folding turns a line break
   * there back into that one space, and no line of the block starts or ends with white space.
   */
  private static boolean breakable(String s, int i) {
    return s.charAt(i) == ' ' && !spaceLike(s.charAt(i - 1)) && !spaceLike(s.charAt(i + 1));
  }

  private static boolean spaceLike(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Greedy wrap at breakable spaces to {@code width} where possible (a longer word overflows). */
  static List<String> fold(String s, int width) {
    List<String> lines = new java.util.ArrayList<>();
    int start = 0;
    while (s.length() - start > width) {
      int at = -1;
      for (int i = start + 1; i < s.length() - 1 && (i - start <= width || at < 0); i++) {
        if (breakable(s, i)) {
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      lines.add(s.substring(start, at));
      start = at + 1;
    }
    lines.add(s.substring(start));
    return lines;
  }

  private void line(int indent, String text) {
    out.append(" ".repeat(indent)).append(text).append('\n');
  }
}
