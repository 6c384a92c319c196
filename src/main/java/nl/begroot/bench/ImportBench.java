package nl.begroot.bench;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import nl.begroot.core.access.Actor;
import nl.begroot.core.actuals.ActualsImport;
import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.format.XafReader;
import nl.begroot.format.XafWriter;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.workspace.ActualsImports;
import nl.begroot.workspace.Workspace;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code begroot bench import}: writes an auditfile of {@code lines} journal lines (made-up bookings
 * on the IPO's units, {@link ActualsFiles#bulk}), then, {@code rounds} times, parses it with the JDK's
 * StAX reader alone (every event pulled, nothing done with it) and imports it as {@code begroot
 * import-actuals} does (the schema validated in the same pass, the mapping, the totals, the file's
 * SHA-256, the database write, on an embedded H2 in a temporary directory), in the same run; prints
 * both times (wall clock, and the CPU time of the whole process, which the machine's other work
 * disturbs less), their ratio, the peak heap of the import and the machine's load average. With
 * {@code stages}, each round also times the stages in between: the JDK's SAX parser alone, SAX with
 * the schema, and the reader with the import's totals but without the hash and the database.
 */
public final class ImportBench {
  private ImportBench() {}

  /** A measured pass: wall-clock and process CPU seconds. */
  record Timing(double wall, double cpu) {}

  interface Pass {
    void run() throws Exception;
  }

  static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  static Timing time(Pass pass) throws Exception {
    double c = cpuSeconds();
    long t = System.nanoTime();
    pass.run();
    return new Timing((System.nanoTime() - t) / 1e9, cpuSeconds() - c);
  }

  /** The load averages (1, 5, 15 minutes) as {@code uptime} shows them, where the system tells them. */
  static String load() {
    try {
      String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return l[0] + ", " + l[1] + ", " + l[2];
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  public static void run(long lines, PrintWriter out) throws Exception {
    run(lines, 1, false, out);
  }

  public static void run(long lines, int rounds, boolean stages, PrintWriter out) throws Exception {
    Budget ipo = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
    Path dir = Files.createTempDirectory("begroot-bench-import");
    Path file = dir.resolve("bench.xaf");
    try {
      out.printf("load average (1, 5, 15 min) at the start: %s on %d processors; max heap %,d MB%n", load(),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      long t0 = System.nanoTime();
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        XafWriter.write(w, 2026, "Bench", ActualsFiles.accounts(), ActualsFiles.bulk(ipo, lines), "Begroot bench");
      }
      out.printf("generated %s: %,d journal lines, %,d MB in %.1f s%n", file.getFileName(), lines / 4 * 4, Files.size(file) >> 20,
          (System.nanoTime() - t0) / 1e9);
      out.flush();
      List<Double> walls = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      long peak = 0;
      try (Database db = Database.open(DatabaseUrl.h2File(dir.resolve("db")))) {
        Workspace workspace = new Workspace(db);
        workspace.seedIfEmpty(ipo, Actor.system("bench"));
        workspace.snapshot(Workspace.CONCEPT); // computed once, as a running server has it before the first upload
        for (int round = 1; round <= rounds; round++) {
          String r = rounds > 1 ? "round " + round + ": " : "";
          long[] events = new long[1];
          Timing stax = time(() -> {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
              XMLStreamReader x = f.createXMLStreamReader(in);
              while (x.next() != XMLStreamConstants.END_DOCUMENT) {
                events[0]++;
              }
            }
          });
          out.printf("%sStAX alone (JDK, every event pulled): %.2f s (CPU %.2f s; %,d events)%n", r, stax.wall(), stax.cpu(), events[0]);
          out.flush();
          if (stages) {
            Timing sax = time(() -> sax(file, false));
            out.printf("%s  stage: SAX parser alone: %.2f s (CPU %.2f s)%n", r, sax.wall(), sax.cpu());
            Timing schema = time(() -> sax(file, true));
            out.printf("%s  stage: SAX parser with the schema as the import validates it: %.2f s (CPU %.2f s)%n", r, schema.wall(), schema.cpu());
            Timing reader = time(() -> {
              ActualsImport i = new ActualsImport(ipo);
              try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                XafReader.read(in, XafReader.MAX_BYTES, i, null);
              }
              if (!(i.result() instanceof ActualsImport.Outcome.Imported)) {
                throw new IllegalStateException("the bench file is refused: " + i.result());
              }
            });
            out.printf("%s  stage: XafReader with the import's mapping and totals (no hash, no database): %.2f s (CPU %.2f s)%n", r,
                reader.wall(), reader.cpu());
            out.flush();
          }
          System.gc();
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
          }
          ActualsImports.Result[] result = new ActualsImports.Result[1];
          Timing imported = time(() -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
              result[0] = workspace.actuals().importFile(Workspace.CONCEPT, "bench.xaf", ActualsImports.Format.XAF, in, XafReader.MAX_BYTES,
                  Actor.system("bench"), null);
            }
          });
          long used = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
              used += pool.getPeakUsage().getUsed();
            }
          }
          peak = Math.max(peak, used);
          String what = result[0] instanceof ActualsImports.Result.Imported i
              ? i.realisation().lines() + " lines, " + i.realisation().amounts().size() + " totals"
              : "REFUSED: " + result[0];
          out.printf("%simport (schema-validated SAX, mapping, totals, SHA-256, database): %.2f s (CPU %.2f s; %s)%n", r, imported.wall(),
              imported.cpu(), what);
          out.printf("%sratio import / StAX alone: %.1f (CPU: %.1f); peak heap during the import %,d MB; load average now %s%n", r,
              imported.wall() / stax.wall(), imported.cpu() / stax.cpu(), used >> 20, load());
          out.flush();
          walls.add(imported.wall());
          ratios.add(imported.wall() / stax.wall());
          cpuRatios.add(imported.cpu() / stax.cpu());
        }
      }
      if (rounds > 1) {
        out.printf("import over %d rounds: %s s; ratio to StAX alone %s (CPU %s)%n", rounds, spread(walls), spread(ratios), spread(cpuRatios));
      }
      out.printf("peak heap during the import: %,d MB (sum of the heap pools' peaks; max heap %,d MB); target: <= 30 s and <= 1024 MB%n",
          peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
      out.printf("load average (1, 5, 15 min) at the end: %s on %d processors%n", load(), Runtime.getRuntime().availableProcessors());
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** min / median / max, one decimal. */
  static String spread(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f (min / median / max)", v.get(0), median, v.get(v.size() - 1));
  }

  /** The JDK's SAX parser over the file, nothing done with the events; with the schema the import validates against when asked. */
  private static void sax(Path file, boolean schema) throws Exception {
    SAXParserFactory f = SAXParserFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    if (schema) {
      f.setSchema(XafReader.validatedSchema());
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      f.newSAXParser().parse(in, new DefaultHandler());
    }
  }
}
