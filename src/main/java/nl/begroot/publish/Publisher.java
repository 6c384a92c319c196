package nl.begroot.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import nl.begroot.core.model.Budget;

/**
 * The entry points of publishing, for the command line and the web application's download buttons.
 * Each writes one publication of a {@link Publication} (a budget with its computed document and
 * printed figures) to a stream; the caller owns and closes the stream.
 */
public final class Publisher {
  private Publisher() {}

  /** The whole document as one self-contained HTML file (styles and charts inline; works offline). */
  public static void html(Publication publication, OutputStream out) throws IOException {
    out.write(DocumentHtml.render(publication, false).getBytes(StandardCharsets.UTF_8));
  }

  /** The whole document as a tagged, accessible PDF (PDF/UA-1). */
  public static void pdf(Publication publication, OutputStream out) throws IOException {
    Pdf.write(DocumentHtml.render(publication, true), publication.date(), out);
  }

  /** The tables as an Excel workbook, with live formulas, exact euros and the proposals template. */
  public static void xlsx(Publication publication, OutputStream out) throws IOException {
    WorkbookExport.write(publication, out);
  }

  /** Open data: a Fiscal Data Package (datapackage.json with its CSV file), as a zip archive. */
  public static void fiscalDataPackage(Publication publication, OutputStream out) throws IOException {
    FiscalDataPackage.writeZip(publication, out);
  }

  /** The annual accounts' open data: a Fiscal Data Package with the phases adjusted (budget after amendments) and executed (realisatie), as a zip archive. */
  public static void accountsFiscalDataPackage(nl.begroot.core.model.Budget budget, nl.begroot.core.accounts.AnnualAccounts accounts, OutputStream out)
      throws IOException {
    FiscalDataPackage.writeZip(FiscalDataPackage.accountsFiles(budget, accounts), out);
  }

  /**
   * The Tussenrapportage's open data: a Fiscal Data Package with per programme the budget after amendments (measure adjusted), per unit
   * the realised figures up to the period (executed) and the forecast (a measure without a phase), as a zip archive.
   */
  public static void midyearFiscalDataPackage(Budget budget, nl.begroot.core.midyear.MidyearReport report, OutputStream out) throws IOException {
    FiscalDataPackage.writeZip(FiscalDataPackage.midyearFiles(budget, report), out);
  }

  /** One member's one-page statement ("Bijdrage aan de vereniging") as HTML. */
  public static void statementHtml(Publication publication, String memberId, OutputStream out) throws IOException {
    out.write(Statement.html(publication, memberId, false).getBytes(StandardCharsets.UTF_8));
  }

  /** A member's contribution lines per year and annex column as {@code ;}-separated CSV (docs/member-lines.md). */
  public static void memberLinesCsv(Publication publication, String memberId, OutputStream out) throws IOException {
    MemberLines.csv(publication, Statement.member(publication.budget(), memberId), out);
  }

  /** A member's contribution lines as a workbook of one sheet. */
  public static void memberLinesXlsx(Publication publication, String memberId, OutputStream out) throws IOException {
    MemberLines.xlsx(publication, Statement.member(publication.budget(), memberId), out);
  }

  /** One member's one-page statement as a tagged PDF. */
  public static void statementPdf(Publication publication, String memberId, OutputStream out) throws IOException {
    Pdf.write(Statement.html(publication, memberId, true), publication.date(), out);
  }

  /**
   * Reads proposals from the template sheet of a workbook (as {@link #xlsx} writes it), checked
   * against {@code into} (its units, categories, products, third parties, years). All or nothing:
   * either every proposal, or every bad cell with its sheet and reference.
   */
  public static ProposalImport.Result importProposals(InputStream xlsx, Budget into) {
    return ProposalImport.read(xlsx, into);
  }
}
