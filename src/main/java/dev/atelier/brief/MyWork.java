package dev.atelier.brief;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one user has on their plate.
 *
 * @param assigned briefs the user is an assignee of, not rejected; soonest due first
 * @param dueSoon the user's own due dates and milestones (owner or assignee) that are overdue or
 *     due within {@link MyWorkManagement#DUE_SOON_DAYS} days, soonest first
 * @param waitingOnMe submitted briefs the user is to decide at intake, and the user's own briefs
 *     that were returned to them to fix; oldest first
 */
public record MyWork(List<Item> assigned, List<CalendarEntry> dueSoon, List<Item> waitingOnMe) {

    public MyWork {
        assigned = List.copyOf(assigned);
        dueSoon = List.copyOf(dueSoon);
        waitingOnMe = List.copyOf(waitingOnMe);
    }

    /** A brief in one of the lists. @param reason why it is waiting on the user; empty in the assigned list */
    public record Item(BriefId id, String title, BriefStatus status, Optional<LocalDate> due, String reason) {

        public String link() {
            return "/briefs/" + id;
        }
    }
}
