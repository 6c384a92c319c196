package nl.begroot.core.cycle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of an adoption (vaststelling): the date of the decision, the body that took it ("Algemene
 * Vergadering") and the decision's reference ("AV 2026-07, besluit 4"). All three are required.
 */
public record Adoption(LocalDate on, String body, String reference) {
  /** The longest body or reference kept (characters). */
  public static final int MAX_TEXT = 200;

  /** The facts as typed, checked; {@code adoption} is null when there are problems. */
  public record Checked(Adoption adoption, List<Problem> problems) {
    public Checked {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Checks what was typed: a date (yyyy-mm-dd, as a date field sends it) not after {@code today} (a
   * decision is recorded once taken), a body and a reference, each non-empty, at most {@link #MAX_TEXT}
   * characters and without control characters.
   */
  public static Checked check(String date, String body, String reference, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    LocalDate on = null;
    String d = date == null ? "" : date.strip();
    if (d.isEmpty()) {
      problems.add(new Problem("date", "Vul de datum van het besluit in.", "Fill in the date of the decision."));
    } else {
      try {
        on = LocalDate.parse(d);
        if (on.isAfter(today)) {
          problems.add(new Problem("date", "De datum " + d + " ligt na vandaag; leg een besluit vast als het genomen is.",
              "The date " + d + " is after today; record a decision once it has been taken."));
          on = null;
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem("date", "'" + shorten(d) + "' is geen datum (jjjj-mm-dd).", "'" + shorten(d) + "' is not a date (yyyy-mm-dd)."));
      }
    }
    String b = text(body, "body", "het orgaan dat vaststelde (bijvoorbeeld Algemene Vergadering)",
        "the body that adopted it (for example Algemene Vergadering)", problems);
    String r = text(reference, "reference", "het kenmerk van het besluit", "the decision's reference", problems);
    return new Checked(problems.isEmpty() ? new Adoption(on, b, r) : null, problems);
  }

  private static String text(String typed, String field, String nl, String en, List<Problem> problems) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      problems.add(new Problem(field, "Vul " + nl + " in.", "Fill in " + en + "."));
    } else if (t.length() > MAX_TEXT) {
      problems.add(new Problem(field, "Te lang (hoogstens " + MAX_TEXT + " tekens).", "Too long (at most " + MAX_TEXT + " characters)."));
    } else if (t.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Problem(field, "Bevat een stuurteken.", "Contains a control character."));
    }
    return t;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
