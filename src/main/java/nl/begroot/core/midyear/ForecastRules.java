package nl.begroot.core.midyear;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Unit;
import nl.begroot.core.text.Dutch;

/**
 * What a forecast must be, checked before it is stored: a unit of the budget, two amounts in whole
 * euros (Dutch notation, "1.234.567" or "1234567", a minus sign allowed) within {@link #MAX_EUROS},
 * and a reason of at most {@link #MAX_REASON} characters. Every problem is returned, with the form
 * field it belongs to, in Dutch and English.
 */
public final class ForecastRules {
  /** The longest reason (characters); the column holds this much. */
  public static final int MAX_REASON = 2000;
  /** The largest amount in euros either way (a thousand billion: beyond any budget Begroot serves). */
  public static final long MAX_EUROS = 1_000_000_000_000L;

  private ForecastRules() {}

  /** A problem with one field of the form. */
  public record Problem(String field, String nl, String en) {}

  /** The checked forecast, or the problems (never both). */
  public record Checked(Forecast forecast, List<Problem> problems) {}

  /** Checks the typed fields of a unit's forecast against {@code budget}. */
  public static Checked check(Budget budget, String unit, String lastenEuros, String batenEuros, String reason) {
    List<Problem> problems = new ArrayList<>();
    if (unit == null || unitOf(budget, unit).isEmpty()) {
      problems.add(new Problem("unit", "Onbekende eenheid '" + shorten(unit) + "'.", "Unknown unit '" + shorten(unit) + "'."));
    }
    Long lasten = cents(lastenEuros, "lasten", "Prognose lasten", "Forecast lasten", problems);
    Long baten = cents(batenEuros, "baten", "Prognose baten", "Forecast baten", problems);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      problems.add(new Problem("reason", "Geef de reden van de prognose.", "Give the reason for the forecast."));
    } else if (why.length() > MAX_REASON) {
      problems.add(new Problem("reason", "De reden is " + why.length() + " tekens; ten hoogste " + MAX_REASON + ".",
          "The reason is " + why.length() + " characters; at most " + MAX_REASON + "."));
    }
    if (!problems.isEmpty()) {
      return new Checked(null, List.copyOf(problems));
    }
    return new Checked(new Forecast(unit, lasten, baten, why), List.of());
  }

  private static Long cents(String text, String field, String nl, String en, List<Problem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new Problem(field, nl + ": vul een bedrag in (hele euro's).", en + ": enter an amount (whole euros)."));
      return null;
    }
    Optional<Long> euros = Dutch.parseWhole(text.replace("€", "").replace(" ", "").replace("\u00a0", ""));
    if (euros.isEmpty()) {
      problems.add(new Problem(field, nl + ": '" + shorten(text) + "' is geen bedrag in hele euro's (bijvoorbeeld 1.250.000).",
          en + ": '" + shorten(text) + "' is not an amount in whole euros (for example 1.250.000)."));
      return null;
    }
    if (euros.get() > MAX_EUROS || euros.get() < -MAX_EUROS) { // not Math.abs: it is negative for Long.MIN_VALUE
      problems.add(new Problem(field, nl + ": ten hoogste " + MAX_EUROS + " euro.", en + ": at most " + MAX_EUROS + " euros."));
      return null;
    }
    return euros.get() * 100; // whole euros to cents: exact, |euros| <= 10^12
  }

  /** The unit {@code id} of {@code budget} with its programme. */
  public static Optional<Unit> unitOf(Budget budget, String id) {
    for (Programme p : budget.programmes()) {
      for (Unit u : p.units()) {
        if (u.id().equals(id)) {
          return Optional.of(u);
        }
      }
    }
    return Optional.empty();
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
