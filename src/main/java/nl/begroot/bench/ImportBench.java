package nl.begroot.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import nl.begroot.core.access.Actor;
import nl.begroot.core.model.Budget;
import nl.begroot.format.BudgetFiles;
import nl.begroot.format.LoadResult;
import nl.begroot.format.XafReader;
import nl.begroot.format.XafWriter;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.workspace.ActualsImports;
import nl.begroot.workspace.Workspace;

/**
 * {@code begroot bench import}: writes an auditfile of {@code lines} journal lines (made-up bookings
 * on the IPO's units, {@link ActualsFiles#bulk}), parses it with the JDK's StAX reader alone (every
 * event pulled, nothing done with it), then imports it as {@code begroot import-actuals} does (the
 * schema validated in the same pass, the mapping, the totals, the database write, on an embedded H2
 * in a temporary directory), in the same run; prints both times, their ratio, the peak heap of the
 * import and the machine's load average.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void run(long lines, PrintWriter out) throws Exception {
    Budget ipo = ((LoadResult.Loaded) BudgetFiles.loadBuiltIn()).budget();
    Path dir = Files.createTempDirectory("begroot-bench-import");
    Path file = dir.resolve("bench.xaf");
    try {
      long t0 = System.nanoTime();
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        XafWriter.write(w, 2026, "Bench", ActualsFiles.accounts(), ActualsFiles.bulk(ipo, lines), "Begroot bench");
      }
      out.printf("generated %s: %,d journal lines, %,d MB in %.1f s%n", file.getFileName(), lines / 4 * 4, Files.size(file) >> 20,
          (System.nanoTime() - t0) / 1e9);
      out.flush();

      long t1 = System.nanoTime();
      long events = 0;
      XMLInputFactory f = XMLInputFactory.newDefaultFactory();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        XMLStreamReader r = f.createXMLStreamReader(in);
        while (r.next() != XMLStreamConstants.END_DOCUMENT) {
          events++;
        }
      }
      double stax = (System.nanoTime() - t1) / 1e9;
      out.printf("StAX alone (JDK, every event pulled): %.2f s (%,d events)%n", stax, events);
      out.flush();

      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      try (Database db = Database.open(DatabaseUrl.h2File(dir.resolve("db")))) {
        Workspace workspace = new Workspace(db);
        workspace.seedIfEmpty(ipo, Actor.system("bench"));
        workspace.snapshot(Workspace.CONCEPT); // computed once, as a running server has it before the first upload
        long t2 = System.nanoTime();
        ActualsImports.Result r;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
          r = workspace.actuals().importFile(Workspace.CONCEPT, "bench.xaf", ActualsImports.Format.XAF, in, XafReader.MAX_BYTES,
              Actor.system("bench"), null);
        }
        double imported = (System.nanoTime() - t2) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            peak += pool.getPeakUsage().getUsed();
          }
        }
        String what = r instanceof ActualsImports.Result.Imported i
            ? i.realisation().lines() + " lines, " + i.realisation().amounts().size() + " totals"
            : "REFUSED: " + r;
        out.printf("import (schema-validated StAX, mapping, totals, database): %.2f s (%s)%n", imported, what);
        out.printf("ratio import / StAX alone: %.1f%n", imported / stax);
        out.printf("peak heap during the import: %,d MB (sum of the heap pools' peaks; max heap %,d MB); target: <= 30 s and <= 1024 MB%n",
            peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
      }
      out.printf("load average (1 min) at the end: %.2f on %d processors%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
