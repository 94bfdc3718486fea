/**
 * Review and approval: workflow templates (stages with reviewers, quorum rules, gatekeepers, due
 * times, in parallel or in sequence; YAML import and export), routing rules that pick a template
 * and add stages from brief fields, workflows (one review round of one asset version), immutable
 * decisions, reminders and escalation, and the outcome: an approved (or rejected) version.
 * Publishes {@link dev.atelier.workflow.WorkflowEvent}s for analytics, audit and webhooks.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "asset", "brief", "metadata", "storage", "proofing", "notification"})
package dev.atelier.workflow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
