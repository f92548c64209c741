package in.mdm.ml.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import in.mdm.ml.model.ModelRegistry;

/**
 * The model this replica scores with: the registry's ACTIVE version, read again at most
 * every {@code mdm.ml.risk.model-refresh}, so a promotion or a rollback on any replica
 * reaches every replica within that time, without a restart. The artifact is loaded once
 * per version and checked against its SHA-256.
 */
@Component
class ActiveModel {

    record Loaded(String version, RiskModel model) {
    }

    private final ModelRegistry registry;

    private final RiskSettings settings;

    private final Clock clock;

    private volatile Loaded loaded;

    private volatile Instant checkedAt;

    ActiveModel(ModelRegistry registry, RiskSettings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<Loaded> current() {
        Instant now = clock.instant();
        Instant checked = checkedAt;
        if (checked == null || !now.isBefore(checked.plus(settings.modelRefresh))) {
            refresh(now);
        }
        return Optional.ofNullable(loaded);
    }

    /** Reads the active version now (after a promotion on this replica). */
    void refresh() {
        refresh(clock.instant());
    }

    private synchronized void refresh(Instant now) {
        Optional<String> active = registry.activeVersion(RiskSettings.MODEL);
        Loaded current = loaded;
        if (active.isEmpty()) {
            loaded = null;
        }
        else if (current == null || !current.version().equals(active.get())) {
            loaded = registry.artifact(RiskSettings.MODEL, active.get(), RiskModel::sha256)
                .map(bytes -> new Loaded(active.get(), RiskModel.fromBytes(bytes)))
                .orElse(null);
        }
        checkedAt = now;
    }

}
