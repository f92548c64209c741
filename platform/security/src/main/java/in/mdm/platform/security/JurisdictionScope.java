package in.mdm.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import in.mdm.events.Jurisdiction;

/**
 * What a caller may see, the one way every service asks. A jurisdiction (the state, a
 * district, a block or a school) covers everything located inside it: the state all, a
 * district its blocks and schools, a block its schools, a headmaster the school. Three
 * shapes of the same rule:
 * <ul>
 * <li>{@link #where(Columns)}: an SQL condition with bound parameters, for lists, reads,
 * aggregates and exports (hand it to {@code PagedQuery}, which applies it by itself, or
 * and it into a {@code JdbcClient} statement with {@link Condition#params()});</li>
 * <li>{@link #covers(String, String, String)}: the same check in memory, for a row or an
 * event that carries its district, block and school (live streams);</li>
 * <li>{@link #covering(String, String, String, String)}: the jurisdictions that cover a
 * school, to route notifications to its headmaster, block officer, district officer and
 * the state.</li>
 * </ul>
 * The SQL never holds a caller's value: the code is a bound parameter, and column names
 * are checked to be plain (optionally table-qualified) identifiers, declared as constants
 * next to the statements that use them.
 *
 * <pre>{@code
 * static final JurisdictionScope.Columns SCHOOL = JurisdictionScope.Columns.located("s.district_code", "s.block_code", "s.udise_code");
 *
 * Condition within = JurisdictionScope.of(caller).where(SCHOOL);
 * jdbc.sql("select * from schools s where s.udise_code = :udise and " + within.sql())
 *     .params(within.params()).param("udise", udise)...
 * }</pre>
 */
public final class JurisdictionScope {

    /**
     * The platform's copy of where every school is ({@code SchoolLocations} in the
     * service starter), which {@link Columns#school} and {@link Columns#scoped} rows are
     * placed by.
     */
    public static final String SCHOOL_LOCATIONS = "school_locations";

    /**
     * Prefix of every parameter a condition binds; a statement's own parameters must not
     * start with it.
     */
    public static final String PARAMETER_PREFIX = "jur_";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private static final JurisdictionScope NOTHING = new JurisdictionScope(null);

    private final Jurisdiction jurisdiction;

