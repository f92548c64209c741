package in.mdm.optimization.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planning copy, read: a jurisdiction's sites (schools and kitchens), their stock,
 * their schools' forecasts and risk, as the events of school-service and ml-service told
 * them (tables {@code planning_sites}, {@code planning_stock},
 * {@code planning_forecasts}, {@code planning_risk}). A jurisdiction is a district, or a
 * block of it. Nothing here checks the caller: the callers check the jurisdiction first.
 */
@Service
public class PlanningState {

    public enum Kind {

        SCHOOL, KITCHEN

    }

    /**
     * A school ({@code siteCode} its UDISE code) or a centralised kitchen ({@code K:} and
     * its id); latitude and longitude are null when not known; {@code cookedBy} the
     * kitchen that cooks for a school.
     */
    public record Site(String siteCode, Kind kind, String udiseCode, UUID kitchenId, String districtCode,
            String blockCode, Double latitude, Double longitude, UUID cookedBy, String supplierCode) {
    }

    /** A site's latest stock of a commodity. */
    public record Stock(String siteCode, String commodity, BigDecimal quantityKg, BigDecimal daysOfStock, String status,
            Instant observedAt) {
    }

    /** A school's forecast meals on a day, with the 80 % interval. */
    public record Forecast(String udiseCode, LocalDate forDate, int meals, int lower80, int upper80) {
    }

    /** A school's latest risk score (0-100) and level. */
    public record Risk(String udiseCode, BigDecimal score, String level, LocalDate forDate) {
    }

    private final PlanningStateRepository repository;

    PlanningState(PlanningStateRepository repository) {
        this.repository = repository;
    }

    /** The site code of a kitchen. */
    public static String kitchenSite(UUID kitchenId) {
        return "K:" + kitchenId;
    }

    /** Sites of a district, or of one of its blocks ({@code blockCode} null: all). */
    @Transactional(readOnly = true)
    public List<Site> sites(String districtCode, String blockCode) {
        return repository.sites(districtCode, blockCode);
    }

    /** Their stock, of one commodity or ({@code null}) of all. */
    @Transactional(readOnly = true)
    public List<Stock> stock(String districtCode, String blockCode, String commodity) {
        return repository.stock(districtCode, blockCode, commodity);
    }

    /**
     * Their schools' forecasts for days from {@code from} (inclusive) to {@code to}
     * (exclusive).
     */
    @Transactional(readOnly = true)
    public List<Forecast> forecasts(String districtCode, String blockCode, LocalDate from, LocalDate to) {
        return repository.forecasts(districtCode, blockCode, from, to);
    }

    /** Their schools' latest risk. */
    @Transactional(readOnly = true)
    public List<Risk> risks(String districtCode, String blockCode) {
        return repository.risks(districtCode, blockCode);
    }

    /** The district a block lies in, as far as the copy knows. */
    @Transactional(readOnly = true)
    public Optional<String> districtOfBlock(String blockCode) {
        return repository.districtOfBlock(blockCode);
    }

}
