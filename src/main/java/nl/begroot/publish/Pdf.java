package nl.begroot.publish;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;

/**
 * XHTML to a tagged, accessible PDF (PDF/UA-1) with openhtmltopdf: the title and language come
 * from the page, the fonts (DejaVu Sans, bundled with Begroot) are embedded, headings become
 * bookmarks, tables keep their header cells and repeat their header row on a new page.
 */
final class Pdf {
  private static final byte[] REGULAR = Html.bytes("fonts/DejaVuSans.ttf");
  private static final byte[] BOLD = Html.bytes("fonts/DejaVuSans-Bold.ttf");

  static {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false); // its INFO lines would flood the command line's stderr
    // PDFBox and FontBox log every glyph substitution at DEBUG; without a logging configuration
    // Logback prints DEBUG, which floods the output and costs most of the PDF's time.
    for (String name : new String[] {"org.apache.pdfbox", "org.apache.fontbox", "com.openhtmltopdf", "org.apache.xmlgraphics", "org.apache.batik"}) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger && logger.getLevel() == null) {
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }

  private Pdf() {}

  /**
   * Writes the PDF. Its bytes depend on the page and {@code date} alone: the creation date in the
   * document information and the XMP metadata is {@code date} at midnight in Amsterdam (left out
   * when null) instead of the moment of writing, and the file identifier is derived from the page,
   * not from the clock. So a version gives the same file every time it is downloaded.
   */
  static void write(String xhtml, java.time.LocalDate date, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.withProducer("Begroot");
    var useCases = EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.SVG,
        BaseRendererBuilder.FSFontUseCase.FALLBACK_FINAL);
    builder.useFont(() -> new ByteArrayInputStream(REGULAR), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true, useCases);
    builder.useFont(() -> new ByteArrayInputStream(BOLD), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true, useCases);
    builder.useSVGDrawer(new BatikSVGDrawer());
    builder.withHtmlContent(xhtml, "about:blank");
    builder.toStream(out);
    try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.setListener(new com.openhtmltopdf.pdfboxout.PDFCreationListener() {
        @Override
        public void preOpen(com.openhtmltopdf.pdfboxout.PdfBoxRenderer r) {}

        @Override
        public void preWrite(com.openhtmltopdf.pdfboxout.PdfBoxRenderer r, int pageCount) {}

        @Override
        public void onClose(com.openhtmltopdf.pdfboxout.PdfBoxRenderer r) { // after the pages, before the save
          fixDates(r.getPdfDocument(), date, xhtml);
        }
      });
      renderer.layout();
      renderer.createPDF();
    }
  }

  private static final java.util.regex.Pattern XMP_DATE =
      java.util.regex.Pattern.compile("<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\\1>");

  private static void fixDates(org.apache.pdfbox.pdmodel.PDDocument doc, java.time.LocalDate date, String xhtml) {
    java.util.Calendar at = null;
    String xmpDate = "";
    if (date != null) {
      java.time.ZonedDateTime midnight = date.atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam"));
      at = java.util.GregorianCalendar.from(midnight);
      xmpDate = midnight.toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    doc.getDocumentInformation().setCreationDate(at);
    doc.getDocumentInformation().setModificationDate(null);
    doc.setDocumentId(Long.valueOf(xhtml.hashCode() * 31L + (date == null ? 0 : date.toEpochDay())));
    var metadata = doc.getDocumentCatalog().getMetadata();
    if (metadata != null) {
      try {
        String xmp = new String(metadata.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = XMP_DATE.matcher(xmp);
        StringBuilder fixed = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(fixed, java.util.regex.Matcher.quoteReplacement(
              date == null ? "" : "<xmp:" + m.group(1) + ">" + xmpDate + "</xmp:" + m.group(1) + ">"));
        }
        m.appendTail(fixed);
        metadata.importXMPMetadata(fixed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