    private JurisdictionScope(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    /** The caller's jurisdiction; a caller whose token names none sees nothing. */
    public static JurisdictionScope of(Caller caller) {
        return of(caller.jurisdiction());
    }

    /** A jurisdiction's scope; {@code null} sees nothing. */
    public static JurisdictionScope of(Jurisdiction jurisdiction) {
        return jurisdiction == null ? NOTHING : new JurisdictionScope(jurisdiction);
    }

    /** The jurisdiction, or {@code null} when there is none (nothing is covered). */
    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /**
     * Whether something located in this district, block and school lies inside the
     * jurisdiction. Any of the three may be {@code null} when the thing has no such
     * location (a district-wide record has no block or school); a jurisdiction whose
     * level needs the missing part does not cover it.
     */
    public boolean covers(String districtCode, String blockCode, String udiseCode) {
        if (jurisdiction == null) {
            return false;
        }
        String code = jurisdiction.code();
        return switch (jurisdiction.level()) {
            case STATE -> true;
            case DISTRICT -> code.equals(districtCode);
            case BLOCK -> code.equals(blockCode);
            case SCHOOL -> code.equals(udiseCode);
        };
    }

    /** "The row lies inside the jurisdiction" as SQL over the row's columns. */
    public Condition where(Columns columns) {
        Objects.requireNonNull(columns, "columns");
        if (jurisdiction == null) {
            return Condition.FALSE;
        }
        if (jurisdiction.level() == Jurisdiction.Level.STATE) {
            return Condition.TRUE;
        }
        return switch (columns.shape) {
            case LOCATED -> located(columns);
            case SCHOOL -> school(columns.udise);
            case SCOPED -> scoped(columns);
        };
    }

    private Condition located(Columns columns) {
        String column = switch (jurisdiction.level()) {
            case DISTRICT -> columns.district;
            case BLOCK -> columns.block;
            case SCHOOL -> columns.udise;
            case STATE -> throw new IllegalStateException("the state covers every row");
        };
        if (column == null) {
            return Condition.FALSE;
        }
        String p = parameter(column);
        return new Condition(column + " = :" + p, Map.of(p, jurisdiction.code()));
    }

    private Condition school(String udise) {
        String p = parameter(udise);
        String sql = switch (jurisdiction.level()) {
            case SCHOOL -> udise + " = :" + p;
            case DISTRICT -> udise + " in (" + placed("udise_code", "district_code", p) + ")";
            case BLOCK -> udise + " in (" + placed("udise_code", "block_code", p) + ")";
            case STATE -> throw new IllegalStateException("the state covers every row");
        };
        return new Condition(sql, Map.of(p, jurisdiction.code()));
    }

    private Condition scoped(Columns columns) {
        String level = columns.level;
        String code = columns.code;
        String p = parameter(code);
        List<String> any = new ArrayList<>();
        switch (jurisdiction.level()) {
            case DISTRICT -> {
                any.add("(" + level + " = 'DISTRICT' and " + code + " = :" + p + ")");
                any.add("(" + level + " = 'BLOCK' and " + code + " in (" + placed("block_code", "district_code", p)
                        + "))");
                any.add("(" + level + " = 'SCHOOL' and " + code + " in (" + placed("udise_code", "district_code", p)
                        + "))");
                if (columns.udise != null) {
                    any.add(columns.udise + " in (" + placed("udise_code", "district_code", p) + ")");
                }
            }
            case BLOCK -> {
                any.add("(" + level + " = 'BLOCK' and " + code + " = :" + p + ")");
                any.add("(" + level + " = 'SCHOOL' and " + code + " in (" + placed("udise_code", "block_code", p)
                        + "))");
                if (columns.udise != null) {
                    any.add(columns.udise + " in (" + placed("udise_code", "block_code", p) + ")");
                }
            }
            case SCHOOL -> {
                any.add("(" + level + " = 'SCHOOL' and " + code + " = :" + p + ")");
                if (columns.udise != null) {
                    any.add(columns.udise + " = :" + p);
                }
            }
            case STATE -> throw new IllegalStateException("the state covers every row");
        }
        String byScope = "(" + String.join(" or ", any) + ")";
        String own = switch (jurisdiction.level()) {
            case DISTRICT -> columns.district;
            case BLOCK -> columns.block;
            default -> null;
        };
        if (own != null) {
            // a row that names its district (block) is found by that column's index; the
            // placement through school_locations is only for rows that do not
            byScope = "(" + own + " = :" + p + " or (" + own + " is null and " + byScope + "))";
        }
        return new Condition(byScope, Map.of(p, jurisdiction.code()));
    }

    /**
     * {@code select <column> from school_locations where <by> = :
     *
    <p>
     * }
     */
    private static String placed(String column, String by, String p) {
        return "select jur_l." + column + " from " + SCHOOL_LOCATIONS + " jur_l where jur_l." + by + " = :" + p;
    }

    /**
     * A parameter name of its own for each column, so that conditions on different
     * columns combine.
     */
    private static String parameter(String column) {
        return PARAMETER_PREFIX + column.replace('.', '_');
    }

    /**
     * The jurisdictions that cover a school, from the state down to the school itself:
     * whom a notification about it concerns. A {@code null} part (a school not yet placed
     * in a block) is left out.
     */
    public static List<Jurisdiction> covering(String stateCode, String districtCode, String blockCode,
            String udiseCode) {
        List<Jurisdiction> covering = new ArrayList<>(4);
        if (stateCode != null) {
            covering.add(Jurisdiction.state(stateCode));
        }
        if (districtCode != null) {
            covering.add(Jurisdiction.district(districtCode));
        }
        if (blockCode != null) {
            covering.add(Jurisdiction.block(blockCode));
        }
        if (udiseCode != null) {
            covering.add(Jurisdiction.school(udiseCode));
        }
        return List.copyOf(covering);
    }

    @Override
    public String toString() {
        return "JurisdictionScope["
                + (jurisdiction == null ? "nothing" : jurisdiction.level() + " " + jurisdiction.code()) + "]";
    }

    /**
     * Where a table's rows lie, as column names (plain or table-qualified identifiers;
     * declare them as constants).
     */
    public static final class Columns {

        private enum Shape {

            LOCATED, SCHOOL, SCOPED

        }

        private final Shape shape;

        private final String district;

        private final String block;

        private final String udise;

        private final String level;

        private final String code;

        private Columns(Shape shape, String district, String block, String udise, String level, String code) {
            this.shape = shape;
            this.district = identifier(district);
            this.block = identifier(block);
            this.udise = identifier(udise);
            this.level = identifier(level);
            this.code = identifier(code);
        }

        /**
         * Rows that carry their own place: the district, block and school columns
         * ({@code null} for one the table does not have; a jurisdiction of that level
         * then sees none of its rows, e.g. a headmaster and kitchens).
         */
        public static Columns located(String districtColumn, String blockColumn, String udiseColumn) {
            if (districtColumn == null && blockColumn == null && udiseColumn == null) {
                throw new IllegalArgumentException("at least one location column");
            }
            return new Columns(Shape.LOCATED, districtColumn, blockColumn, udiseColumn, null, null);
        }

        /**
         * Rows that name a school only (alerts, transfer plans ... in services keyed by
         * UDISE code): placed in their district and block through the platform's
         * {@value JurisdictionScope#SCHOOL_LOCATIONS} table.
         */
        public static Columns school(String udiseColumn) {
            return new Columns(Shape.SCHOOL, null, null, Objects.requireNonNull(udiseColumn, "udiseColumn"), null,
                    null);
        }

        /**
         * Rows scoped to a level and a code (the state, a district, a block or a school,
         * such as alerts and reports): a district sees its own rows, its blocks' and its
         * schools'; a block its own and its schools'; a school its own. Blocks and
         * schools are placed through {@value JurisdictionScope#SCHOOL_LOCATIONS} (a block
         * lies in the district of the schools known in it).
         * @param levelColumn holds STATE, DISTRICT, BLOCK or SCHOOL
         * @param codeColumn the LGD or UDISE code of that level
         * @param udiseColumn a school the row concerns whatever its level, or
         * {@code null} when the table has none
         */
        public static Columns scoped(String levelColumn, String codeColumn, String udiseColumn) {
            return new Columns(Shape.SCOPED, null, null, udiseColumn,
                    Objects.requireNonNull(levelColumn, "levelColumn"),
                    Objects.requireNonNull(codeColumn, "codeColumn"));
        }

        /**
         * The same scoped rows, which also carry the district and block they lie in
         * (filled when known, {@code null} otherwise): a district (block) then sees every
         * row naming it, whatever the row's level (an alert escalated to the state stays
         * in sight of the district it concerns), and the rows naming none are placed as
         * {@link #scoped} places them. The condition on a named district is one an index
         * on that column answers.
         */
        public Columns placedIn(String districtColumn, String blockColumn) {
            if (shape != Shape.SCOPED) {
                throw new IllegalStateException("only scoped rows are placed in a district and block");
            }
            return new Columns(Shape.SCOPED, Objects.requireNonNull(districtColumn, "districtColumn"),
                    Objects.requireNonNull(blockColumn, "blockColumn"), udise, level, code);
        }

        private static String identifier(String column) {
            if (column != null && !IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException("Not a column name: " + column);
            }
            return column;
        }

    }

    /**
     * A condition over a table's columns and its bound parameters. Only
     * {@link JurisdictionScope} makes one; the parameters of conditions on different
     * columns have different names, so that they can be combined.
     */
    public static final class Condition {

        static final Condition TRUE = new Condition("true", Map.of());
        static final Condition FALSE = new Condition("false", Map.of());

        private final String sql;

        private final Map<String, Object> params;

        private Condition(String sql, Map<String, Object> params) {
            this.sql = sql;
            this.params = Map.copyOf(params);
        }

        /**
         * The condition, to and into a where clause (parenthesised where it needs to be).
         */
        public String sql() {
            return sql;
        }

        /**
         * Its named parameters, all starting with
         * {@value JurisdictionScope#PARAMETER_PREFIX}.
         */
        public Map<String, Object> params() {
            return params;
        }

        /**
         * Either condition, e.g. a transfer plan whose sending or receiving school is
         * inside the jurisdiction.
         */
        public Condition or(Condition other) {
            if (this == TRUE || other == TRUE) {
                return TRUE;
            }
            if (this == FALSE) {
                return other;
            }
            if (other == FALSE) {
                return this;
            }
            return new Condition("(" + sql + " or " + other.sql + ")", merged(other));
        }

        /** Both conditions. */
        public Condition and(Condition other) {
            if (this == FALSE || other == FALSE) {
                return FALSE;
            }
            if (this == TRUE) {
                return other;
            }
            if (other == TRUE) {
                return this;
            }
            return new Condition("(" + sql + " and " + other.sql + ")", merged(other));
        }

        private Map<String, Object> merged(Condition other) {
            Map<String, Object> both = new LinkedHashMap<>(params);
            other.params.forEach((name, value) -> {
                Object mine = both.putIfAbsent(name, value);
                if (mine != null && !mine.equals(value)) {
                    throw new IllegalArgumentException("Two conditions bind " + name + " to different values");
                }
            });
            return both;
        }

        @Override
        public String toString() {
            return sql + " " + params;
        }

    }

}
