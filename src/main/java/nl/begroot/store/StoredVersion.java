package nl.begroot.store;

import java.time.Instant;
import java.time.LocalDate;
import nl.begroot.core.cycle.VersionStatus;

/**
 * A budget version's row: who made it, from what, and its revision and stamp; where it stands in the
 * cycle ({@code status}, and once adopted the facts of its adoption); whether its author shared it
 * (a scenario; its owner is {@code createdBy}); an amendment's number (null for any other version); the
 * organisation it belongs to (its slug, V12).
 */
public record StoredVersion(
    long id,
    String slug,
    String name,
    String kind,
    Long basedOn,
    String baseYaml,
    int revision,
    long stamp,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    VersionStatus status,
    LocalDate adoptedOn,
    String adoptedBody,
    String decisionRef,
    String adoptedBy,
    boolean shared,
    Integer amendmentNo,
    String organisation) {

  /** The kind of a begrotingswijziging: a version based on an adopted one, holding its own proposals. */
  public static final String AMENDMENT = "amendment";

  /** The kind of a definitive budget (definitieve begroting): a version based on an adopted concept, starting as its copy. */
  public static final String DEFINITIVE = "definitive";

  /** The kind of a Tussenrapportage (mid-year report): a version based on an adopted budget, starting as its copy (docs/midyear.md). */
  public static final String MIDYEAR = "midyear";

  /** A private sandbox of its author (a copy or an import), never an official version of the cycle. */
  /** The kind of the annual accounts (jaarrekening): a version based on the adopted version it is set against (V11, docs/accounts.md). */
  public static final String ACCOUNTS = "accounts";

  public boolean accounts() {
    return ACCOUNTS.equals(kind);
  }

  public boolean scenario() {
    return "scenario".equals(kind) || "import".equals(kind);
  }

  public boolean amendment() {
    return AMENDMENT.equals(kind);
  }

  public boolean definitive() {
    return DEFINITIVE.equals(kind);
  }

  public boolean midyear() {
    return MIDYEAR.equals(kind);
  }

  /** The scenario's owner: its author. */
  public String owner() {
    return createdBy;
  }
}
