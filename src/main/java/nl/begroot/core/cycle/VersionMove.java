package nl.begroot.core.cycle;

import java.util.Optional;

/**
 * The steps an official version takes (docs/cycle.md): submit (concept → ingediend), take back
 * (ingediend → concept), adopt (ingediend → vastgesteld) and publish (vastgesteld → gepubliceerd).
 * Nothing else moves a version; an adopted version never goes back.
 */
public enum VersionMove {
  SUBMIT(VersionStatus.CONCEPT, VersionStatus.INGEDIEND, "version.submit", "indienen", "submit"),
  TAKE_BACK(VersionStatus.INGEDIEND, VersionStatus.CONCEPT, "version.take-back", "terughalen", "take back"),
  ADOPT(VersionStatus.INGEDIEND, VersionStatus.VASTGESTELD, "version.adopt", "vaststellen", "adopt"),
  PUBLISH(VersionStatus.VASTGESTELD, VersionStatus.GEPUBLICEERD, "version.publish", "publiceren", "publish");

  private final VersionStatus from;
  private final VersionStatus to;
  private final String action;
  private final String nl;
  private final String en;

  VersionMove(VersionStatus from, VersionStatus to, String action, String nl, String en) {
    this.from = from;
    this.to = to;
    this.action = action;
    this.nl = nl;
    this.en = en;
  }

  public VersionStatus from() {
    return from;
  }

  public VersionStatus to() {
    return to;
  }

  /** The change log's name of the step ("version.adopt"). */
  public String action() {
    return action;
  }

  /** The step's name in Dutch ("vaststellen"), as the API's path has it in English ("adopt"). */
  public String nl() {
    return nl;
  }

  public String en() {
    return en;
  }

  /** Why the step cannot be taken from {@code now}; empty when it can. */
  public Optional<Problem> refusal(VersionStatus now) {
    if (now == from) {
      return Optional.empty();
    }
    return Optional.of(new Problem("form",
        "Deze versie is " + now.code() + "; " + nl + " kan alleen vanuit " + from.code() + ".",
        "This version is " + now.code() + "; it can be " + pastEn() + " only from " + from.code() + "."));
  }

  private String pastEn() {
    return switch (this) {
      case SUBMIT -> "submitted";
      case TAKE_BACK -> "taken back";
      case ADOPT -> "adopted";
      case PUBLISH -> "published";
    };
  }

  /** The step named {@code name} in English ("submit", "take-back", "adopt", "publish"). */
  public static Optional<VersionMove> named(String name) {
    for (VersionMove m : values()) {
      if (m.en.replace(' ', '-').equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
