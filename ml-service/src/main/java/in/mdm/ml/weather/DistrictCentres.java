package in.mdm.ml.weather;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Where each district's weather is asked for: the approximate headquarters town of the
 * district ({@code ml/district-centres.csv}, LGD code, name, latitude, longitude; Tamil
 * Nadu's 38 districts, the same points the twin simulator lays its districts around).
 * School events carry no coordinates, so ml-service cannot take the centroid of a
 * district's schools; a district missing here is not fetched.
 */
@Component
class DistrictCentres {

    /** A district's point. */
    record Centre(String districtCode, String name, double latitude, double longitude) {
    }

    private final Map<String, Centre> centres;

    DistrictCentres() {
        this(read("ml/district-centres.csv"));
    }

    DistrictCentres(Map<String, Centre> centres) {
        this.centres = Collections.unmodifiableMap(new LinkedHashMap<>(centres));
    }

    Optional<Centre> find(String districtCode) {
        return Optional.ofNullable(districtCode == null ? null : centres.get(districtCode));
    }

    int size() {
        return centres.size();
    }

    static Map<String, Centre> read(String resource) {
        Map<String, Centre> centres = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                Centre centre = new Centre(cells[0].trim(), cells[1].trim(), Double.parseDouble(cells[2].trim()),
                        Double.parseDouble(cells[3].trim()));
                centres.put(centre.districtCode(), centre);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(resource, ex);
        }
        return centres;
    }

}
