package nl.begroot.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import nl.begroot.core.figures.Document;
import nl.begroot.core.figures.Table;
import nl.begroot.core.rounding.PrintedFigures;
import nl.begroot.render.CsvRenderer;
import nl.begroot.render.CsvText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report beside the budget published from one document (the Tussenrapportage, {@link MidyearDocument};
 * the Jaarrekening, {@link AccountsDocument}): the same five files from the same figures — the page as
 * HTML and as a tagged PDF (a {@link ReportPage} in the budget document's style), a workbook, the tables
 * as CSV in the budget's open-data layout, and a JSON of the report's own. What they share is here once:
 * the file names, writing one, their content types, the CSV, and the workbook's table and exact sheets.
 */
public interface ReportDocument {
  /** The name the files share ("tussenrapportage": {@code tussenrapportage.pdf}, ...). */
  String fileBase();

  /** The document whose tables the files print. */
  Document document();

  /** Its figures as printed (the pipeline's controlled rounding). */
  PrintedFigures printed();

  /** The date the files carry (the version's adoption, else the day it last changed); the PDF's bytes depend on it. */
  java.time.LocalDate date();

  /** The whole report as one XHTML page; {@code forPdf} for the print stylesheet, bookmarks and running footer. */
  String html(boolean forPdf);

  /** The report as JSON (exact cents). */
  String json();

  /** The workbook. */
  void xlsx(OutputStream out) throws IOException;

  /** The file formats, by the name of the download. */
  static List<String> files(String base) {
    return List.of(base + ".html", base + ".pdf", base + ".xlsx", base + ".csv", base + ".json");
  }

  /** This report's downloads ({@link #files(String)}). */
  default List<String> files() {
    return files(fileBase());
  }

  /** Writes {@code file} (one of {@link #files()}); false when it is none. */
  default boolean write(String file, OutputStream out) throws IOException {
    String base = fileBase();
    if (file.equals(base + ".html")) {
      out.write(html(false).getBytes(StandardCharsets.UTF_8));
    } else if (file.equals(base + ".pdf")) {
      Pdf.write(html(true), date(), out);
    } else if (file.equals(base + ".xlsx")) {
      xlsx(out);
    } else if (file.equals(base + ".csv")) {
      out.write(csv().getBytes(StandardCharsets.UTF_8));
    } else if (file.equals(base + ".json")) {
      out.write(json().getBytes(StandardCharsets.UTF_8));
    } else {
      return false;
    }
    return true;
  }

  /** The tables as CSV, the budget's open-data layout ({@link CsvRenderer#HEADER}). */
  default String csv() {
    StringBuilder s = new StringBuilder(CsvRenderer.HEADER);
    for (Table t : document().tables()) {
      s.append(CsvRenderer.render(document(), printed(), t));
    }
    return s.toString();
  }

  /** The content type of {@code file}. */
  static String contentType(String file) {
    return file.endsWith(".pdf") ? "application/pdf" : file.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : file.endsWith(".csv") ? "text/csv; charset=utf-8" : file.endsWith(".json") ? "application/json" : "text/html; charset=utf-8";
  }

  /**
   * One sheet per table of the document with the printed figures (x € 1.000), as the page prints them:
   * the title, the column labels, a row per table row (text made inert for spreadsheets).
   */
  static void tableSheets(Workbook wb, Document document, PrintedFigures printed, Function<Table, String> sheetName) {
    for (Table t : document.tables()) {
      Worksheet ws = wb.newWorksheet(sheetName.apply(t));
      ws.value(0, 0, CsvText.inert(t.title() + (t.inThousands() ? " (x € 1.000)" : " (x € 1)")));
      ws.style(0, 0).bold().set();
      for (int c = 0; c < t.columns().size(); c++) {
        ws.value(1, c + 1, t.columns().get(c).label());
        ws.style(1, c + 1).bold().set();
      }
      int r = 2;
      for (Table.Row row : t.rows()) {
        ws.value(r, 0, CsvText.inert(row.label()));
        for (int c = 0; c < row.cells().size(); c++) {
          String id = row.cells().get(c).figureId();
          if (id != null) {
            ws.value(r, c + 1, printed.value(t.inThousands(), id).orElseThrow());
          }
        }
        r++;
      }
      ws.width(0, 50);
    }
  }

  /** The sheet "Exact": every figure of the document with its id, label and exact amount in euros (two decimals). */
  static void exactSheet(Workbook wb, Document document) {
    Worksheet exact = wb.newWorksheet("Exact");
    List<String> header = List.of("figuur", "omschrijving", "euro");
    for (int c = 0; c < header.size(); c++) {
      exact.value(0, c, header.get(c));
      exact.style(0, c).bold().set();
    }
    int r = 1;
    for (var f : document.graph().all()) {
      exact.value(r, 0, f.id());
      exact.value(r, 1, CsvText.inert(f.label()));
      exact.value(r, 2, BigDecimal.valueOf(f.cents(), 2));
      exact.style(r, 2).format("#,##0.00").set();
      r++;
    }
  }
}
