package nl.begroot.core.audit;

import java.util.List;

/**
 * One finding of the audit (rekenkundige controle).
 *
 * @param table the printed table id, e.g. {@code tabel-1}; {@code key:<id>} for a key
 * @param row the row id
 * @param column the column id (a year, an annex column)
 * @param figure the id of the figure at that place, or empty when there is none
 * @param label the place in the document's own words, e.g. "Tabel 1, Nieuw kader, Totaal lasten
 *     2027" ({@link nl.begroot.core.figures.FigureLabels}); for people to read, where the ids are
 *     the technical detail
 * @param printed the figure as the document printed it
 * @param computed what it should be: Begroot's figure (for {@link Check#VALUE}), the sum of the
 *     printed parts (for {@link Check#FOOTING}), the effective share (for {@link Check#KEY})
 * @param check what was checked
 * @param kind which of the four kinds of finding it is: what a controller does about it
 * @param message the finding in an English sentence
 * @param edits for {@link Kind#CHANGED_SINCE_PUBLICATION}: the logged edits since publication of
 *     the inputs behind the figure (who and when); empty otherwise
 */
public record Finding(
    String table,
    String row,
    String column,
    String figure,
    String label,
    String printed,
    String computed,
    Check check,
    Kind kind,
    String message,
    List<SincePublication.Edit> edits) {

  public Finding {
    edits = List.copyOf(edits);
  }

  /**
   * The four kinds of finding, in the order a controller acts on them. Only {@link #INCONSISTENCY}
   * and {@link #ERROR} make the audit fail (exit code 1).
   */
  public enum Kind {
    /** Fout: a printed figure differs from Begroot's by more than rounding explains, and no edit explains it. */
    ERROR,
    /**
     * Inconsistentie in het document: the document contradicts itself (a printed total is not the
     * sum of its printed parts, one figure is printed differently in two places, a key does not add
     * up to 100 %, the frame does not balance).
     */
    INCONSISTENCY,
    /**
     * Gewijzigd sinds publicatie: the version was edited after its document was printed; the
     * print shows the old value, Begroot the new one. Not an error.
     */
    CHANGED_SINCE_PUBLICATION,
    /** Afronding: the print differs from Begroot's only within rounding, or is not the nearest thousand. */
    ROUNDING
  }

  /** What was checked. */
  public enum Check {
    /** A printed figure against Begroot's computed figure. */
    VALUE,
    /** A printed total against the sum of its printed parts. */
    FOOTING,
    /** The same figure printed in two places. */
    CROSS_TABLE,
    /** A distribution key's shares against 100 % and against Begroot's. */
    KEY,
    /** The frame's lasten against its baten. */
    FRAME_BALANCE,
    /** A deviation of the annual accounts over the threshold against its explanation (docs/accounts.md). */
    EXPLANATION,
    /** A unit of a Tussenrapportage with a budget or realised figures against its forecast and reason (docs/midyear.md). */
    FORECAST,
    /**
     * The effect a Tussenrapportage shows of its own proposals against the proposals' own amounts: the balancing item's change
     * against their net, the members' changes against the amount distributed (docs/midyear.md).
     */
    EFFECT
  }
}
