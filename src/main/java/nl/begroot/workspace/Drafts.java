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

/** Turns what a user typed into model values, collecting every problem with its field. */
final class Drafts {
  /** The largest amount a proposal may carry in one year: a thousand billion euros. */
  static final long MAX_EUROS = 1_000_000_000_000L;
  static final int MAX_TITLE = 300;
  static final int MAX_EXPLANATION = 20_000;
  private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  private Drafts() {}

  /** The result of validating a draft: a proposal, or the problems. */
  record Checked(Proposal proposal, List<FieldError> errors) {}

  /**
   * Validates {@code draft} as a new proposal ({@code existing} null) or as a change to {@code
   * existing}, against the budget it goes into.
   */
  static Checked check(ProposalDraft draft, Proposal existing, Budget budget) {
    List<FieldError> errors = new ArrayList<>();
    String id = existing != null ? existing.id() : trim(draft.id());
    if (existing == null) {
      if (id == null || id.isEmpty()) {
        errors.add(new FieldError("id", "Vul een code in, bijvoorbeeld 2.3-nieuw-voorstel.", "Enter an id, e.g. 2.3-new-proposal."));
      } else if (!id.matches(ID_PATTERN)) {
        errors.add(new FieldError("id", "Een code bestaat uit letters, cijfers, punten, streepjes en lage streepjes (hoogstens 100 tekens) en begint met een letter of cijfer.",
            "An id consists of letters, digits, dots, dashes and underscores (at most 100 characters) and starts with a letter or digit."));
      } else if (budget.proposal(id).isPresent()) {
        errors.add(new FieldError("id", "Er is al een voorstel met code " + id + ".", "There already is a proposal with id " + id + "."));
      }
    } else if (existing.rule() != Proposal.Rule.ENTERED) {
      errors.add(new FieldError("form", "Dit is een berekende regel; die verandert mee met de andere voorstellen en kan niet zelf worden bewerkt.",
          "This is a computed line; it follows the other proposals and cannot be edited itself."));
      return new Checked(null, errors);
    }
    String unit = orDefault(trim(draft.unit()), existing == null ? null : existing.unit());
    if (unit == null || unit.isEmpty()) {
      errors.add(new FieldError("unit", "Kies een beleidsterrein.", "Choose a unit."));
    } else if (budget.unit(unit).isEmpty()) {
      errors.add(new FieldError("unit", "Beleidsterrein '" + unit + "' bestaat niet in deze begroting.", "Unit '" + unit + "' does not exist in this budget."));
    }
    String title = orDefault(trim(draft.title()), existing == null ? null : existing.title());
    if (title == null || title.isEmpty()) {
      errors.add(new FieldError("title", "Vul een titel in.", "Enter a title."));
    } else if (title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "De titel is te lang (hoogstens " + MAX_TITLE + " tekens).", "The title is too long (at most " + MAX_TITLE + " characters)."));
    } else if (title.chars().anyMatch(c -> c < 0x20)) {
      errors.add(new FieldError("title", "De titel mag geen regeleinden of stuurtekens bevatten.", "The title may not contain line breaks or control characters."));
    }
    Side side = existing == null ? null : existing.side();
    if (draft.side() != null) {
      switch (draft.side().trim().toLowerCase(Locale.ROOT)) {
        case "lasten" -> side = Side.LASTEN;
        case "baten" -> side = Side.BATEN;
        default -> side = null;
      }
    }
    if (side == null) {
      errors.add(new FieldError("side", "Kies lasten of baten.", "Choose lasten (expenditure) or baten (revenue)."));
    }
    Nature nature = existing == null ? null : existing.nature();
    if (draft.nature() != null) {
      switch (draft.nature().trim().toLowerCase(Locale.ROOT)) {
        case "recurring", "structureel" -> nature = Nature.RECURRING;
        case "one-off", "one_off", "incidenteel" -> nature = Nature.ONE_OFF; // one_off: the spelling before one-off was the only one, still read
        default -> nature = null;
      }
    }
    if (nature == null) {
      errors.add(new FieldError("nature", "Kies structureel of incidenteel.", "Choose recurring or one-off."));
    }
    String category = existing == null ? null : existing.category();
    if (draft.category() != null) {
      category = trim(draft.category()).isEmpty() ? null : trim(draft.category());
      String c = category;
      if (c != null && budget.categories().stream().noneMatch(k -> k.id().equals(c))) {
        errors.add(new FieldError("category", "Categorie '" + c + "' bestaat niet.", "Category '" + c + "' does not exist."));
      }
    }
    List<String> products = existing == null ? defaultProducts(budget) : existing.products();
    if (draft.products() != null) {
      products = draft.products().stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
      for (String p : products) {
        if (budget.products().stream().noneMatch(k -> k.id().equals(p))) {
          errors.add(new FieldError("products", "Product '" + p + "' bestaat niet.", "Product '" + p + "' does not exist."));
        }
      }
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
              "'" + shorten(text) + "' is geen bedrag. Schrijf euro's, bijvoorbeeld 1.250.000 of -347.000,50, of pm; hoogstens 1.000.000.000.000.",
              "'" + shorten(text) + "' is not an amount. Write euros, e.g. 1.250.000 or -347.000,50, or pm; at most 1.000.000.000.000."));
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
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    List<String> units = new ArrayList<>(existing == null ? List.of(unit) : existing.units());
    units.set(0, unit);
    Proposal p = existing == null
        ? new Proposal(id, units, title, side, nature, category, products, amounts, Proposal.Rule.ENTERED, false, List.of(), null, null, null, explanation)
        : new Proposal(id, units, title, side, nature, category, products, amounts, existing.rule(), existing.passThrough(),
            existing.passThroughItems(), existing.thirdParty(), existing.group(), existing.breakdown(), explanation);
    return new Checked(p, List.of());
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
      return Optional.empty();
    }
    BigDecimal euros = new BigDecimal(normal);
    if (euros.abs().compareTo(BigDecimal.valueOf(MAX_EUROS)) > 0) {
      return Optional.empty();
    }
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
    BigDecimal v = new BigDecimal(t);
    return v.compareTo(BigDecimal.valueOf(100)) > 0 ? Optional.empty() : Optional.of(v);
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
