package in.mdm.finance.release;

import java.util.Optional;

import in.mdm.events.Jurisdiction;

/**
 * The levels that approve a release, in their order: the district, then the block, then
 * the school, whose approval releases the amount.
 */
public enum ApprovalLevel {

    DISTRICT, BLOCK, SCHOOL;

    /** The level whose approval comes first. */
    static ApprovalLevel first() {
        return DISTRICT;
    }

    /**
     * The level whose approval comes after this one's; empty after the school's, the
     * last.
     */
    Optional<ApprovalLevel> next() {
        ApprovalLevel[] levels = values();
        return ordinal() + 1 < levels.length ? Optional.of(levels[ordinal() + 1]) : Optional.empty();
    }

    /**
     * The level a caller of a jurisdiction level acts at; empty for the state, which
     * approves no level.
     */
    static Optional<ApprovalLevel> of(Jurisdiction.Level level) {
        if (level == null) {
            return Optional.empty();
        }
        return switch (level) {
            case DISTRICT -> Optional.of(DISTRICT);
            case BLOCK -> Optional.of(BLOCK);
            case SCHOOL -> Optional.of(SCHOOL);
            case STATE -> Optional.empty();
        };
    }

}
