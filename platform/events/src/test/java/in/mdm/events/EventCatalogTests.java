package in.mdm.events;

import java.util.List;

import org.junit.jupiter.api.Test;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTests {

    @Test
    void everyEventOfTheDesignIsCatalogued() {
        // the 32 of the design, TransferRefused (school-service refusing a transfer that
        // would drive stock negative) and StockCounted (every site's stock, for planning)
        assertThat(EventCatalog.events().all()).hasSize(38);
        assertThat(EventCatalog.events().all()).extracting(EventDescriptor::type)
            .contains("in.mdm.school.DailyMealReported.v1", "in.mdm.finance.FundReleased.v1", "in.mdm.ml.RiskScored.v1",
                    "in.mdm.alert.AlertRaised.v1", "in.mdm.report.ReportReady.v1", "in.mdm.school.TransferRefused.v1");
    }

    @Test
    void typeNamesTheContextAndTheRecordAndTopicNamesTheContext() {
        for (EventDescriptor d : EventCatalog.events().all()) {
            String context = d.eventClass().getPackageName().substring("in.mdm.events.".length());
            assertThat(d.type()).isEqualTo("in.mdm." + context + "." + d.eventClass().getSimpleName() + ".v1");
            assertThat(d.topic()).startsWith("mdm." + context + ".");
        }
    }

    @Test
    void lookupByTypeAndByClassAgree() {
        EventDescriptor byClass = EventCatalog.events().forClass(SchoolRegistered.class);
        assertThat(EventCatalog.events().forType("in.mdm.school.SchoolRegistered.v1")).contains(byClass);
        assertThat(byClass.topic()).isEqualTo(SchoolTopics.SCHOOLS);
        assertThat(byClass.deadLetterTopic()).isEqualTo("mdm.school.schools.DLT");
        assertThat(EventCatalog.events().forType("in.mdm.school.SchoolRegistered.v9")).isEmpty();
        assertThat(EventCatalog.events().topics()).doesNotHaveDuplicates().contains("mdm.school.daily-meal-reports");
    }

    @Test
    void refusesARecordOutsideTheCatalog() {
        assertThatThrownBy(() -> EventCatalog.events().forClass(String.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not in the event catalog");
    }

    @Test
    void refusesTwoRecordsClaimingOneType() {
        assertThatThrownBy(() -> new EventCatalog(List.of(SchoolRegistered.class, Clash.class)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Two events claim type in.mdm.school.SchoolRegistered.v1");
    }

    @Test
    void refusesATypeThatIsAClassName() {
        assertThatThrownBy(() -> new EventCatalog(List.of(ClassNamed.class))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not match");
    }

    @EventContract(type = "in.mdm.school.SchoolRegistered.v1", topic = "mdm.school.schools")
    record Clash(java.util.UUID eventId, java.time.Instant occurredAt) implements DomainEvent {
        public String aggregateId() {
            return "x";
        }
    }

    @EventContract(type = "in.mdm.events.school.SchoolRegistered", topic = "mdm.school.schools")
    record ClassNamed(java.util.UUID eventId, java.time.Instant occurredAt) implements DomainEvent {
        public String aggregateId() {
            return "x";
        }
    }

}
