package dev.atelier.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindBefore how long before a stage's due time its undecided reviewers are reminded
 * @param escalateAfter how long after the due time the stage's gatekeeper (or the workflow's owner) is told
 * @param deadlineCheck how often due times are checked
 * @param viewersNeedApproval whether viewers may download only approved versions (everyone else may download any)
 */
@ConfigurationProperties("atelier.workflow")
public record WorkflowProperties(@DefaultValue("1d") Duration remindBefore, @DefaultValue("1d") Duration escalateAfter,
        @DefaultValue("1m") Duration deadlineCheck, @DefaultValue("true") boolean viewersNeedApproval) {}
