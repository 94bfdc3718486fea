package dev.atelier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd|passwd",
            "..\\..\\windows\\system32\\cmd.exe|cmd.exe",
            "C:\\Users\\ana\\Desktop\\brief.pdf|brief.pdf",
            "/absolute/path/photo.jpg|photo.jpg",
            "..|upload",
            "...|upload",
            "''|upload",
            "report.pdf.   |report.pdf",
            "  spaced name .png  |spaced name .png",
    })
    void keepsOnlyTheLastPathSegment(String raw, String expected) {
        assertThat(FileNames.sanitize(raw)).isEqualTo(expected);
    }

    @Test
    void removesControlCharacters() {
        assertThat(FileNames.sanitize("in\u0000voice\r\n.pdf\u0007")).isEqualTo("invoice.pdf");
        assertThat(FileNames.sanitize("tab\tbed\u007f.txt")).isEqualTo("tabbed.txt");
    }

    @Test
    void neutralisesBidirectionalOverrides() {
        // "invoice\u202Egpj.exe" displays as "invoiceexe.jpg"
        assertThat(FileNames.sanitize("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(FileNames.sanitize("a\u2066b\u2069c\u200F.png")).isEqualTo("abc.png");
    }

    @Test
    void removesInvisibleCharacters() {
        assertThat(FileNames.sanitize("ze\u200Bro\uFEFF.jpg")).isEqualTo("zero.jpg");
    }

    @Test
    void keepsInternationalNamesInComposedForm() {
        assertThat(FileNames.sanitize("Cafe\u0301 Zürich 東京.jpg")).isEqualTo("Café Zürich 東京.jpg");
    }

    @Test
    void shortensLongNamesButKeepsTheExtension() {
        String name = FileNames.sanitize("x".repeat(400) + ".jpeg");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".jpeg");
    }

    @Test
    void treatsAMissingNameAsUpload() {
        assertThat(FileNames.sanitize(null)).isEqualTo("upload");
    }
}
