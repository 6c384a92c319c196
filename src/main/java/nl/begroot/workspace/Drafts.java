package nl.begroot.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Nature;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Side;

/**
 * Turns what a user typed into model values, collecting every problem of reading it with its field
 * (text that is no amount, a word that is not a side, a year the budget does not have). The rules a
 * budget must keep are not here but in the core's validator, which {@link EditCheck} asks about the
 * edited budget: a missing title, an unknown unit, an amount too large, a duplicate id.
 */
final class Drafts {
  static final int MAX_TITLE = 300;
  static final int MAX_EXPLANATION = 20_000;
  private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  private Drafts() {}

  /**
   * The result of reading a draft: the proposal as far as it could be read (null only for a computed
   * line, which cannot be edited), and the problems of reading it.
   */
  record Checked(Proposal proposal, List<FieldError> errors) {}

  /**
   * Validates {@code draft} as a new proposal ({@code existing} null) or as a change to {@code
   * existing}, against the budget it goes into.
   */
  static Checked check(ProposalDraft draft, Proposal existing, Budget budget) {
    List<FieldError> errors = new ArrayList<>();
    String id = existing != null ? existing.id() : trim(draft.id());
    if (existing == null) {
      // empty and duplicate ids are the core's to refuse; the form's ids are plainer than the file's
      if (id != null && !id.isEmpty() && !id.matches(ID_PATTERN)) {
        errors.add(new FieldError("id", "Een code bestaat uit letters, cijfers, punten, streepjes en lage streepjes (hoogstens 100 tekens) en begint met een letter of cijfer.",
            "An id consists of letters, digits, dots, dashes and underscores (at most 100 characters) and starts with a letter or digit."));
      }
    } else if (existing.rule() != Proposal.Rule.ENTERED) {
      errors.add(new FieldError("form", "Dit is een berekende regel; die verandert mee met de andere voorstellen en kan niet zelf worden bewerkt.",
          "This is a computed line; it follows the other proposals and cannot be edited itself."));
      return new Checked(null, errors);
    }
    String unit = orDefault(trim(draft.unit()), existing == null ? null : existing.unit());
    String title = orDefault(trim(draft.title()), existing == null ? null : existing.title());
    if (title != null && title.isEmpty()) {
      title = null; // the core asks for a title
    } else if (title != null && title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "De titel is te lang (hoogstens " + MAX_TITLE + " tekens).", "The title is too long (at most " + MAX_TITLE + " characters)."));
    } else if (title != null && title.chars().anyMatch(c -> c < 0x20)) {
      errors.add(new FieldError("title", "De titel mag geen regeleinden of stuurtekens bevatten.", "The title may not contain line breaks or control characters."));
    }
    Side side = existing == null ? null : existing.side();
    if (draft.side() != null) {
      switch (draft.side().trim().toLowerCase(Locale.ROOT)) {
        case "lasten" -> side = Side.LASTEN;
        case "baten" -> side = Side.BATEN;
        default -> {
          side = null; // a word that is neither: said here; no side at all is the core's to refuse
          errors.add(new FieldError("side", "Kies lasten of baten.", "Choose lasten (expenditure) or baten (revenue)."));
        }
      }
    }
    Nature nature = existing == null ? null : existing.nature();
    if (draft.nature() != null) {
      switch (draft.nature().trim().toLowerCase(Locale.ROOT)) {
        case "recurring", "structureel" -> nature = Nature.RECURRING;
        case "one-off", "one_off", "incidenteel" -> nature = Nature.ONE_OFF; // one_off: the spelling before one-off was the only one, still read
        default -> {
          nature = null;
          errors.add(new FieldError("nature", "Kies structureel of incidenteel.", "Choose recurring or one-off."));
        }
      }
    }
    String category = existing == null ? null : existing.category();
    if (draft.category() != null) {
      category = trim(draft.category()).isEmpty() ? null : trim(draft.category());
    }
    List<String> products = existing == null ? defaultProducts(budget) : existing.products();
    if (draft.products() != null) {
      products = draft.products().stream().filter(s -> s != null).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
    List<Integer> years = budget.version().years();
    Amounts amounts = existing == null ? Amounts.blank(years.size()) : existing.amounts();
    if (draft.amounts() != null) {
      for (Integer year : draft.amounts().keySet()) {
        if (year == null || !years.contains(year)) {
          errors.add(new FieldError("amount." + year, "Jaar " + year + " hoort niet bij deze begroting (" + years.get(0) + "-" + years.get(years.size() - 1) + ").",
              "Year " + year + " is not a year of this budget (" + years.get(0) + "-" + years.get(years.size() - 1) + ")."));
        }
      }
      Amounts.Builder b = Amounts.builder(years.size());
      for (int y = 0; y < years.size(); y++) {
        String text = draft.amounts().containsKey(years.get(y)) ? draft.amounts().get(years.get(y))
            : existing == null ? null : format(existing.amounts(), y);
        Optional<Amount> parsed = parseAmount(text);
        if (parsed.isEmpty()) {
          errors.add(new FieldError("amount." + years.get(y),
              "'" + shorten(text) + "' is geen bedrag. Schrijf euro's, bijvoorbeeld 1.250.000 of -347.000,50, of pm.",
              "'" + shorten(text) + "' is not an amount. Write euros, e.g. 1.250.000 or -347.000,50, or pm."));
        } else if (parsed.get().pm()) {
          b.pm(y);
        } else if (parsed.get().cents() != null) {
          b.amount(y, parsed.get().cents());
        }
      }
      amounts = b.build();
    }
    String explanation = existing == null ? null : existing.explanation();
    if (draft.explanation() != null) {
      explanation = draft.explanation().strip().replace("\r\n", "\n");
      if (explanation.isEmpty()) {
        explanation = null;
      } else if (explanation.length() > MAX_EXPLANATION) {
        errors.add(new FieldError("explanation", "De toelichting is te lang (hoogstens " + MAX_EXPLANATION + " tekens).",
            "The explanation is too long (at most " + MAX_EXPLANATION + " characters)."));
      }
    }
    List<String> units;
    if (unit == null || unit.isEmpty()) {
      units = List.of(); // the core asks for a unit
    } else {
      units = new ArrayList<>(existing == null || existing.units().isEmpty() ? List.of(unit) : existing.units());
      units.set(0, unit);
    }
    Proposal p = existing == null
        ? new Proposal(id, units, title, side, nature, category, products, amounts, Proposal.Rule.ENTERED, false, List.of(), null, null, null, explanation)
        : new Proposal(id, units, title, side, nature, category, products, amounts, existing.rule(), existing.passThrough(),
            existing.passThroughItems(), existing.thirdParty(), existing.group(), existing.breakdown(), explanation);
    return new Checked(p, List.copyOf(errors));
  }

  private static List<String> defaultProducts(Budget budget) {
    return budget.products().isEmpty() ? List.of() : List.of(budget.products().get(budget.products().size() - 1).id());
  }

  /** A parsed amount: cents, pm, or nothing (both empty). */
  record Amount(Long cents, boolean pm) {}

  /** Parses an amount in euros as a user types it; empty when it is not one. */
  static Optional<Amount> parseAmount(String text) {
    if (text == null) {
      return Optional.of(new Amount(null, false));
    }
    String t = text.replace("€", "").replace('\u2212', '-').replace(" ", "").replace("\u00a0", "").trim();
    if (t.isEmpty()) {
      return Optional.of(new Amount(null, false));
    }
    if (t.equalsIgnoreCase("pm") || t.equalsIgnoreCase("p.m.")) {
      return Optional.of(new Amount(null, true));
    }
    // Dutch notation only (dots between thousands, a decimal comma): "1,000" or "1.50" would be
    // guesses (a thousand? one euro? one and a half?), so they are refused, not read.
    String normal;
    if (t.matches("-?\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?") || t.matches("-?\\d+(,\\d{1,2})?")) {
      normal = t.replace(".", "").replace(',', '.');
    } else {
      return Optional.empty();
    }
    if (normal.replace("-", "").replace(".", "").length() > 16) {
      return Optional.empty(); // more digits than fit in cents: no amount (the core's upper bound is lower)
    }
    BigDecimal euros = new BigDecimal(normal);
    return Optional.of(new Amount(euros.movePointRight(2).longValueExact(), false));
  }

  /** An amount as the form shows it: euros in Dutch format, "pm", or empty. */
  static String format(Amounts amounts, int y) {
    return switch (amounts.kind(y)) {
      case BLANK -> "";
      case PM -> "pm";
      case AMOUNT -> amounts.cents(y) % 100 == 0
          ? nl.begroot.core.text.Dutch.whole(amounts.cents(y) / 100)
          : nl.begroot.core.text.Dutch.euros(amounts.cents(y));
    };
  }

  /** Parses a key share as typed: {@code 10,66} or {@code 10.66} (percent). */
  static Optional<BigDecimal> parseShare(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.replace("%", "").replace(" ", "").trim().replace(',', '.');
    if (!t.matches("\\d{1,3}(\\.\\d{1,10})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t)); // from 0 to 100 is the core's rule
  }

  static String trim(String s) {
    return s == null ? null : s.strip();
  }

  private static String orDefault(String s, String fallback) {
    return s == null ? fallback : s;
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  static Map<Integer, String> amountsAsText(Amounts amounts, List<Integer> years) {
    Map<Integer, String> m = new java.util.LinkedHashMap<>();
    for (int y = 0; y < years.size(); y++) {
      m.put(years.get(y), format(amounts, y));
    }
    return m;
  }
}
