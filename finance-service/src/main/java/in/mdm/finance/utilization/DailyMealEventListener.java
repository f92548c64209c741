package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.events.EventInbox;

/**
 * Meals actually served, per school and day, from school-service's daily reports; each event applied once, a later
 * report of the same day replacing an earlier one.
 */
@Component
class DailyMealEventListener {

    static final String CONSUMER = "finance.daily-meals";

    private final EventInbox inbox;
    private final UtilizationRepository utilization;

    DailyMealEventListener(EventInbox inbox, UtilizationRepository utilization) {
        this.inbox = inbox;
        this.utilization = utilization;
    }

    @KafkaListener(topics = SchoolTopics.MEALS, groupId = "finance-service.daily-meals")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (event instanceof DailyMealReported report) {
                int primary = primaryMeals(report.mealsServed(), report.attendancePrimary(), report.attendanceUpperPrimary());
                utilization.upsertMeals(report.udiseCode(), report.date(), primary, Math.max(0, report.mealsServed()) - primary,
                        report.occurredAt());
            }
        });
    }

    /**
     * The primary children's part of the day's meals, in proportion to attendance, rounded half-even to a whole meal
     * (all of them when nobody's attendance was reported).
     */
    static int primaryMeals(int meals, int attendancePrimary, int attendanceUpperPrimary) {
        int served = Math.max(0, meals);
        int present = Math.max(0, attendancePrimary) + Math.max(0, attendanceUpperPrimary);
        if (present == 0) {
            return served;
        }
        return BigDecimal.valueOf((long) served * Math.max(0, attendancePrimary))
                .divide(BigDecimal.valueOf(present), 0, RoundingMode.HALF_EVEN).intValueExact();
    }
}
