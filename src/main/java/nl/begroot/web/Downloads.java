package nl.begroot.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.begroot.core.model.Member;
import nl.begroot.publish.ProposalImport;
import nl.begroot.publish.Publication;
import nl.begroot.publish.Publisher;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/**
 * Download buttons: the version's document as HTML, PDF and workbook, its open data, a province's
 * statement, and the Excel proposals template read back into a new version. Generated from the
 * same snapshot the pages show; kept per version stamp, so a download after an edit is new.
 */
final class Downloads {
  private final Workspace workspace;
  /** Generated files per version stamp; bounded (a PDF is about half a megabyte). */
  private final ResponseCache cache = new ResponseCache(48);

  Downloads(Workspace workspace) {
    this.workspace = workspace;
  }

  private interface Writer {
    void write(Publication p, java.io.OutputStream out) throws IOException;
  }

  private Snapshot snapshot(Context ctx) {
    return workspace.snapshot(ctx.pathParam("version")).orElseThrow(() -> new Pages.NotFound("versie " + ctx.pathParam("version")));
  }

  private void send(Context ctx, Snapshot s, String what, String contentType, String fileName, Writer writer) {
    send(ctx, s, what, contentType, fileName, writer, false);
  }

  /**
   * Sends a generated file, as an attachment or, {@code inline}, for the browser to show (an HTML
   * document that carries its own styles, allowed by their hashes in this response's policy).
   */
  private void send(Context ctx, Snapshot s, String what, String contentType, String fileName, Writer writer, boolean inline) {
    String key = s.slug() + "@" + s.version().stamp() + "/" + what;
    byte[] bytes = cache.get(key);
    if (bytes == null) { // made outside the map's lock: two first requests may both make it, once
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
      try {
        writer.write(Publication.of(s.computed()), out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes = out.toByteArray();
      cache.put(key, bytes);
    }
    ctx.contentType(contentType);
    ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    if (inline) {
      ctx.header("Content-Security-Policy", SecurityHeaders.withStyleHashes(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    }
    ctx.result(bytes);
  }

  void document(Context ctx) {
    Snapshot s = snapshot(ctx);
    String slug = s.slug();
    switch (ctx.pathParam("file")) {
      case "begroting.html" -> send(ctx, s, "html", "text/html; charset=utf-8", slug + ".html", Publisher::html);
      case "begroting.pdf" -> send(ctx, s, "pdf", "application/pdf", slug + ".pdf", Publisher::pdf);
      case "begroting.xlsx" -> send(ctx, s, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", slug + ".xlsx", Publisher::xlsx);
      case "open-data.zip" -> send(ctx, s, "fdp", "application/zip", slug + "-fiscal-data-package.zip", Publisher::fiscalDataPackage);
      default -> throw new Pages.NotFound("download " + ctx.pathParam("file"));
    }
  }

  void statement(Context ctx) {
    Snapshot s = snapshot(ctx);
    Member m = s.budget().members().stream().filter(x -> x.id().equalsIgnoreCase(ctx.pathParam("member")))
        .findFirst().orElseThrow(() -> new Pages.NotFound("provincie " + ctx.pathParam("member")));
    String file = ctx.pathParam("file");
    if (file.equals("verklaring.pdf")) {
      send(ctx, s, "statement-pdf-" + m.id(), "application/pdf", s.slug() + "-" + m.id() + ".pdf", (p, out) -> Publisher.statementPdf(p, m.id(), out));
    } else if (file.equals("verklaring.html")) {
      send(ctx, s, "statement-html-" + m.id(), "text/html; charset=utf-8", s.slug() + "-" + m.id() + ".html",
          (p, out) -> Publisher.statementHtml(p, m.id(), out), true); // opens in the browser; the PDF and the lines download
    } else if (file.equals("bijdrageregels.csv")) {
      send(ctx, s, "member-lines-csv-" + m.id(), "text/csv; charset=utf-8", s.slug() + "-" + m.id() + "-bijdrageregels.csv",
          (p, out) -> Publisher.memberLinesCsv(p, m.id(), out));
    } else if (file.equals("bijdrageregels.xlsx")) {
      send(ctx, s, "member-lines-xlsx-" + m.id(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          s.slug() + "-" + m.id() + "-bijdrageregels.xlsx", (p, out) -> Publisher.memberLinesXlsx(p, m.id(), out));
    } else {
      throw new Pages.NotFound("download " + file);
    }
  }

  /** The proposals template of an exported workbook, read into a new version. */
  Result importWorkbook(Context ctx) {
    String from = ctx.formParam("from");
    String name = ctx.formParam("name");
    var file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      return new Result(null, List.of(new FieldError("xlsx", "Kies een werkmap (.xlsx).", "Choose a workbook (.xlsx).")), List.of(), 422);
    }
    if (file.size() > nl.begroot.publish.WorkbookLimits.MAX_FILE_BYTES) {
      return new Result(null, List.of(new FieldError("xlsx", "De werkmap is groter dan 16 MB (de grens).",
          "The workbook is larger than 16 MB (the limit).")), List.of(), 413);
    }
    Snapshot s = workspace.snapshot(from == null ? "" : from).orElse(null);
    if (s == null) {
      return new Result(null, List.of(new FieldError("from", "Kies een bestaande versie.", "Choose an existing version.")), List.of(), 422);
    }
    ProposalImport.Result r;
    try (var in = file.content()) {
      r = Publisher.importProposals(in, s.budget());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (r instanceof ProposalImport.Refused refused) {
      return new Result(null, List.of(), refused.problems().stream().map(ProposalImport.CellProblem::toString).toList(),
          refused.tooLarge() ? 413 : 422);
    }
    Workspace.ImportResult result = workspace.importProposals(s.slug(), name, ((ProposalImport.Imported) r).proposals(), Pages.actor(ctx));
    return new Result(result.slug(), result.error() == null ? List.of() : List.of(result.error()),
        result.problems().stream().map(Object::toString).toList(), 422, result.warnings());
  }

  /**
   * The outcome of a workbook import: the new version (with the reader's warnings, if any), or what
   * is wrong and the status to answer it with.
   */
  record Result(String slug, List<FieldError> errors, List<String> problems, int status, List<nl.begroot.format.Problem> warnings) {
    Result(String slug, List<FieldError> errors, List<String> problems, int status) {
      this(slug, errors, problems, status, List.of());
    }
  }
}
