package nl.begroot.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.begroot.core.access.Access;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Permission;
import nl.begroot.core.actuals.ActualsImport;
import nl.begroot.core.actuals.BudgetVsRealised;
import nl.begroot.core.actuals.Realisation;
import nl.begroot.core.actuals.RealisedAmount;
import nl.begroot.format.ActualsCsv;
import nl.begroot.format.XafReader;
import nl.begroot.store.ActualsStore;

/**
 * Importing realised figures (realisatie) and reading them: the use case behind the CLI's {@code
 * import-actuals}, the web's upload and the API. The file is read streaming by its adapter (XAF or
 * CSV) into the core's {@link ActualsImport} by the ledger mapping of the version named; only when
 * the core accepts the whole file are its periods replaced, in one transaction with the log entry.
 */
public final class ActualsImports {
  /** The file formats read. */
  public enum Format {
    XAF("xaf"),
    CSV("csv");

    private final String code;

    Format(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The format a file name says (.xaf or .xml: XAF; .csv: CSV); null for any other. */
    public static Format ofFileName(String name) {
      String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
      if (n.endsWith(".xaf") || n.endsWith(".xml")) {
        return XAF;
      }
      return n.endsWith(".csv") ? CSV : null;
    }
  }

  /** What an import came to. */
  public sealed interface Result {
    /** Imported: the periods replaced, the lines read, the amounts stored. */
    record Imported(Realisation realisation) implements Result {}

    /** Refused, nothing imported: every problem with its place. */
    record Refused(List<ActualsImport.Problem> problems, int more) implements Result {}

    /** No such version. */
    record NotFound(String slug) implements Result {}
  }

  private final Workspace workspace;
  private final ActualsStore store;

  ActualsImports(Workspace workspace, ActualsStore store) {
    this.workspace = workspace;
    this.store = store;
  }

  /**
   * Imports {@code in} (a file named {@code fileName}, in {@code format}, at most {@code maxBytes})
   * by the ledger mapping of version {@code slug}, for {@code actor} (a controller).
   */
  public Result importFile(String slug, String fileName, Format format, InputStream in, long maxBytes, Actor actor,
      XafReader.Progress progress) {
    var snapshot = workspace.snapshot(slug);
    if (snapshot.isEmpty()) {
      return new Result.NotFound(slug);
    }
    Access.require(actor, Permission.IMPORT_ACTUALS, Workspace.scope(snapshot.get().version()));
    var budget = snapshot.get().budget();
    ActualsImport importer = new ActualsImport(budget);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DigestInputStream digesting = new DigestInputStream(in, sha);
    if (format == Format.XAF) {
      XafReader.read(digesting, maxBytes, importer, progress);
    } else {
      ActualsCsv.read(digesting, maxBytes, importer, progress);
    }
    ActualsImport.Outcome outcome = importer.result();
    if (outcome instanceof ActualsImport.Outcome.Refused r) {
      return new Result.Refused(r.problems(), r.more());
    }
    try {
      digesting.transferTo(java.io.OutputStream.nullOutputStream()); // the hash of the whole file
    } catch (IOException e) {
      // the content was read; the hash covers what was
    }
    Realisation realisation = ((ActualsImport.Outcome.Imported) outcome).realisation();
    String name = fileName == null || fileName.isBlank() ? "(zonder naam)" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
    store.replace(new ActualsStore.ImportFacts(budget.organisation().id(), format.code(), name, HexFormat.of().formatHex(sha.digest()),
        slug, snapshot.get().version().id(), Workspace.actor(actor)), realisation.periods(), realisation.amounts());
    return new Result.Imported(realisation);
  }

  /** The realised amounts of a year for the organisation of version {@code slug}. */
  public List<RealisedAmount> amounts(String organisation, int year) {
    return store.amounts(organisation, year);
  }

  /** The periods imported, per year. */
  public Map<Integer, List<ActualsStore.PeriodSource>> periods(String organisation) {
    return store.periods(organisation);
  }

  /**
   * The version's budget of {@code year} against what was realised up to {@code upToPeriod}
   * ({@code null}: up to the last period imported for that year); the view the web and the API show.
   */
  public BudgetVsRealised budgetVsRealised(nl.begroot.workspace.Snapshot snapshot, int year, Integer upToPeriod) {
    String organisation = snapshot.budget().organisation().id();
    List<RealisedAmount> amounts = store.amounts(organisation, year);
    int upTo = upToPeriod != null ? upToPeriod
        : store.periods(organisation).getOrDefault(year, List.of()).stream().mapToInt(ActualsStore.PeriodSource::period).max().orElse(0);
    return BudgetVsRealised.of(snapshot.computed().computation(), amounts, year, upTo);
  }

  /** Whether the organisation has any realised figures. */
  public boolean any(String organisation) {
    return store.any(organisation);
  }
}
