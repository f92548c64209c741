package in.mdm.events;

import java.util.Objects;

/**
 * An administrative scope: the state, a district or block (by LGD code) or a school (by
 * UDISE code).
 */
public record Jurisdiction(Level level, String code) {

    public enum Level {

        STATE, DISTRICT, BLOCK, SCHOOL

    }

    public Jurisdiction {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
    }

    public static Jurisdiction state(String stateCode) {
        return new Jurisdiction(Level.STATE, stateCode);
    }

    public static Jurisdiction district(String lgdCode) {
        return new Jurisdiction(Level.DISTRICT, lgdCode);
    }

    public static Jurisdiction block(String lgdCode) {
        return new Jurisdiction(Level.BLOCK, lgdCode);
    }

    public static Jurisdiction school(String udiseCode) {
        return new Jurisdiction(Level.SCHOOL, udiseCode);
    }
}
