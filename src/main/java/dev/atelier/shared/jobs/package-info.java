/**
 * Durable background jobs (db-scheduler). Modules declare their tasks as beans and schedule them
 * through {@link com.github.kagkarlsson.scheduler.SchedulerClient}.
 */
@NullMarked
package dev.atelier.shared.jobs;

import org.jspecify.annotations.NullMarked;
