package nl.begroot.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.begroot.core.model.Member;

/** Writes publications as files into a directory, reporting each step to a progress listener. */
public final class Outputs {
  private Outputs() {}

  /** Told before each step: how many are done, how many there are, and what comes next. */
  @FunctionalInterface
  public interface Progress {
    void step(int done, int total, String what);
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private record Step(String file, Writer writer) {}

  /** The base of the file names, e.g. {@code ipo-cb2027}. */
  public static String baseName(Publication pub) {
    return FiscalDataPackage.name(pub.budget());
  }

  /** Writes the formats into {@code dir} (which must exist); returns the files written. */
  public static List<Path> write(Publication pub, Collection<Format> formats, Path dir, Progress progress) throws IOException {
    String base = baseName(pub);
    List<Step> steps = new ArrayList<>();
    for (Format f : formats) {
      switch (f) {
        case HTML -> steps.add(new Step(base + ".html", out -> Publisher.html(pub, out)));
        case PDF -> steps.add(new Step(base + ".pdf", out -> Publisher.pdf(pub, out)));
        case XLSX -> steps.add(new Step(base + ".xlsx", out -> Publisher.xlsx(pub, out)));
        case FDP -> {
          for (var e : FiscalDataPackage.files(pub).entrySet()) {
            steps.add(new Step(base + "-fdp/" + e.getKey(), out -> out.write(e.getValue())));
          }
        }
        case STATEMENTS -> {
          for (Member m : pub.budget().members()) {
            steps.add(new Step("bijdrage/bijdrage-" + m.id() + ".html", out -> Publisher.statementHtml(pub, m.id(), out)));
            steps.add(new Step("bijdrage/bijdrage-" + m.id() + ".pdf", out -> Publisher.statementPdf(pub, m.id(), out)));
          }
        }
      }
    }
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      progress.step(i, steps.size(), s.file());
      Path target = dir.resolve(s.file());
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling("." + target.getFileName() + ".begroot-tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temp)) {
          s.writer().write(out);
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      written.add(target);
    }
    progress.step(steps.size(), steps.size(), "klaar");
    return written;
  }
}
