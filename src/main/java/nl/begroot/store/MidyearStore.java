package nl.begroot.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The Tussenrapportage's own rows (V10, docs/midyear.md): the version of kind {@value
 * StoredVersion#MIDYEAR} with its year and last realised period ({@code midyear_report}), and per unit
 * the forecast for the year ({@code midyear_forecast}). Creating one and every change of a forecast
 * is one transaction with its entry in the hash-chained log; a forecast is changed only while its
 * version is a concept (the version's row locked), and only at the revision its editor saw.
 */
public final class MidyearStore {
  private final Jdbi jdbi;
  private final VersionStore versions;

  public MidyearStore(Database database) {
    this.jdbi = database.jdbi();
    this.versions = new VersionStore(database);
  }

  /** The year a Tussenrapportage reports on and the last period it counts realised figures of. */
  public record Period(int year, int upToPeriod) {}

  /** A unit's forecast as stored: amounts in cents, the reason, its revision and who last changed it. */
  public record StoredForecast(String unit, long lastenCents, long batenCents, String reason, int revision, Instant updatedAt,
      String updatedBy) {}

  /** What saving a forecast did. */
  public sealed interface Saved {
    /** Saved at {@code revision}. */
    record Done(int revision) implements Saved {}

    /** Someone saved another revision first; {@code current} is what is stored now (null: none any more). */
    record Conflict(StoredForecast current) implements Saved {}

    /** The version is no longer a concept (submitted or adopted): its forecasts do not change. */
    record Final(String status) implements Saved {}

    /** No such Tussenrapportage. */
    record Missing() implements Saved {}
  }

  /**
   * Creates a Tussenrapportage: a version of kind {@value StoredVersion#MIDYEAR} based on {@code basedOn},
   * with {@code rows} copied as they are (a line it does not change stays approved), and its period. In one
   * transaction with the based-on version's row locked, so that a budget never gets two.
   *
   * @return the version; empty when {@code basedOn} has one already or the slug is taken
   */
  public Optional<StoredVersion> create(long basedOn, String slug, String name, String baseYaml, List<StoredProposal> rows, Period period,
      String actor) {
    return versions.createBasedOn(StoredVersion.MIDYEAR, basedOn, true, slug, name, baseYaml, rows, actor, "midyear.create",
        "jaar: " + period.year() + "\nt/m periode: " + period.upToPeriod() + "\n",
        (h, id) -> h.createUpdate("insert into midyear_report (version_id, book_year, up_to_period) values (:id, :y, :p)")
            .bind("id", id).bind("y", period.year()).bind("p", period.upToPeriod()).execute());
  }

  /** The Tussenrapportages based on the version {@code basedOnId}: none or one. */
  public List<StoredVersion> midyears(long basedOnId) {
    return jdbi.withHandle(h -> h.createQuery("select * from budget_version where based_on = :id and kind = :kind order by id")
        .bind("id", basedOnId).bind("kind", StoredVersion.MIDYEAR).map((rs, ctx) -> VersionStore.version(rs)).list());
  }

  /** The period of the Tussenrapportage {@code versionId}; empty when it is none. */
  public Optional<Period> period(long versionId) {
    return jdbi.withHandle(h -> h.createQuery("select book_year, up_to_period from midyear_report where version_id = :id")
        .bind("id", versionId).map((rs, ctx) -> new Period(rs.getInt("book_year"), rs.getInt("up_to_period"))).findOne());
  }

  /** The forecasts of the Tussenrapportage {@code versionId}, by unit. */
  public Map<String, StoredForecast> forecasts(long versionId) {
    return jdbi.withHandle(h -> forecasts(h, versionId));
  }

  private static Map<String, StoredForecast> forecasts(Handle h, long versionId) {
    Map<String, StoredForecast> out = new LinkedHashMap<>();
    h.createQuery("select * from midyear_forecast where version_id = :id order by unit_id").bind("id", versionId)
        .map((rs, ctx) -> new StoredForecast(rs.getString("unit_id"), rs.getLong("lasten_cents"), rs.getLong("baten_cents"),
            rs.getString("reason"), rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
        .forEach(f -> out.put(f.unit(), f));
    return out;
  }

  /**
   * Saves the forecast of {@code unit} when the stored one is at {@code seenRevision} (0: there is none yet),
   * in one transaction with the version's row locked, its stamp raised and the change logged (before and
   * after in cents, with the reason).
   */
  public Saved save(long versionId, String unit, long lastenCents, long batenCents, String reason, int seenRevision, String actor) {
    return jdbi.inTransaction(h -> {
      Optional<Map<String, Object>> row = h.createQuery("select slug, status from budget_version where id = :id for update")
          .bind("id", versionId).mapToMap().findOne();
      if (row.isEmpty() || period(h, versionId).isEmpty()) {
        return new Saved.Missing();
      }
      String status = (String) row.get().get("status");
      if (!"concept".equals(status)) {
        return new Saved.Final(status);
      }
      StoredForecast current = forecasts(h, versionId).get(unit);
      int revision = current == null ? 0 : current.revision();
      if (revision != seenRevision) {
        return new Saved.Conflict(current);
      }
      Instant now = Instant.now();
      if (current == null) {
        h.createUpdate("insert into midyear_forecast (version_id, unit_id, lasten_cents, baten_cents, reason, revision, updated_at, updated_by)"
                + " values (:id, :u, :l, :b, :r, 1, :now, :actor)")
            .bind("id", versionId).bind("u", unit).bind("l", lastenCents).bind("b", batenCents).bind("r", reason).bind("now", now)
            .bind("actor", actor).execute();
      } else {
        h.createUpdate("update midyear_forecast set lasten_cents = :l, baten_cents = :b, reason = :r, revision = revision + 1,"
                + " updated_at = :now, updated_by = :actor where version_id = :id and unit_id = :u and revision = :rev")
            .bind("id", versionId).bind("u", unit).bind("l", lastenCents).bind("b", batenCents).bind("r", reason).bind("now", now)
            .bind("actor", actor).bind("rev", revision).execute();
      }
      h.createUpdate("update budget_version set stamp = nextval('version_stamp'), updated_at = :now, updated_by = :actor where id = :id")
          .bind("now", now).bind("actor", actor).bind("id", versionId).execute();
      VersionStore.log(h, versionId, now, actor, "midyear.forecast", (String) row.get().get("slug") + " " + unit,
          current == null ? null : text(current.lastenCents(), current.batenCents(), current.reason()), text(lastenCents, batenCents, reason));
      return new Saved.Done(revision + 1);
    });
  }

  private static Optional<Period> period(Handle h, long versionId) {
    return h.createQuery("select book_year, up_to_period from midyear_report where version_id = :id")
        .bind("id", versionId).map((rs, ctx) -> new Period(rs.getInt("book_year"), rs.getInt("up_to_period"))).findOne();
  }

  private static String text(long lasten, long baten, String reason) {
    // the reason as a quoted YAML text, so the log's field view reads the row as fields whatever the reason holds
    String quoted = "\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ").replace("\t", " ") + "\"";
    return "prognose_lasten_cents: " + lasten + "\nprognose_baten_cents: " + baten + "\nreden: " + quoted + "\n";
  }
}
