package in.mdm.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import in.mdm.events.alert.AlertEscalated;
import in.mdm.events.alert.AlertRaised;
import in.mdm.events.alert.AlertResolved;
import in.mdm.events.auth.PasswordResetRequested;
import in.mdm.events.auth.UserActivated;
import in.mdm.events.auth.UserLocked;
import in.mdm.events.auth.UserRegistered;
import in.mdm.events.auth.UserUpdated;
import in.mdm.events.finance.AllocationCalculated;
import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.finance.FundReleaseApproved;
import in.mdm.events.finance.FundReleaseRejected;
import in.mdm.events.finance.FundReleaseRequested;
import in.mdm.events.finance.FundReleased;
import in.mdm.events.finance.UtilizationRecorded;
import in.mdm.events.ml.CascadeRiskDetected;
import in.mdm.events.ml.DemandForecasted;
import in.mdm.events.ml.ModelRetrained;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.ml.WeatherWarning;
import in.mdm.events.notification.NotificationFailed;
import in.mdm.events.notification.NotificationSent;
import in.mdm.events.optimization.TransferApproved;
import in.mdm.events.optimization.TransferRejected;
import in.mdm.events.report.ReportReady;
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.DeliveryReceived;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.InspectionRecorded;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.StockCounted;
import in.mdm.events.school.StockLow;
import in.mdm.events.school.TransferExecuted;
import in.mdm.events.school.TransferRefused;

/**
 * Every event of the system, by its stable type string. Consumers decode by type, never
 * by class name, and producers find the topic of an event here. A record that is not
 * listed cannot be published.
 */
public final class EventCatalog {

    static final Pattern TYPE = Pattern.compile("in\\.mdm\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*");
    static final Pattern TOPIC = Pattern.compile("mdm\\.[a-z]+\\.[a-z][a-z-]*");

    private static final List<Class<? extends DomainEvent>> ALL = List.of(UserRegistered.class, UserActivated.class,
            PasswordResetRequested.class, UserLocked.class, UserUpdated.class, SchoolRegistered.class,
            SchoolUpdated.class, EnrollmentUpdated.class, DailyMealReported.class, StockLow.class, StockCounted.class,
            KitchenStockLow.class, DeliveryDelayed.class, DeliveryReceived.class, InspectionOverdue.class,
            InspectionRecorded.class, TransferExecuted.class, TransferRefused.class, AllocationCalculated.class,
            FundReleaseRequested.class, FundReleaseApproved.class, FundReleaseRejected.class, FundReleased.class,
            UtilizationRecorded.class, BudgetThresholdCrossed.class, RiskScored.class, CascadeRiskDetected.class,
            DemandForecasted.class, ModelRetrained.class, WeatherWarning.class, AlertRaised.class, AlertEscalated.class,
            AlertResolved.class, NotificationSent.class, NotificationFailed.class, TransferApproved.class,
            TransferRejected.class, ReportReady.class);

    private static final EventCatalog INSTANCE = new EventCatalog(ALL);

    private final Map<String, EventDescriptor> byType = new LinkedHashMap<>();

    private final Map<Class<?>, EventDescriptor> byClass = new LinkedHashMap<>();

    EventCatalog(Collection<Class<? extends DomainEvent>> events) {
        for (Class<? extends DomainEvent> event : events) {
            EventDescriptor descriptor = EventDescriptor.of(event);
            if (!TYPE.matcher(descriptor.type()).matches()) {
                throw new IllegalStateException(
                        event.getName() + ": type '" + descriptor.type() + "' does not match " + TYPE);
            }
            if (!TOPIC.matcher(descriptor.topic()).matches()) {
                throw new IllegalStateException(
                        event.getName() + ": topic '" + descriptor.topic() + "' does not match " + TOPIC);
            }
            if (byType.putIfAbsent(descriptor.type(), descriptor) != null) {
                throw new IllegalStateException("Two events claim type " + descriptor.type());
            }
            byClass.put(event, descriptor);
        }
    }

    /** The catalog of all events of the system. */
    public static EventCatalog events() {
        return INSTANCE;
    }

    public Collection<EventDescriptor> all() {
        return byType.values();
    }

    public Optional<EventDescriptor> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public EventDescriptor forClass(Class<?> eventClass) {
        EventDescriptor descriptor = byClass.get(eventClass);
        if (descriptor == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalog");
        }
        return descriptor;
    }

    public boolean contains(Class<?> eventClass) {
        return byClass.containsKey(eventClass);
    }

    /** All topics, each once, in catalog order. */
    public List<String> topics() {
        return byType.values().stream().map(EventDescriptor::topic).distinct().toList();
    }

}
