package dev.atelier.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small documents generated for tests. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /**
     * A valid PDF of {@code pages} pages of {@code width} × {@code height} points, each with its
     * left half red (220,30,30) and its right half blue (30,60,220) — except that from page 2 on
     * the left half is green (30,200,60), so a test can tell the first page from the others.
     */
    public static byte[] pdf(int pages, int width, int height) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + 2 * i).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages + " >>");
        for (int i = 0; i < pages; i++) {
            String left = i == 0 ? "0.863 0.118 0.118" : "0.118 0.784 0.235";
            String content = String.format(java.util.Locale.ROOT, "%s rg 0 0 %d %d re f 0.118 0.235 0.863 rg %d 0 %d %d re f",
                    left, width / 2, height, width / 2, width - width / 2, height);
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + width + " " + height + "] /Contents " + (4 + 2 * i)
                    + " 0 R >>");
            objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        }
        return assemble(objects);
    }

    /** A one-page PDF whose text layer holds the lines (Helvetica, ASCII only), as a word processor would write it. */
    public static byte[] pdfWithText(String... lines) {
        StringBuilder content = new StringBuilder("BT /F1 18 Tf 72 720 Td 22 TL");
        for (String line : lines) {
            content.append(" (").append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") '");
        }
        content.append(" ET");
        return assemble(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    }

    /**
     * A PDF as a scanner writes it: each page is one JPEG picture filling a letter page, with no
     * text layer at all, so only OCR finds the words drawn in the pictures.
     */
    public static byte[] scannedPdf(java.awt.image.BufferedImage... pages) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            kids.append(3 + 3 * i).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.length + " >>");
        for (int i = 0; i < pages.length; i++) {
            var page = pages[i];
            int height = Math.round(612f * page.getHeight() / page.getWidth());
            String content = "q 612 0 0 " + height + " 0 0 cm /Scan Do Q";
            byte[] jpeg = TestImages.encode(page, "jpeg");
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 " + height + "] /Resources << /XObject << /Scan " + (5 + 3 * i)
                    + " 0 R >> >> /Contents " + (4 + 3 * i) + " 0 R >>");
            objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
            objects.add("<< /Type /XObject /Subtype /Image /Width " + page.getWidth() + " /Height " + page.getHeight()
                    + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length " + jpeg.length + " >>\nstream\n"
                    + new String(jpeg, StandardCharsets.ISO_8859_1) + "\nendstream");
        }
        return assemble(objects);
    }

    /** A Word document (.docx) of one paragraph per text, written by Apache POI. */
    public static byte[] docx(String... paragraphs) {
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new ByteArrayOutputStream()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Numbered objects, a cross-reference table and a trailer around them. */
    private static byte[] assemble(List<String> objects) {
        var out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /**
     * A flat Photoshop file (RGB, 8 bits, no layers, raw image data): only the composite image
     * that every PSD carries.
     */
    public static byte[] psd(int width, int height, java.awt.Color color) {
        var bytes = new ByteArrayOutputStream();
        try (var data = new java.io.DataOutputStream(bytes)) {
            data.writeBytes("8BPS");
            data.writeShort(1);
            data.write(new byte[6]);
            data.writeShort(3);
            data.writeInt(height);
            data.writeInt(width);
            data.writeShort(8);
            data.writeShort(3);
            data.writeInt(0);
            data.writeInt(0);
            data.writeInt(0);
            data.writeShort(0);
            for (int channel : new int[] {color.getRed(), color.getGreen(), color.getBlue()}) {
                byte[] plane = new byte[width * height];
                java.util.Arrays.fill(plane, (byte) channel);
                data.write(plane);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
