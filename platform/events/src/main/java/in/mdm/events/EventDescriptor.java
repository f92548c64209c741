package in.mdm.events;

/** The contract of one event record: class, stable type string and topic. */
public record EventDescriptor(Class<? extends DomainEvent> eventClass, String type, String topic) {

    static EventDescriptor of(Class<? extends DomainEvent> eventClass) {
        EventContract contract = eventClass.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @EventContract");
        }
        return new EventDescriptor(eventClass, contract.type(), contract.topic());
    }

    /** The dead-letter topic where poison messages of this event's topic end up. */
    public String deadLetterTopic() {
        return topic() + ".DLT";
    }
}
