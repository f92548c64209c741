package in.mdm.ml.cascade;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cascade risk's settings ({@code mdm.ml.cascade.*}; defaults those of
 * {@link CascadeModel#DEFAULT}, measured by {@code tools/bench/CascadeBench.java}).
 * {@code freshFor}: how long a district's assessment is served to readers before it is
 * made again (each evaluation replaces it at once).
 */
@ConfigurationProperties("mdm.ml.cascade")
record CascadeSettings(@DefaultValue("3") int horizon, @DefaultValue("4") int hops,
        @DefaultValue("0.95") double stockOut, @DefaultValue("0.95") double routineOut,
        @DefaultValue("0.3") double stockScale, @DefaultValue("0") double onTime,
        @DefaultValue("0.07") double perLateSite, @DefaultValue("5") int supplierWindow,
        @DefaultValue("10") int lateWindow, @DefaultValue("5") int observationWindow,
        @DefaultValue("0.9") double dependence, @DefaultValue("0.98") double kitchenDependence,
        @DefaultValue("0.05") double buffer, @DefaultValue("3") double sharingKm, @DefaultValue("0.5") double exposed,
        @DefaultValue("0.8") double critical, @DefaultValue("0.3") double blockShare,
        @DefaultValue("PT60S") Duration interval, @DefaultValue("true") boolean publish,
        @DefaultValue("PT30S") Duration freshFor) {

    CascadeModel model() {
        return new CascadeModel(horizon, hops, stockOut, routineOut, stockScale, onTime, perLateSite, supplierWindow,
                lateWindow, observationWindow, dependence, kitchenDependence, buffer, sharingKm, exposed, critical,
                blockShare);
    }

}
