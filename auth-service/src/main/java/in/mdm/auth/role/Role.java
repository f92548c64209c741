package in.mdm.auth.role;

import java.util.List;

import in.mdm.events.Jurisdiction.Level;

/**
 * The three kinds of user. Each sees only its own jurisdiction: a query outside it
 * answers 404, as if the thing did not exist.
 */
public enum Role {

    ADMIN("State administrator", List.of(Level.STATE),
            "Every district, block and school of the state: meals, stock, funds, risks, alerts, transfers and reports, and the user accounts"),
    OFFICER("District or block officer", List.of(Level.DISTRICT, Level.BLOCK),
            "The schools of their own district or block, with their meals, stock, funds, risks, alerts, transfers and reports"),
    SCHOOL("Headmaster", List.of(Level.SCHOOL),
            "Their own school only: its meals, stock, deliveries, funds received, alerts and reports");

    private final String title;

    private final List<Level> jurisdictionLevels;

    private final String maySee;

    Role(String title, List<Level> jurisdictionLevels, String maySee) {
        this.title = title;
        this.jurisdictionLevels = jurisdictionLevels;
        this.maySee = maySee;
    }

    public String title() {
        return title;
    }

    /** The levels a user of this role may be scoped to. */
    public List<Level> jurisdictionLevels() {
        return jurisdictionLevels;
    }

    public String maySee() {
        return maySee;
    }

    public boolean allows(Level level) {
        return jurisdictionLevels.contains(level);
    }

}
