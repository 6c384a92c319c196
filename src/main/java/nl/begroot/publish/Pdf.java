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

  static void write(String xhtml, OutputStream out) throws IOException {
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
    builder.run();
  }
}
