package dev.mimik.eval.report;

import dev.mimik.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A self-contained {@code report.html}: headings, paragraphs, tables and charts, with every chart inlined as a PNG
 * data URI so the file can be mailed or archived alone. Callers add sections in order, then {@link #write} it.
 *
 * <p>Charts are rendered when added (XChart, which needs no display when {@code java.awt.headless} is true).
 */
public final class HtmlReport {

  private final String title;
  private final StringBuilder body = new StringBuilder();

  public HtmlReport(String title) {
    this.title = title;
  }

  /** Starts a section with this heading. */
  public HtmlReport heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  /** A paragraph of plain text. */
  public HtmlReport paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A table with a header row; cells are shown with {@code String.valueOf}, numbers as given. */
  public HtmlReport table(List<String> header, List<? extends List<?>> rows) {
    body.append("<table>\n<thead><tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr></thead>\n<tbody>\n");
    for (List<?> row : rows) {
      body.append("<tr>");
      row.forEach(c -> body.append(c instanceof Number ? "<td class=\"num\">" : "<td>")
          .append(escape(String.valueOf(c))).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return this;
  }

  /** A chart, rendered now as a PNG, with a caption under it. */
  public HtmlReport chart(String caption, Chart<?, ?> chart) {
    try {
      return image(caption, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("a chart could not be rendered", e);
    }
  }

  /** A PNG image given as bytes, with a caption under it. */
  public HtmlReport image(String caption, byte[] png) {
    body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
        .append("</figcaption></figure>\n");
    return this;
  }

  /** The whole document. */
  public String toHtml() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n<style>\n"
        + "body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}\n"
        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em}\n"
        + "td.num{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%}\n"
        + "figure{margin:1em 0}figcaption{color:#555;font-size:.9em}\n"
        + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
  }

  /** Writes the report, all or nothing. */
  public void write(Path file) throws IOException {
    AtomicFiles.writeString(file, toHtml());
  }

  /** Text as HTML character data or attribute value. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
