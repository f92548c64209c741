package in.mdm.finance.enrollment;

import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.finance.allocation.AllocationService;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Keeps finance-service's copy of each school's enrollment current, and its allocation
 * with it; each event applied once.
 */
@Component
@EventConsumer(EnrollmentEventListener.CONSUMER)
class EnrollmentEventListener {

    static final String CONSUMER = "finance.enrollments";

    private final EnrollmentRepository enrollments;

    private final AllocationService allocations;

    EnrollmentEventListener(EnrollmentRepository enrollments, AllocationService allocations) {
        this.enrollments = enrollments;
        this.allocations = allocations;
    }

    @EventHandler
    void on(List<EnrollmentUpdated> events) {
        for (EnrollmentUpdated updated : events) {
            if (enrollments.upsert(updated)) {
                // an existing allocation follows the new enrollment, never below what has
                // been released
                allocations.recalculateSchool(updated.udiseCode(), updated.academicYear());
            }
        }
    }

}
