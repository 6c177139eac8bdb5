package borderwatch.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The report's XHTML page drawn to PDF for printing, so it says exactly what the HTML says. The serif
 * font travels in the jar (DejaVu Serif, with Vietnamese): a server without fonts still prints the
 * diacritics, and the PDF embeds what it uses.
 */
final class ReportPdf {

    private static final Map<String, Integer[]> FACES = Map.of(
            "DejaVuSerif.ttf", new Integer[] {400, 0}, "DejaVuSerif-Bold.ttf", new Integer[] {700, 0},
            "DejaVuSerif-Italic.ttf", new Integer[] {400, 1}, "DejaVuSerif-BoldItalic.ttf", new Integer[] {700, 1});

    private ReportPdf() {
    }

    static byte[] render(ReportDocument d) {
        // The PDF names its font once, so the page asks for the bundled face by name first.
        String page = ReportHtml.render(d).replace("font-family: \"Times New Roman\"",
                "font-family: \"BorderWatch Serif\", \"Times New Roman\"");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            FACES.forEach((file, face) -> builder.useFont(() -> font(file), "BorderWatch Serif", face[0],
                    face[1] == 1 ? PdfRendererBuilder.FontStyle.ITALIC : PdfRendererBuilder.FontStyle.NORMAL, true));
            builder.withHtmlContent(page, null);
            builder.withProducer("BorderWatch");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the report as PDF", e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = ReportPdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font " + file + " is missing from the jar");
        }
        return in;
    }
}
