package nl.begroot.core.rounding;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The figures as Begroot prints them: whole units (thousands, or euros for tables in euros), chosen
 * so that every printed total equals the sum of its printed parts and lies within 1 of its exact
 * value. {@code notes} names each group of figures for which no such rounding was found; those are
 * printed with their parts rounded to nearest and totals as the sum of the printed parts. {@code
 * unproven} names each group whose rounding foots but is the best one found within the search's
 * limit, not proven the least distortion (see {@link ControlledRounding}).
 */
public record PrintedFigures(Map<String, Long> thousands, Map<String, Long> euros, List<String> notes, List<String> unproven) {
  public PrintedFigures {
    thousands = thousands instanceof FigureValues ? thousands : Map.copyOf(thousands); // unmodifiable already
    euros = euros instanceof FigureValues ? euros : Map.copyOf(euros);
    notes = List.copyOf(notes);
    unproven = List.copyOf(unproven);
  }

  /** Everything a reader of the figures should be told about their rounding: the notes, then the unproven groups. */
  public List<String> messages() {
    List<String> all = new java.util.ArrayList<>(notes);
    all.addAll(unproven);
    return all;
  }

  public OptionalLong value(boolean inThousands, String figureId) {
    Long v = (inThousands ? thousands : euros).get(figureId);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }
}
