package dev.atelier.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.identity.UserId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTests {

    static final UserId ANA = new UserId(UUID.randomUUID());

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/x", "//evil.example/x", "/\\evil.example", "workflows/1", "/a b", ""})
    void refusesLinksThatLeaveAtelier(String link) {
        assertThatThrownBy(() -> new Notice(ANA, "k", "t", "", link, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cutsLongTextsAndFoldsTheTitleToOneLine() {
        Notice notice = new Notice(ANA, "k", "Line one\r\nline two " + "x".repeat(400), "b".repeat(5000), "/workflows/1?s=2", Optional.empty());

        assertThat(notice.title()).startsWith("Line one line two x").hasSize(Notice.MAX_TITLE).endsWith("…");
        assertThat(notice.body()).hasSize(Notice.MAX_BODY);
    }

    @Test
    void knowsWhenTheRecipientActedThemselves() {
        assertThat(Notice.of(ANA, "k", "t", "", "/x", ANA).bySelf()).isTrue();
        assertThat(Notice.of(ANA, "k", "t", "", "/x", new UserId(UUID.randomUUID())).bySelf()).isFalse();
        assertThat(new Notice(ANA, "k", "t", "", "/x", Optional.empty()).bySelf()).isFalse();
    }
}
