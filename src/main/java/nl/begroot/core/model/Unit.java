package nl.begroot.core.model;

/**
 * A unit of a programme (e.g. 2.3 Landelijk Gebied) with its texts, in our own words, under the
 * headings the published budget uses: {@code developments} (<i>Ontwikkelingen</i>: what changed
 * since the last budget) and {@code priorities} (<i>Speerpunten</i>: what the unit concentrates
 * on; a line starting with "- " is an item of a list). {@code narrative} is the older single text
 * without a heading; a file may hold any of the three, and a document prints the narrative first,
 * then the developments and the priorities under their headings.
 */
public record Unit(String id, String title, String narrative, String developments, String priorities) {
  /** A unit with only the older, single narrative (files written before the headings existed). */
  public Unit(String id, String title, String narrative) {
    this(id, title, narrative, null, null);
  }

  /** This unit with other texts (null for none). */
  public Unit withTexts(String narrative, String developments, String priorities) {
    return new Unit(id, title, narrative, developments, priorities);
  }
}
