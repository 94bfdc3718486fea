package dev.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.metadata.FieldValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Templates written as YAML: read, checked with every problem's place, written back; due times. */
class WorkflowYamlTests {

    static final String CAMPAIGN = """
            name: Campaign review
            stages:
              - key: brand
                reviewers: { users: [bea], groups: [Brand team] }
                gatekeeper: bea
                due: 2 business days
              - key: legal
                reviewers: { roles: [manager] }
                rule: any
              - key: final
                name: Final sign-off
                after: [brand, legal]
                reviewers: { users: carl }
                rule: at-least
                quorum: 1
                due: PT4H
            """;

    @Test
    void readsStagesInParallelAndInSequenceAndWritesThemBack() {
        WorkflowDefinition d = WorkflowYaml.parse(CAMPAIGN);

        assertThat(d.stages()).extracting(StageDefinition::key).containsExactly("brand", "legal", "final");
        assertThat(d.stage("brand").orElseThrow().groups()).containsExactly("Brand team");
        assertThat(d.stage("legal").orElseThrow().rule()).isEqualTo(StageRule.ANY);
        assertThat(d.stage("final").orElseThrow().after()).containsExactly("brand", "legal");
        assertThat(d.stage("final").orElseThrow().users()).containsExactly("carl");
        assertThat(d.stage("final").orElseThrow().due().orElseThrow().duration()).isEqualTo(Duration.ofHours(4));
        assertThat(WorkflowYaml.parse(WorkflowYaml.write(d))).isEqualTo(d);
    }

    @Test
    void namesEveryProblemByItsPlace() {
        assertThatThrownBy(() -> WorkflowYaml.parse("""
                name: ''
                stages:
                  - key: Brand
                    reviewers: {}
                    rule: most
                  - key: b
                    reviewers: { users: [x] }
                    rule: at-least
                    due: soon
                    after: [nowhere]
                """)).isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldValidationException.FieldError::field)
                .containsExactlyInAnyOrder("name", "stages[0].key", "stages[0].reviewers", "stages[0].rule", "stages[1].quorum", "stages[1].due"));
        assertThatThrownBy(() -> WorkflowYaml.parse("name: x\nstages: [ {key: a, reviewers: {users: u}, after: [b]}, "
                + "{key: b, reviewers: {users: u}, after: [a]} ]"))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("circle");
        assertThatThrownBy(() -> WorkflowYaml.parse("name: [unclosed")).hasMessageContaining("not valid YAML");
    }

    @Test
    void businessDaysSkipTheWeekend() {
        Instant friday = Instant.parse("2026-12-04T15:00:00Z");
        assertThat(DueTime.parse("2 business days").orElseThrow().dueAt(friday, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-12-08T15:00:00Z"));
        assertThat(DueTime.parse("3 days").orElseThrow().dueAt(friday, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
        assertThat(DueTime.parse("whenever")).isEmpty();
    }
}
