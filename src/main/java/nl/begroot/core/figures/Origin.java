package nl.begroot.core.figures;

/** Where a figure comes from, in words a controller reads. Sealed: one record per kind. */
public sealed interface Origin {

  /** A sum of other figures; its terms say which. */
  record Sum(String rule) implements Origin {}

  /** A frame value as entered in the source file. */
  record Frame(String programme, String side, int year) implements Origin {}

  /** A proposal amount as entered in the source file. */
  record Entered(String proposal, int year) implements Origin {}

  /** A component amount of a proposal's breakdown, as entered. */
  record Component(String proposal, String component, int year) implements Origin {}

  /** One leg of a transfer, as entered. */
  record TransferLeg(String transfer, String line, int year) implements Origin {}

  /**
   * A member's or column's share of another figure by a key or spread.
   *
   * @param of the figure that was split
   * @param key the key or spread used
   * @param sharePercent the share as written in the key (text)
   * @param sumPercent the sum of all shares of the key (text)
   */
  record Share(String of, String key, String sharePercent, String sumPercent) implements Origin {}

  /**
   * A figure of a report beside the budget (the Tussenrapportage, docs/midyear.md): realised as imported,
   * a prognose as entered, or the budget na wijziging as computed; {@code what} says which, in words.
   */
  record Reported(String what) implements Origin {}

  /**
   * A figure of the annual accounts (jaarrekening) taken as it is: a budget after amendments, a
   * realised total, a reserve's balance or movement; {@code source} says which, in words.
   */
  record Accounts(String source) implements Origin {}
}
