package nl.begroot.core.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.begroot.core.model.Amounts;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.ProposalIds;
import nl.begroot.core.money.Money;

/**
 * What the rules of {@link BudgetValidator} share while they check one budget: the violations found
 * so far, the version's years, the ids seen (for references and duplicates), and the checks every
 * part uses (texts, ids, amounts per year).
 */
final class Checks {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  final Budget budget;
  final List<Violation> violations = new ArrayList<>();
  final List<Integer> years;
  final Map<String, Integer> unitProgramme = new HashMap<>();
  final Map<String, Integer> programmeIndex = new HashMap<>();
  final ProposalIds proposalIndex;
  final Set<Integer> duplicateProposals = new HashSet<>();
  /** Whether the version's years are sound; amounts per year are only checked against sound years. */
  boolean yearsSound = true;
  /** Per year, the sum of the absolute amounts seen so far (saturating at Long.MAX_VALUE). */
  long[] absoluteTotals;

  Checks(Budget budget) {
    this.budget = budget;
    this.proposalIndex = new ProposalIds(budget.proposals() == null ? List.of() : budget.proposals(), 16);
    this.years = budget.version() == null || budget.version().years() == null ? List.of() : budget.version().years();
  }

  void add(ModelPath path, String message) {
    violations.add(new Violation(path, message));
  }

  boolean text(ModelPath path, String value, String what) {
    if (value == null || value.isBlank()) {
      add(path, what + " must be a non-empty text");
      return false;
    }
    return true;
  }

  /**
   * An id: a non-empty text without slashes or spaces (ids make up figure ids like table/row/column).
   * Returns whether it is there to name its thing: a malformed id is reported but still names it.
   */
  boolean id(ModelPath path, String value, String what) {
    if (!text(path, value, what)) {
      return false;
    }
    if (!isId(value)) {
      add(path, what + " '" + value + "' must not contain a slash or spaces");
    }
    return true; // a malformed id is reported once; it still names its thing, so references to it are not reported too
  }

  /**
   * No slash and none of the white space of the regular expression {@code \\s} (space, tab, line and
   * page breaks); a loop, not a regular expression: it runs for every line of the engine's input.
   */
  static boolean isId(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks one line's amounts: as many years as the version, within range, pm only where allowed and
   * never mixed with amounts, and (with {@code allYears}) an amount in every year.
   */
  void amounts(ModelPath at, Amounts a, String what, boolean allYears, boolean pmAllowed) {
    if (!yearsSound) {
      return; // reported at the version's years
    }
    if (a == null) {
      add(at, what + " are missing");
      return;
    }
    if (a.size() != years.size()) {
      add(at, what + " have " + a.size() + " years; the version has " + years.size());
      return;
    }
    int firstPm = -1;
    boolean anyAmount = false;
    for (int y = 0; y < a.size(); y++) {
      switch (a.kind(y)) {
        case PM -> {
          if (!pmAllowed) {
            add(at.key(years.get(y)), what + " " + years.get(y) + ": pm is not allowed here; give an amount");
          } else if (firstPm < 0) {
            firstPm = y;
          }
        }
        case AMOUNT -> {
          anyAmount = true;
          if (absoluteTotals == null) {
            absoluteTotals = new long[years.size()];
          }
          long abs = a.cents(y) == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a.cents(y));
          absoluteTotals[y] = abs > Long.MAX_VALUE - absoluteTotals[y] ? Long.MAX_VALUE : absoluteTotals[y] + abs;
          if (Math.abs(a.cents(y)) > BudgetValidator.MAX_CENTS || a.cents(y) == Long.MIN_VALUE) {
            add(at.key(years.get(y)), what + " " + years.get(y) + ": " + Money.ofCents(a.cents(y))
                + " is larger than Begroot accepts (1.000.000.000.000 euros)");
          }
        }
        case BLANK -> {
          if (allYears) {
            add(at, what + " lacks the year " + years.get(y));
          }
        }
      }
    }
    if (firstPm >= 0 && anyAmount) {
      add(at.key(years.get(firstPm)), what + " mixes pm with amounts: a line is either pm (amount not known yet) or has amounts in euros");
    }
  }

  static boolean anyNonBlank(Amounts a) {
    for (int y = 0; y < a.size(); y++) {
      if (a.kind(y) != Amounts.Kind.BLANK) {
        return true;
      }
    }
    return false;
  }

  static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    Set<String> ids = new HashSet<>();
    for (T item : items) {
      ids.add(id.apply(item));
    }
    return ids;
  }
}
