/**
 * Planning: brief templates (ordered typed fields, intake reviewers, guideline assets), briefs
 * (values, assignees, acceptance criteria, linked assets both ways, comments, intake decisions),
 * admin rules that add disclaimers and mandatory steps on save, boards (kanban) and the calendar
 * with its iCalendar feeds. Publishes {@link dev.atelier.brief.BriefSubmitted} and the intake
 * decisions so boards, notifications and workflows follow.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "asset", "metadata", "search"})
package dev.atelier.brief;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
