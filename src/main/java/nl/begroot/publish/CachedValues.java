package nl.begroot.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Puts the value of every formula into the workbook next to the formula ({@code <f>…</f><v>…</v>}),
 * as Excel itself saves it: a viewer that does not calculate (a phone's preview, a mail client, a
 * finance system's import) then shows the numbers, and Excel still recalculates when a share changes.
 * fastexcel writes formulas without a value; this rewrites its sheets once, after it closed the file.
 */
final class CachedValues {
  private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
  private static final Pattern FORMULA_CELL = Pattern.compile("<c r=\"([A-Z]+\\d+)\"([^>]*)><f>([^<]*)</f></c>");

  private CachedValues() {}

  static void insert(byte[] workbook, WorkbookExport.Cached cached, OutputStream out) throws IOException {
    // fastexcel streams its entries with the sizes after the data, which ZipInputStream refuses for
    // stored entries; ZipFile reads the central directory instead
    java.nio.file.Path file = java.nio.file.Files.createTempFile("begroot-", ".xlsx");
    try {
      java.nio.file.Files.write(file, workbook);
      insert(file, cached, out);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  private static void insert(java.nio.file.Path file, WorkbookExport.Cached cached, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out); // finished, not closed: the caller owns the stream
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] bytes;
        try (var entry = in.getInputStream(e)) {
          bytes = entry.readAllBytes();
        }
        Matcher m = SHEET.matcher(e.getName());
        if (m.matches()) {
          int index = Integer.parseInt(m.group(1)) - 1; // fastexcel numbers the sheets in the order they were made
          Map<String, String> values = index < cached.sheets.size() ? cached.values.get(cached.sheets.get(index)) : null;
          if (values != null) {
            bytes = withValues(new String(bytes, StandardCharsets.UTF_8), values, e.getName()).getBytes(StandardCharsets.UTF_8);
          }
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    zip.finish();
    zip.flush();
  }

  private static String withValues(String xml, Map<String, String> values, String name) {
    Matcher m = FORMULA_CELL.matcher(xml);
    StringBuilder sb = new StringBuilder(xml.length() + values.size() * 16);
    int found = 0;
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for the formula in " + name + "!" + m.group(1));
      }
      found++;
      m.appendReplacement(sb, Matcher.quoteReplacement("<c r=\"" + m.group(1) + "\"" + m.group(2) + "><f>" + m.group(3) + "</f><v>" + value
          + "</v></c>"));
    }
    m.appendTail(sb);
    if (found != values.size()) {
      throw new IllegalStateException(name + ": " + values.size() + " formulas made, " + found + " found in the file");
    }
    return sb.toString();
  }
}
