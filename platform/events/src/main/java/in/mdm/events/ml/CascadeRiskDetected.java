package in.mdm.events.ml;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A shortage at a shared kitchen or supplier threatens the schools it serves.
 * {@code path} is the chain that contributed most, from the source to a school
 * ({@code KIND:code}, e.g. {@code SUPPLIER:S330404}, {@code KITCHEN:<id>},
 * {@code SCHOOL:<udise>}); {@code warnedBlocks} the blocks of the affected schools where
 * at least the configured share of schools is exposed (a block-level early warning). Both
 * were added later, at the end: older events carry none (empty lists).
 */
@EventContract(type = "in.mdm.ml.CascadeRiskDetected.v1", topic = MlTopics.CASCADES)
public record CascadeRiskDetected(UUID eventId, Instant occurredAt, String sourceKind, String sourceCode,
        List<String> affectedUdiseCodes, int childrenAtRisk, String level, List<String> path,
        List<String> warnedBlocks) implements DomainEvent {

    public CascadeRiskDetected {
        affectedUdiseCodes = affectedUdiseCodes == null ? List.of() : List.copyOf(affectedUdiseCodes);
        path = path == null ? List.of() : List.copyOf(path);
        warnedBlocks = warnedBlocks == null ? List.of() : List.copyOf(warnedBlocks);
    }

    @Override
    public String aggregateId() {
        return String.valueOf(sourceCode);
    }
}
