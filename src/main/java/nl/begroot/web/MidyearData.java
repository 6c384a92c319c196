package nl.begroot.web;

import java.util.List;
import java.util.Map;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Midyears;

/**
 * What the Tussenrapportage's page shows ({@code midyear.jte}): the report ({@code m}, null on the page
 * of a budget that starts one), its tables rendered, the effect of its proposals rendered, whether the
 * reader may enter forecasts or start one, and the problems of the last attempt with what was typed.
 */
public record MidyearData(Midyears.Midyear m, List<String> tablesHtml, String effectHtml, boolean illustration, boolean mayEdit,
    StoredVersion existing, boolean mayStart, String refusal, List<FieldError> errors, Map<String, String> typed, String message) {

  /** What was typed into {@code field} of {@code unit}'s form, else the stored value. */
  public String typed(String unit, String field, String stored) {
    String key = unit + "." + field;
    return typed.containsKey(key) ? typed.get(key) : stored;
  }

  /** The problems of {@code unit}'s form (all, when it was that unit's). */
  public List<FieldError> errorsOf(String unit) {
    return unit.equals(typed.get("unit")) ? errors : List.of();
  }

  /** Whole euros of {@code cents} as the form shows them ("1.250.000"), truncated toward zero (the form takes whole euros). */
  public static String wholeEuros(long cents) {
    return nl.begroot.core.text.Dutch.whole(cents / 100);
  }
}
