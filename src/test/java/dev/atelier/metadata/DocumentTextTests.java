package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.UniqueWords;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The text of PDFs and Office documents, read in the media workers, kept per version and found by search. */
class DocumentTextTests extends IntegrationTest {

    @Test
    void findsAPdfAndAWordDocumentByAWordOfTheirText() {
        String inPdf = UniqueWords.next();
        String inDocx = UniqueWords.next();
        String pdf = upload(admin(), "brochure.pdf", TestDocuments.pdfWithText("Harbour lights", "spring " + inPdf + " campaign"));
        String docx = upload(admin(), "minutes.docx", TestDocuments.docx("Minutes of the brand meeting", "Decided: " + inDocx));

        JsonNode pdfText = awaitText(admin(), pdf);
        JsonNode docxText = awaitText(admin(), docx);

        assertThat(pdfText.get("status").asString()).isEqualTo("extracted");
        assertThat(pdfText.get("source").asString()).isEqualTo("document");
        assertThat(pdfText.get("text").asString()).contains("spring " + inPdf + " campaign");
        assertThat(pdfText.get("length").asInt()).isEqualTo(pdfText.get("text").asString().length());
        assertThat(pdfText.get("truncated").asBoolean()).isFalse();
        assertThat(docxText.get("text").asString()).isEqualTo("Minutes of the brand meeting\nDecided: " + inDocx);
        assertThat(onlyHit(inPdf)).isEqualTo(pdf);
        assertThat(onlyHit("content:" + inPdf)).isEqualTo(pdf);
        assertThat(onlyHit(inDocx)).isEqualTo(docx);
        assertThat(onlyHit("content:" + inDocx + " type:document")).isEqualTo(docx);
        assertThat(search("title:" + inDocx).get("total").asLong()).isZero();
    }

    @Test
    void keepsTheFirstMillionCharactersOfALongerTextAndSaysItWasCut() {
        String first = UniqueWords.next();
        String last = UniqueWords.next();
        String text = first + " " + "lorem ipsum dolor ".repeat(60_000) + last;
        String id = upload(admin(), "long.txt", text.getBytes(StandardCharsets.UTF_8));

        JsonNode found = awaitText(admin(), id);

        assertThat(found.get("status").asString()).isEqualTo("extracted");
        assertThat(found.get("truncated").asBoolean()).isTrue();
        assertThat(found.get("length").asInt()).isEqualTo(1_000_000);
        assertThat(found.get("text").asString()).startsWith(first + " lorem").doesNotContain(last);
        assertThat(onlyHit("content:" + first)).isEqualTo(id);
    }

    @Test
    void recordsWhyADamagedOrEncryptedPdfHasNoTextAndKeepsTheAsset() throws Exception {
        byte[] damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Kids [".getBytes(StandardCharsets.ISO_8859_1);
        String broken = upload(admin(), "broken.pdf", damaged);
        String locked = upload(admin(), "locked.pdf", encrypted(TestDocuments.pdfWithText("secret " + UniqueWords.next())));

        JsonNode brokenText = awaitText(admin(), broken);
        JsonNode lockedText = awaitText(admin(), locked);

        assertThat(brokenText.get("status").asString()).isEqualTo("failed");
        assertThat(brokenText.get("reason").asString()).contains("could not be read");
        assertThat(lockedText.get("status").asString()).isEqualTo("failed");
        assertThat(lockedText.get("reason").asString()).contains("encrypted");
        assertThat(admin().get("/api/v1/assets/" + broken).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/assets/" + locked).status()).isEqualTo(200);
    }

    @Test
    void onlyThoseWhoMaySeeTheAssetReadItsText() {
        String word = UniqueWords.next();
        Api owner = as("owner-text", Role.CONTRIBUTOR);
        String id = upload(owner, "plan.pdf", TestDocuments.pdfWithText("merger plan " + word));
        assertThat(owner.json("PATCH", "/api/v1/assets/" + id, "{\"confidential\":true}").status()).isEqualTo(200);

        assertThat(awaitText(owner, id).get("text").asString()).contains(word);
        assertThat(awaitText(as("manager-text", Role.MANAGER), id).get("text").asString()).contains(word);
        Api.Response denied = as("viewer-text", Role.VIEWER).get("/api/v1/assets/" + id + "/text");
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(denied.text()).doesNotContain(word);
        assertThat(owner.get("/api/v1/assets/" + id + "/text?version=7").status()).isEqualTo(404);
    }

    private static String upload(Api api, String name, byte[] bytes) {
        return api.upload("/api/v1/assets", Multipart.file(name, null, bytes)).json().get("id").asString();
    }

    static JsonNode awaitText(Api api, String id) {
        return Poll.until(() -> api.get("/api/v1/assets/" + id + "/text").json(), t -> !t.get("status").asString().equals("pending"),
                Duration.ofSeconds(60));
    }

    private JsonNode search(String query) {
        return admin().get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json();
    }

    /** The id of the one asset the query finds, once the index has it. */
    String onlyHit(String query) {
        JsonNode result = Poll.until(() -> search(query), r -> r.get("total").asLong() == 1, Duration.ofSeconds(10));
        return result.get("items").get(0).get("id").asString();
    }

    private static byte[] encrypted(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf); var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }
}
