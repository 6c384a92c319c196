package nl.begroot.core.model;

/**
 * The one limit on the size of a budget's text (decision 193, docs/format.md "Limits"): a budget file,
 * an upload, the text a version is stored as, and the text the reader reads back are all held to
 * {@link #MAX_CHARS}. The others are derived from it, so that nothing is accepted that cannot be read
 * back:
 * <ul>
 *   <li>a file or upload of at most {@link #MAX_CHARS} bytes (UTF-8) has at most as many characters,
 *       so the reader ({@code format.YamlText}, {@link #MAX_CHARS} characters) reads it;</li>
 *   <li>a request body may be {@link #REQUEST_MARGIN} larger than a file (the form around an upload);</li>
 *   <li>the store refuses a write (nothing is stored) when the text the version would be read back as
 *       could be longer than {@link #MAX_CHARS} characters ({@code store.VersionStore.TooLarge}).</li>
 * </ul>
 * 32 Mi: a generated budget of a million proposal-year cells (200.000 lines of five years) is about 29
 * MB of YAML (issue 13 wants hundreds of thousands of lines). Memory is bounded by it: reading a text
 * takes about 70 bytes of heap per character (the YAML node tree with the place of every node; 29 MB
 * read in a 2 GB heap, not in 1 GB), so a server that takes budgets up to the limit needs about 2,5 GB
 * of heap; a larger limit needs a streaming reader first.
 */
public final class BudgetSize {
  private BudgetSize() {}

  /** The longest budget text, in characters (UTF-16 code units, as Java counts them), and the largest file in bytes: 32 Mi. */
  public static final int MAX_CHARS = 32 * 1024 * 1024;

  /** What a request body may carry beside the budget file it uploads (the multipart form's other fields and framing). */
  public static final int REQUEST_MARGIN = 1024 * 1024;

  /**
   * The longest single text in a budget (a title, a narrative, an explanation, any one value), in
   * characters: 1 Mi (decision 214). The IPO budget's longest text has 619 characters and the edit
   * forms take at most 20.000 (an explanation), so no real budget comes near it; a larger text is
   * refused where it is read (the budget file's reader at the text's line and column, the workbook
   * import at its cell), before anything is built from it.
   */
  public static final int MAX_TEXT_CHARS = 1024 * 1024;

  /** The limit in words, for messages: "32 MB (33554432 characters)". */
  public static String limit() {
    return MAX_CHARS / (1024 * 1024) + " MB (" + MAX_CHARS + " characters)";
  }
}
