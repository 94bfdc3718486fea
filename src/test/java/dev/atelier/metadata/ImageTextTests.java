package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.RequiredTools;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Text in images, read by tesseract from a rendering the media workers made. */
class ImageTextTests extends IntegrationTest {

    @BeforeAll
    static void needsTesseract() {
        RequiredTools.require("tesseract", "tesseract-ocr", "OCR tests");
    }

    @Test
    void findsAnImageByAWordDrawnInIt() {
        String word = UniqueWords.legible();
        byte[] sign = TestImages.textImage(word, "harbour light");
        String id = admin().upload("/api/v1/assets", Multipart.file("sign.png", null, sign)).json().get("id").asString();

        JsonNode text = Poll.until(() -> admin().get("/api/v1/assets/" + id + "/text").json(),
                t -> !t.get("status").asString().equals("pending"), Duration.ofSeconds(60));

        assertThat(text.get("status").asString()).isEqualTo("extracted");
        assertThat(text.get("source").asString()).isEqualTo("ocr");
        assertThat(text.get("text").asString()).contains(word).contains("harbour light");
        JsonNode found = Poll.until(() -> admin().get("/api/v1/search?q=" + word).json(), r -> r.get("total").asLong() == 1,
                Duration.ofSeconds(10));
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void readsEachPageOfAScannedPdfThatHasNoTextLayer() {
        String first = UniqueWords.legible();
        String second = UniqueWords.legible();
        byte[] scan = TestDocuments.scannedPdf(TestImages.textPage("Memo " + first, "annual plan"), TestImages.textPage("Page two: " + second));
        String id = admin().upload("/api/v1/assets", Multipart.file("scan.pdf", null, scan)).json().get("id").asString();

        JsonNode text = Poll.until(() -> admin().get("/api/v1/assets/" + id + "/text").json(),
                t -> !t.get("status").asString().equals("pending"), Duration.ofSeconds(60));

        assertThat(text.get("status").asString()).as(text.toString()).isEqualTo("extracted");
        assertThat(text.get("source").asString()).isEqualTo("ocr");
        assertThat(text.get("text").asString()).contains(first).contains("annual plan").contains(second);
        JsonNode found = Poll.until(() -> admin().get("/api/v1/search?q=" + second).json(), r -> r.get("total").asLong() == 1,
                Duration.ofSeconds(10));
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aPdfWithATextLayerKeepsItsOwnTextAndIsNotReadByOcr() {
        String word = UniqueWords.legible();
        String id = admin().upload("/api/v1/assets", Multipart.file("typed.pdf", null,
                TestDocuments.pdfWithText("Minutes of the " + word + " meeting held on the first Monday of March"))).json().get("id").asString();

        JsonNode text = Poll.until(() -> admin().get("/api/v1/assets/" + id + "/text").json(),
                t -> !t.get("status").asString().equals("pending"), Duration.ofSeconds(60));

        assertThat(text.get("source").asString()).isEqualTo("document");
        assertThat(text.get("text").asString()).contains(word);
    }

    @Test
    void aPdfWithAFewTypedWordsKeepsThemExactlyWhenItsPagesAreReadByOcrToo() {
        String word = UniqueWords.next();
        String id = admin().upload("/api/v1/assets", Multipart.file("memo.pdf", null, TestDocuments.pdfWithText("memo " + word)))
                .json().get("id").asString();

        JsonNode text = Poll.until(() -> admin().get("/api/v1/assets/" + id + "/text").json(),
                t -> !t.get("status").asString().equals("pending"), Duration.ofSeconds(60));

        assertThat(text.get("source").asString()).isEqualTo("document");
        assertThat(text.get("text").asString()).startsWith("memo " + word);
    }
}
