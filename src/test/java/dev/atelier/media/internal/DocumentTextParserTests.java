package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.internal.TextFrames.TextRequest;
import dev.atelier.media.internal.TextFrames.TextResponse;
import dev.atelier.testsupport.TestDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker side of text extraction, called directly (the application runs it in a media worker). */
class DocumentTextParserTests {

    @TempDir
    Path dir;

    @Test
    void readsTheTextOfAPdfAndADocx() throws Exception {
        TextResponse pdf = extract(TestDocuments.pdfWithText("Harbour lights at dawn", "second line"), "application/pdf", 1000);
        TextResponse docx = extract(TestDocuments.docx("Quarterly brand review", "Tide tables"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1000);

        assertThat(pdf.outcome()).isEqualTo("ok");
        assertThat(pdf.text()).contains("Harbour lights at dawn").contains("second line");
        assertThat(pdf.truncated()).isFalse();
        assertThat(docx.text()).isEqualTo("Quarterly brand review\nTide tables");
    }

    @Test
    void readsMarkdownAndCsvAsTheyAre() throws Exception {
        assertThat(extract("# Tide tables\n\nHigh water *06:40*".getBytes(), "text/x-web-markdown", 1000).text())
                .isEqualTo("# Tide tables\n\nHigh water *06:40*");
        assertThat(extract("port,depth\nDover,12\n".getBytes(), "text/csv", 1000).text()).contains("Dover").contains("12");
    }

    @Test
    void keepsTheStartOfATextLongerThanTheLimitAndSaysSo() throws Exception {
        TextResponse response = extract(TestDocuments.docx("alpha ".repeat(40), "omega"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 50);

        assertThat(response.outcome()).isEqualTo("ok");
        assertThat(response.truncated()).isTrue();
        assertThat(response.text()).hasSizeLessThanOrEqualTo(50).startsWith("alpha alpha").doesNotContain("omega");
    }

    @Test
    void saysWhyADamagedFileHasNoTextAndRefusesTypesWithoutText() throws Exception {
        TextResponse damaged = extract("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R".getBytes(), "application/pdf", 1000);
        TextResponse video = extract(new byte[] {0, 0, 0, 24}, "video/mp4", 1000);
        TextResponse html = extract("<p>markup</p>".getBytes(), "text/html", 1000);

        assertThat(damaged.outcome()).isEqualTo("failed");
        assertThat(damaged.message()).startsWith("the file could not be read as a document");
        assertThat(video.outcome()).isEqualTo("unsupported");
        assertThat(html.outcome()).isEqualTo("unsupported");
    }

    @Test
    void fetchesNothingADocumentPointsAt() throws Exception {
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            String content = "<?xml version=\"1.0\"?><!DOCTYPE office:document-content SYSTEM \"" + url + "doc.dtd\" [<!ENTITY remote SYSTEM \""
                    + url + "entity\">]><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                    + "<text:p>Tide tables &remote;</text:p></office:text></office:body></office:document-content>";

            TextResponse response = extract(odt(content), "application/vnd.oasis.opendocument.text", 1000);

            assertThat(response.text()).as(response.toString()).contains("Tide tables").doesNotContain("entity");
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    /** An OpenDocument text: the stored mimetype entry first, then the content. */
    private static byte[] odt(String contentXml) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes();
            var entry = new java.util.zip.ZipEntry("mimetype");
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            entry.setSize(mimetype.length);
            var crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write(contentXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void textTravelsThroughTheWorkerFramesWhateverItsLength() throws Exception {
        String text = "é€😀 ".repeat(30_000);
        var bytes = new ByteArrayOutputStream();
        TextResponse.ok(text, true).write(new DataOutputStream(bytes));

        TextResponse read = TextResponse.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read).isEqualTo(TextResponse.ok(text, true));
    }

    @Test
    void cleanupRemovesControlCharactersAndNeverSplitsASurrogatePair() {
        assertThat(TextCleanup.clean("a\u0000b\r\n\n\n\n c  \n", 100)).isEqualTo("a b\n\n c");
        assertThat(TextCleanup.clean("ab😀", 3)).isEqualTo("ab");
    }

    private TextResponse extract(byte[] bytes, String mediaType, int maxChars) throws Exception {
        Path file = Files.write(dir.resolve("input"), bytes);
        return DocumentTextParser.extract(new TextRequest(file.toString(), mediaType, maxChars));
    }
}
