package nl.begroot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.actuals.ActualsImport.YearPeriod;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.core.model.MoneyKind;
import nl.begroot.core.model.Side;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The realised figures (V9): per organisation, year and period the totals per unit, side and money,
 * and which import they come from. An import replaces its periods whole, in one transaction with its
 * log entry: nothing is half-imported, and the same file twice leaves the same rows.
 */
public final class ActualsStore {
  private final Jdbi jdbi;

  public ActualsStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Where a period's figures come from. */
  public record PeriodSource(int year, int period, String source, String fileName, String fileSha256, String versionSlug,
      Instant importedAt, String importedBy) {}

  /** What an import writes, besides its amounts. */
  public record ImportFacts(String organisation, String source, String fileName, String fileSha256, String versionSlug, long versionId,
      String actor) {}

  /**
   * Replaces the periods {@code periods} of {@code facts.organisation()} by {@code amounts} (each
   * within those periods), logging the import (before: the periods' totals as they were; after: as
   * they are), all in one transaction.
   */
  public void replace(ImportFacts facts, List<YearPeriod> periods, List<RealisedAmount> amounts) {
    Instant now = Instant.now();
    jdbi.useTransaction(h -> {
      String before = summary(h, facts.organisation(), periods);
      for (YearPeriod p : periods) {
        h.createUpdate("delete from realised_amount where organisation = :o and book_year = :y and period = :p")
            .bind("o", facts.organisation()).bind("y", p.year()).bind("p", p.period()).execute();
        h.createUpdate("delete from realised_period where organisation = :o and book_year = :y and period = :p")
            .bind("o", facts.organisation()).bind("y", p.year()).bind("p", p.period()).execute();
        h.createUpdate("insert into realised_period (organisation, book_year, period, source, file_name, file_sha256, version_slug,"
                + " imported_at, imported_by) values (:o, :y, :p, :s, :f, :h, :v, :at, :by)")
            .bind("o", facts.organisation()).bind("y", p.year()).bind("p", p.period()).bind("s", facts.source())
            .bind("f", facts.fileName()).bind("h", facts.fileSha256()).bind("v", facts.versionSlug()).bind("at", now)
            .bind("by", facts.actor()).execute();
      }
      var batch = h.prepareBatch("insert into realised_amount (organisation, book_year, period, unit_id, side, money, third_party, amount_cents)"
          + " values (:o, :y, :p, :u, :s, :m, :t, :c)");
      for (RealisedAmount a : amounts) {
        batch.bind("o", facts.organisation()).bind("y", a.year()).bind("p", a.period()).bind("u", a.unit())
            .bind("s", a.side() == Side.LASTEN ? "lasten" : "baten").bind("m", a.money().code())
            .bind("t", a.thirdParty() == null ? "" : a.thirdParty()).bind("c", a.cents()).add();
      }
      if (!amounts.isEmpty()) {
        batch.execute();
      }
      String after = summary(h, facts.organisation(), periods);
      AuditLog.record(h, LogEntry.change(facts.actor(), "actuals.import", facts.fileName() + " (" + facts.source() + ", sha256 "
          + facts.fileSha256() + ")", facts.versionId(), before, after), now);
    });
  }

  /** The periods' totals per side and money, as the log keeps them before and after an import. */
  private static String summary(Handle h, String organisation, List<YearPeriod> periods) {
    StringBuilder s = new StringBuilder();
    for (YearPeriod p : periods) {
      List<String> rows = h.createQuery("select side, money, sum(amount_cents) as c from realised_amount"
              + " where organisation = :o and book_year = :y and period = :p group by side, money order by side, money")
          .bind("o", organisation).bind("y", p.year()).bind("p", p.period())
          .map((rs, ctx) -> rs.getString("side") + " " + rs.getString("money") + ": " + rs.getLong("c")).list();
      if (!rows.isEmpty()) {
        s.append(p).append(": ").append(String.join(", ", rows)).append(" (cents)\n");
      }
    }
    return s.isEmpty() ? null : s.toString();
  }

  /** Every realised amount of {@code organisation} in {@code year}. */
  public List<RealisedAmount> amounts(String organisation, int year) {
    return jdbi.withHandle(h -> h.createQuery("select * from realised_amount where organisation = :o and book_year = :y"
            + " order by period, unit_id, side, money, third_party")
        .bind("o", organisation).bind("y", year)
        .map((rs, ctx) -> new RealisedAmount(rs.getString("unit_id"), "lasten".equals(rs.getString("side")) ? Side.LASTEN : Side.BATEN,
            MoneyKind.ofCode(rs.getString("money")).orElseThrow(), rs.getString("third_party").isEmpty() ? null : rs.getString("third_party"),
            rs.getInt("book_year"), rs.getInt("period"), rs.getLong("amount_cents")))
        .list());
  }

  /** The periods imported for {@code organisation}, per year, with where they come from. */
  public Map<Integer, List<PeriodSource>> periods(String organisation) {
    List<PeriodSource> all = jdbi.withHandle(h -> h.createQuery("select * from realised_period where organisation = :o order by book_year, period")
        .bind("o", organisation)
        .map((rs, ctx) -> new PeriodSource(rs.getInt("book_year"), rs.getInt("period"), rs.getString("source"), rs.getString("file_name"),
            rs.getString("file_sha256"), rs.getString("version_slug"), rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by")))
        .list());
    Map<Integer, List<PeriodSource>> out = new LinkedHashMap<>();
    for (PeriodSource p : all) {
      out.computeIfAbsent(p.year(), y -> new ArrayList<>()).add(p);
    }
    return out;
  }

  /** Whether anything was ever imported for {@code organisation}. */
  public boolean any(String organisation) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from realised_period where organisation = :o").bind("o", organisation)
        .mapTo(Integer.class).one() > 0);
  }
}
